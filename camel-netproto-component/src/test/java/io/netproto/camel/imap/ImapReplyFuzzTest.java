package io.netproto.camel.imap;

import java.util.Map;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.HostileFuzzTestSupport;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of hostile IMAP replies (garbage, wrong tags and status words, unsolicited and endless untagged
 * responses, literals announcing {2147483647} bytes, over-long lines, replies cut short, stalls) at every step of a
 * session: each ends with a result or a NetprotoException, nothing hangs, heap stays bounded.
 */
class ImapReplyFuzzTest extends HostileFuzzTestSupport {

    @Test
    void everyHostileReplyEndsInAResultOrANetprotoException() {
        Endpoint select = endpoint("imap", "fuzz@", "password=pw&startTls=disabled&operation=select");
        Endpoint search = endpoint("imap", "fuzz@", "password=pw&startTls=disabled&operation=search");
        Endpoint consumer = pollingEndpoint("imap", "fuzz@", "", "&password=pw&startTls=disabled");
        // LOGIN, SELECT, SEARCH/FETCH, CLOSE, LOGOUT and the like: up to seven replies after the greeting
        HostileFuzz.Tally tally = HostileFuzz.run("imap", HostileFuzz.seed(7), HostileFuzz.cases(2000), 7, server,
                c -> HostileFuzz.produce(c.index() % 2 == 0 ? select : search, Map.of()), 100,
                c -> HostileFuzz.consumeOnce(consumer, polls));
        assertThat(tally.ok()).as("conversations left valid end with a result").isPositive();
    }
}
