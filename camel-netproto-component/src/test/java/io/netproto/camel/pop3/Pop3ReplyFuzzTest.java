package io.netproto.camel.pop3;

import java.util.Map;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.HostileFuzzTestSupport;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of hostile POP3 replies (garbage, {@code +OKAY}-style status lines, endless dot-terminated listings,
 * over-long lines, absurd counts, replies cut short, stalls) at every step of a session: each ends with a result or
 * a NetprotoException, nothing hangs, heap stays bounded.
 */
class Pop3ReplyFuzzTest extends HostileFuzzTestSupport {

    @Test
    void everyHostileReplyEndsInAResultOrANetprotoException() {
        Endpoint stat = endpoint("pop3", "fuzz@", "password=pw&startTls=disabled&operation=stat");
        Endpoint uidl = endpoint("pop3", "fuzz@", "password=pw&startTls=disabled&operation=uidl");
        Endpoint consumer = pollingEndpoint("pop3", "fuzz@", "", "&password=pw&startTls=disabled");
        // CAPA, USER, PASS, STAT or UIDL, NOOP/QUIT: up to six replies after the greeting
        HostileFuzz.Tally tally = HostileFuzz.run("pop3", HostileFuzz.seed(7), HostileFuzz.cases(2000), 6, server,
                c -> HostileFuzz.produce(c.index() % 2 == 0 ? stat : uidl, Map.of()), 100,
                c -> HostileFuzz.consumeOnce(consumer, polls));
        assertThat(tally.ok()).as("conversations left valid end with a result").isPositive();
    }
}
