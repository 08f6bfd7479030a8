package io.netproto.camel.ftp;

import java.util.Map;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.ReplyLimitExceededException;
import io.netproto.camel.support.TlsHostileFuzz;
import io.netproto.testkit.hostile.HostileServer;
import io.netproto.testkit.tls.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile FTP control replies received over implicit TLS (netftps with implicit=true), the greeting included: the reply
 * limits apply to the decrypted control stream from its first byte. Each case ends with a result or a
 * NetprotoException, nothing hangs, heap stays bounded.
 */
class FtpsTlsReplyFuzzTest {

    @Test
    void hostileRepliesOverImplicitTlsEndInAResultOrANetprotoException() {
        try (TlsHostileFuzz fuzz = TlsHostileFuzz.implicitTls()) {
            String options = "implicit=true&password=pw&dataChannelProtection=C";
            Endpoint pwd = fuzz.endpoint("netftps", "fuzz@", options + "&operation=pwd");
            Endpoint size = fuzz.endpoint("netftps", "fuzz@", options + "&operation=size&fileName=a.txt");
            // greeting, then PBSZ, PROT, USER, PASS, TYPE, PWD or SIZE, QUIT
            HostileFuzz.Tally tally = fuzz.run("ftp", HostileFuzz.seed(11), 8,
                    c -> HostileFuzz.produce(c.index() % 2 == 0 ? pwd : size, Map.of()), 0, null);
            assertThat(tally.ok()).as("conversations left valid end with a result").isPositive();
            assertThat(tally.limitTrips()).as("over-long or endless replies trip a limit, the greeting's too").isPositive();
        }
    }

    @Test
    void anEndlessGreetingOverImplicitTlsTripsTheLineLimit() {
        CamelContext camel = new DefaultCamelContext();
        try (HostileServer server = HostileServer.startImplicitTls(TestTls.serverContext())) {
            server.script(c -> c.sendLongLine("220 ", 10L << 20));
            camel.getRegistry().bind("tls", TestTls.trustingParameters());
            camel.start();
            Exchange result = camel.createProducerTemplate().request("netftps://fuzz@" + server.host() + ":" + server.port()
                    + "?implicit=true&password=pw&sslContextParameters=#tls&readTimeout=30000&operation=pwd", e -> { });
            assertThat(result.getException()).hasRootCauseInstanceOf(ReplyLimitExceededException.class)
                    .rootCause().hasMessageContaining("line longer than");
        } finally {
            camel.stop();
        }
    }
}
