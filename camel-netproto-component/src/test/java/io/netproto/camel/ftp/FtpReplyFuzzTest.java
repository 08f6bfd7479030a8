package io.netproto.camel.ftp;

import java.util.Map;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.testkit.hostile.HostileServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of hostile FTP control replies (garbage, wrong codes, endless {@code 211-} replies, over-long lines,
 * replies cut short, stalls) at every step of a session: each ends with a result or a NetprotoException, nothing
 * hangs, heap stays bounded.
 */
class FtpReplyFuzzTest {

    private final HostileFuzz.PollOutcome polls = new HostileFuzz.PollOutcome();
    private HostileServer server;
    private CamelContext context;

    @BeforeEach
    void start() {
        server = HostileServer.start();
        context = new DefaultCamelContext();
        context.getRegistry().bind("fuzzPolls", polls);
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        server.close();
    }

    @Test
    void everyHostileReplyEndsInAResultOrANetprotoException() {
        String base = "netftp://fuzz@127.0.0.1:" + server.port() + "?password=pw&connectTimeout=2000&readTimeout="
                      + HostileFuzz.READ_TIMEOUT_MILLIS;
        Endpoint size = context.getEndpoint(base + "&operation=size&fileName=a.txt");
        Endpoint pwd = context.getEndpoint(base + "&operation=pwd");
        Endpoint consumer = context.getEndpoint(base + "&pollStrategy=#fuzzPolls&initialDelay=0&delay=60000");
        // USER, PASS, TYPE, PWD, SIZE (or PWD), QUIT: six replies after the greeting
        HostileFuzz.Tally tally = HostileFuzz.run("ftp", HostileFuzz.seed(7), HostileFuzz.cases(3000), 6, server,
                c -> HostileFuzz.produce(c.index() % 2 == 0 ? size : pwd, Map.of()), 100,
                c -> HostileFuzz.consumeOnce(consumer, polls));
        assertThat(tally.ok()).as("conversations left valid end with a result").isPositive();
    }
}
