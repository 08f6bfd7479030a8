package io.netproto.camel.smtp;

import java.util.List;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.testkit.mail.StartTlsFront;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** STARTTLS against a front that offers it before GreenMail's plain SMTP port (see {@link StartTlsFront}). */
class SmtpStartTlsTest extends SmtpTestSupport {

    private StartTlsFront front;

    @BeforeEach
    void startFront() {
        front = StartTlsFront.smtp(mail);
    }

    @AfterEach
    void stopFront() {
        // the pooled sessions QUIT through the front first
        context.stop();
        front.close();
    }

    private String viaFront(String options) {
        return "netsmtp://bob@" + front.host() + ":" + front.port() + "?password=secret&to=bob@example.org&" + options;
    }

    @ParameterizedTest
    @ValueSource(strings = { "required", "optional" })
    void upgradesBeforeLoggingInAndSendsOnlyEhloAndStartTlsInClearText(String startTls) throws Exception {
        Exchange exchange = send(viaFront("startTls=" + startTls + "&sslContextParameters=#tls&subject=Upgraded"),
                "over STARTTLS");

        assertThat(exchange.getMessage().getHeader(SmtpConstants.SEND_RESULT, SendResult.class).isComplete()).isTrue();
        assertThat(mail.greenMail().getReceivedMessages()).singleElement()
                .satisfies(message -> assertThat(message.getSubject()).isEqualTo("Upgraded"));
        assertThat(front.upgrades()).isEqualTo(1);
        assertThat(verbs(front.clearTextCommands())).containsExactly("EHLO", "STARTTLS");
        assertThat(verbs(mail.smtpCommands())).as("sent over TLS").startsWith("EHLO", "AUTH")
                .contains("MAIL", "RCPT", "DATA");
    }

    @Test
    void aPooledUpgradedSessionServesTheNextSendWithoutAnotherUpgrade() {
        String uri = viaFront("startTls=required&sslContextParameters=#tls");
        send(uri, "first");
        send(uri, "second");

        assertThat(mail.greenMail().getReceivedMessages()).hasSize(2);
        assertThat(front.upgrades()).isEqualTo(1);
        assertThat(verbs(front.clearTextCommands())).containsExactly("EHLO", "STARTTLS");
    }

    @Test
    void anUntrustedCertificateFailsTheUpgradeAndNothingFollowsStartTls() {
        String jvmTrustOnly = viaFront("startTls=required"); // no sslContextParameters

        Exchange exchange = template.request(jvmTrustOnly, e -> e.getMessage().setBody("confidential"));

        assertThat(exchange.getException()).isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining(front.host() + ":" + front.port())
                .hasMessageContaining("Could not convert socket to TLS")
                .hasStackTraceContaining("SSLHandshakeException");
        assertThat(front.upgrades()).isZero();
        assertThat(verbs(front.clearTextCommands())).containsExactly("EHLO", "STARTTLS");
        assertThat(mail.smtpCommands()).isEmpty();
        assertThat(mail.greenMail().getReceivedMessages()).isEmpty();
    }

    /** The command words of recorded command lines, without arguments or credentials. */
    private static List<String> verbs(List<String> lines) {
        return lines.stream().map(line -> line.split(" ", 2)[0]).toList();
    }
}
