package io.netproto.camel.nntp;

import java.util.Map;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.HostileFuzzTestSupport;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of hostile NNTP replies (garbage, wrong and malformed codes, endless dot-terminated lists, absurd
 * article numbers, over-long lines, replies cut short, stalls) at every step of a session: each ends with a result
 * or a NetprotoException, nothing hangs, heap stays bounded.
 */
class NntpReplyFuzzTest extends HostileFuzzTestSupport {

    @Test
    void everyHostileReplyEndsInAResultOrANetprotoException() {
        Endpoint date = endpoint("nntp", "", "operation=date");
        Endpoint list = endpoint("nntp", "", "operation=list");
        Endpoint consumer = pollingEndpoint("nntp", "", "/misc.test", "");
        // MODE READER, DATE or LIST, QUIT and the consumer's GROUP, OVER, ARTICLE: up to six replies after the greeting
        HostileFuzz.Tally tally = HostileFuzz.run("nntp", HostileFuzz.seed(7), HostileFuzz.cases(2000), 6, server,
                c -> HostileFuzz.produce(c.index() % 2 == 0 ? date : list, Map.of()), 100,
                c -> HostileFuzz.consumeOnce(consumer, polls));
        assertThat(tally.ok()).as("conversations left valid end with a result").isPositive();
    }
}
