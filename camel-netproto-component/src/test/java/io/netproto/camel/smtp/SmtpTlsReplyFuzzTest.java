package io.netproto.camel.smtp;

import java.util.Map;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.TlsHostileFuzz;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile SMTP replies (endless {@code 250-} replies, over-long lines, wrong codes, garbage, stalls) received over TLS,
 * where the reply limits apply to the decrypted stream: over implicit TLS (smtps) and after STARTTLS. Each case ends
 * with a result or a NetprotoException, nothing hangs, heap stays bounded.
 */
class SmtpTlsReplyFuzzTest {

    @Test
    void hostileRepliesOverImplicitTlsEndInAResultOrANetprotoException() {
        try (TlsHostileFuzz fuzz = TlsHostileFuzz.implicitTls()) {
            run(fuzz, "smtps", "");
        }
    }

    @Test
    void hostileRepliesAfterStartTlsEndInAResultOrANetprotoException() {
        try (TlsHostileFuzz fuzz = TlsHostileFuzz.startTls()) {
            run(fuzz, "smtp", "startTls=required&");
        }
    }

    private static void run(TlsHostileFuzz fuzz, String scheme, String options) {
        Endpoint ehlo = fuzz.endpoint(scheme, "", options + "heloName=client.example&operation=ehlo");
        Endpoint sendmail = fuzz.endpoint(scheme, "", options + "heloName=client.example&from=a@example.org&to=b@example.org&subject=fuzz");
        // EHLO, MAIL, RCPT, DATA, end of data, RSET/QUIT: up to six replies after the greeting (or after STARTTLS)
        HostileFuzz.Tally tally = fuzz.run("smtp", HostileFuzz.seed(11), 6,
                c -> HostileFuzz.produce(c.index() % 2 == 0 ? ehlo : sendmail, Map.of()), 0, null);
        assertThat(tally.ok()).as("conversations left valid end with a result").isPositive();
    }
}
