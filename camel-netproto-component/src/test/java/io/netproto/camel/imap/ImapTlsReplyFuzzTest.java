package io.netproto.camel.imap;

import java.util.Map;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.TlsHostileFuzz;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile IMAP replies (over-long lines, endless untagged responses, huge literals, garbage, stalls) received over TLS, where the
 * reply limits apply to the decrypted stream: over implicit TLS (imaps) and after STARTTLS. Each case ends with a result
 * or a NetprotoException, nothing hangs, heap stays bounded.
 */
class ImapTlsReplyFuzzTest {

    @Test
    void hostileRepliesOverImplicitTlsEndInAResultOrANetprotoException() {
        try (TlsHostileFuzz fuzz = TlsHostileFuzz.implicitTls()) {
            run(fuzz, "imaps", "");
        }
    }

    @Test
    void hostileRepliesAfterStartTlsEndInAResultOrANetprotoException() {
        try (TlsHostileFuzz fuzz = TlsHostileFuzz.startTls()) {
            run(fuzz, "imap", "startTls=required&");
        }
    }

    private static void run(TlsHostileFuzz fuzz, String scheme, String options) {
        Endpoint select = fuzz.endpoint(scheme, "fuzz@", options + "password=pw&operation=select");
        Endpoint search = fuzz.endpoint(scheme, "fuzz@", options + "password=pw&operation=search");
        Endpoint consumer = fuzz.pollingEndpoint(scheme, "fuzz@", options + "password=pw");
        // CAPABILITY, LOGIN, SELECT, SEARCH/FETCH, CLOSE, LOGOUT and the like: up to seven replies
        HostileFuzz.Tally tally = fuzz.run("imap", HostileFuzz.seed(11), 7,
                c -> HostileFuzz.produce(c.index() % 2 == 0 ? select : search, Map.of()), 50,
                f -> c -> HostileFuzz.consumeOnce(consumer, f.polls()));
        assertThat(tally.ok()).as("conversations left valid end with a result").isPositive();
    }
}
