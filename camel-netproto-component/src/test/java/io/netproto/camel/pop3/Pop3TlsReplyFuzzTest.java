package io.netproto.camel.pop3;

import java.util.Map;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.TlsHostileFuzz;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile POP3 replies (over-long lines, endless listings, absurd counts, garbage, stalls) received over TLS, where the
 * reply limits apply to the decrypted stream: over implicit TLS (pop3s) and after STLS. Each case ends with a result
 * or a NetprotoException, nothing hangs, heap stays bounded.
 */
class Pop3TlsReplyFuzzTest {

    @Test
    void hostileRepliesOverImplicitTlsEndInAResultOrANetprotoException() {
        try (TlsHostileFuzz fuzz = TlsHostileFuzz.implicitTls()) {
            run(fuzz, "pop3s", "");
        }
    }

    @Test
    void hostileRepliesAfterStlsEndInAResultOrANetprotoException() {
        try (TlsHostileFuzz fuzz = TlsHostileFuzz.startTls()) {
            run(fuzz, "pop3", "startTls=required&");
        }
    }

    private static void run(TlsHostileFuzz fuzz, String scheme, String options) {
        Endpoint stat = fuzz.endpoint(scheme, "fuzz@", options + "password=pw&operation=stat");
        Endpoint uidl = fuzz.endpoint(scheme, "fuzz@", options + "password=pw&operation=uidl");
        Endpoint consumer = fuzz.pollingEndpoint(scheme, "fuzz@", options + "password=pw");
        // CAPA, USER, PASS, STAT or UIDL, NOOP/QUIT: up to six replies after the greeting (or after STLS)
        HostileFuzz.Tally tally = fuzz.run("pop3", HostileFuzz.seed(11), 6,
                c -> HostileFuzz.produce(c.index() % 2 == 0 ? stat : uidl, Map.of()), 50,
                f -> c -> HostileFuzz.consumeOnce(consumer, f.polls()));
        assertThat(tally.ok()).as("conversations left valid end with a result").isPositive();
    }
}
