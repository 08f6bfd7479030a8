package io.netproto.camel.smtp;

import java.util.Map;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.HostileFuzzTestSupport;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of hostile SMTP replies (garbage, wrong and malformed codes, endless {@code 250-} replies, over-long
 * lines, replies cut short, stalls) at every step of EHLO and of a mail transaction: each ends with a result or a
 * NetprotoException, nothing hangs, heap stays bounded. SMTP has no consumer.
 */
class SmtpReplyFuzzTest extends HostileFuzzTestSupport {

    @Test
    void everyHostileReplyEndsInAResultOrANetprotoException() {
        Endpoint ehlo = endpoint("smtp", "", "heloName=client.example&operation=ehlo");
        Endpoint sendmail = endpoint("smtp", "", "heloName=client.example&from=a@example.org&to=b@example.org&subject=fuzz");
        // EHLO, MAIL, RCPT, DATA, end of data, RSET/QUIT: up to six replies after the greeting
        HostileFuzz.Tally tally = HostileFuzz.run("smtp", HostileFuzz.seed(7), HostileFuzz.cases(2000), 6, server,
                c -> HostileFuzz.produce(c.index() % 2 == 0 ? ehlo : sendmail, Map.of()), 0, null);
        assertThat(tally.ok()).as("conversations left valid end with a result").isPositive();
    }
}
