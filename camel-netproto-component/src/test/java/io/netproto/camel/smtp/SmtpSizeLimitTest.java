package io.netproto.camel.smtp;

import io.netproto.camel.support.SizeLimitExceededException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** maxMessageSize and the server's EHLO SIZE: a mail over either is refused before MAIL FROM, never sent to get a 552. */
class SmtpSizeLimitTest extends SmtpTestSupport {

    private static final String LARGE = "0123456789".repeat(200);

    @Test
    void aMailOverMaxMessageSizeFailsBeforeAnyConnection() {
        assertThatThrownBy(() -> send(smtp("to=bob@example.org&maxMessageSize=1000"), LARGE))
                .rootCause().isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("The mail is ").hasMessageContaining("over the limit maxMessageSize=1000 bytes: not sent");
        assertThat(mail.acceptedConnections("smtp")).isZero();
        assertThat(mail.smtpCommands()).isEmpty();
        assertThat(mail.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void aMailWithinMaxMessageSizeIsSent() {
        send(smtp("to=bob@example.org&maxMessageSize=100000"), LARGE);
        assertThat(mail.greenMail().getReceivedMessages()).hasSize(1);
    }

    @Test
    void withMaxMessageSizeAMailOverTheSizeTheServerAdvertisesFailsBeforeMailFrom() {
        mail.advertiseSmtpExtensions("SIZE 1000");
        Exchange exchange = template.request(smtp("to=bob@example.org&maxMessageSize=1000000"),
                e -> e.getMessage().setBody(LARGE));
        assertThat(exchange.getException()).isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("over the limit SIZE (advertised by the SMTP server")
                .hasMessageContaining("=1000 bytes: not sent");
        SizeLimitExceededException refused = (SizeLimitExceededException) exchange.getException();
        assertThat(refused.getLimit()).isEqualTo(1000);
        assertThat(refused.getSize()).isGreaterThan(2000);
        assertThat(mail.smtpCommands()).anyMatch(c -> c.startsWith("EHLO")).noneMatch(c -> c.startsWith("MAIL"));
        assertThat(mail.greenMail().getReceivedMessages()).isEmpty();

        send(smtp("to=bob@example.org&maxMessageSize=1000000"), "short");
        assertThat(mail.greenMail().getReceivedMessages()).hasSize(1);
    }

    @Test
    void aNegativeLimitFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint(smtp("to=bob@example.org&maxMessageSize=-5")))
                .hasStackTraceContaining("maxMessageSize");
    }
}
