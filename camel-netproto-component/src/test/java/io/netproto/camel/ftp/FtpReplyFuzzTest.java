package io.netproto.camel.ftp;

import java.util.Map;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.HostileFuzzTestSupport;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of hostile FTP control replies (garbage, wrong codes, endless {@code 211-} replies, over-long lines,
 * replies cut short, stalls) at every step of a session: each ends with a result or a NetprotoException, nothing
 * hangs, heap stays bounded.
 */
class FtpReplyFuzzTest extends HostileFuzzTestSupport {

    @Test
    void everyHostileReplyEndsInAResultOrANetprotoException() {
        Endpoint size = endpoint("netftp", "fuzz@", "password=pw&operation=size&fileName=a.txt");
        Endpoint pwd = endpoint("netftp", "fuzz@", "password=pw&operation=pwd");
        Endpoint consumer = pollingEndpoint("netftp", "fuzz@", "", "&password=pw");
        // USER, PASS, TYPE, PWD, SIZE (or PWD), QUIT: six replies after the greeting
        HostileFuzz.Tally tally = HostileFuzz.run("ftp", HostileFuzz.seed(7), HostileFuzz.cases(2000), 6, server,
                c -> HostileFuzz.produce(c.index() % 2 == 0 ? size : pwd, Map.of()), 100,
                c -> HostileFuzz.consumeOnce(consumer, polls));
        assertThat(tally.ok()).as("conversations left valid end with a result").isPositive();
    }
}
