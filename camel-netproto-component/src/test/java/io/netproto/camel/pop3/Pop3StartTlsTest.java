package io.netproto.camel.pop3;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.testkit.mail.StartTlsFront;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** STLS against a front that offers it before GreenMail's plain POP3 port (see {@link StartTlsFront}). */
class Pop3StartTlsTest extends Pop3TestSupport {

    private StartTlsFront front;

    @BeforeEach
    void startFront() {
        front = StartTlsFront.pop3(server);
        deliver("first", "one");
        deliver("second", "two");
    }

    @AfterEach
    void stopFront() {
        context.stop();
        front.close();
    }

    private String viaFront(String options) {
        return "pop3://" + USER + "@" + front.host() + ":" + front.port() + "?password=" + PASSWORD + "&" + options;
    }

    @ParameterizedTest
    @ValueSource(strings = { "startTls=required", "startTls=optional" })
    void statAndRetrWorkOverStlsAndNoCredentialTravelsInClearText(String startTls) {
        String uri = viaFront(startTls + "&sslContextParameters=#tls");

        assertThat(template.requestBodyAndHeader(uri, null, Pop3Constants.OPERATION, "stat", Pop3Status.class).count())
                .isEqualTo(2);
        Exchange retr = template.request(uri, e -> e.getIn().setHeaders(
                Map.of(Pop3Constants.OPERATION, "retr", Pop3Constants.MESSAGE_NUMBER, 2)));
        assertThat(retr.getException()).isNull();
        assertThat(retr.getMessage().getHeader("Subject")).isEqualTo("second");
        assertThat(retr.getMessage().getBody(String.class)).contains("two");

        assertThat(front.upgrades()).isPositive();
        assertClearTextWasOnlyCapaAndStls();
    }

    @Test
    void theConsumerReadsAndDeletesOverStls() throws Exception {
        List<String> subjects = new CopyOnWriteArrayList<>();
        String from = viaFront("startTls=required&sslContextParameters=#tls&delay=50&initialDelay=0");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).process(e -> subjects.add(e.getIn().getHeader("Subject", String.class)));
            }
        });

        await().atMost(10, TimeUnit.SECONDS).until(() -> mailboxSize() == 0);

        assertThat(subjects).containsExactly("first", "second");
        assertThat(front.upgrades()).isPositive();
        assertClearTextWasOnlyCapaAndStls();
    }

    @Test
    void anUntrustedCertificateFailsTheUpgradeBeforeLoggingIn() {
        assertThatThrownBy(() -> template.requestBody(viaFront("startTls=required&operation=stat"), (Object) null))
                .cause().isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("TLS handshake with the POP3 server " + front.host() + ":" + front.port())
                .hasMessageContaining("sslContextParameters");
        assertThat(front.upgrades()).isZero();
        assertClearTextWasOnlyCapaAndStls();
        assertThat(mailboxSize()).isEqualTo(2);
    }

    /** Each connection asked for the capabilities and upgraded; USER, PASS and everything else went over TLS. */
    private void assertClearTextWasOnlyCapaAndStls() {
        List<String> clearText = front.clearTextCommands();
        assertThat(clearText).isNotEmpty().allMatch(line -> line.equals("CAPA") || line.equals("STLS"), "CAPA or STLS")
                .noneMatch(line -> line.contains(PASSWORD));
        assertThat(clearText).filteredOn("STLS"::equals).hasSizeGreaterThanOrEqualTo(front.upgrades());
    }
}
