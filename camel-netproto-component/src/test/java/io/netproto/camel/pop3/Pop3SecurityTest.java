package io.netproto.camel.pop3;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.NetprotoException;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pop3SecurityTest extends Pop3TestSupport {

    @Test
    void aWrongPasswordGivesAClearAuthenticationError() {
        String uri = "pop3://" + USER + "@" + server.host() + ":" + server.pop3Port() + "?password=wrong&startTls=optional&operation=stat";
        assertThatThrownBy(() -> template.requestBody(uri, (Object) null))
                .rootCause().isInstanceOf(Pop3AuthenticationException.class)
                .hasMessageContaining("POP3 authentication failed")
                .hasMessageContaining("login as " + USER)
                .hasMessageNotContaining("wrong")
                .satisfies(e -> assertThat(((Pop3AuthenticationException) e).isTransient()).isFalse());
    }

    @Test
    void pop3sWithTheTrustedTestCertificateWorks() {
        deliver("tls", "T");
        assertThat(template.requestBody(uri("pop3s", "operation=stat"), null, Pop3Status.class).count()).isEqualTo(1);
    }

    @Test
    void pop3sWithAnUntrustedCertificateFailsClearly() {
        String uri = "pop3s://" + USER + "@" + server.host() + ":" + server.pop3sPort() + "?password=" + PASSWORD
                     + "&operation=stat";
        assertThatThrownBy(() -> template.requestBody(uri, (Object) null))
                .hasCauseInstanceOf(ConnectionFailedException.class)
                .hasStackTraceContaining("SSLHandshakeException")
                .hasStackTraceContaining("TLS handshake with the POP3 server")
                .hasStackTraceContaining("sslContextParameters");
    }

    @Test
    void startTlsRequiredAgainstAServerWithoutStlsFailsBeforeLoggingIn() {
        assertThatThrownBy(() -> template.requestBody(uri("pop3", "startTls=required&operation=stat"), (Object) null))
                .cause().isInstanceOf(NetprotoException.class)
                .hasMessageContaining("STARTTLS is required")
                .hasMessageContaining("no credential was sent");
    }

    @Test
    void startTlsOptionalFallsBackToPlainWhenTheServerDoesNotOfferIt() {
        assertThat(template.requestBody(uri("pop3", "startTls=optional&operation=stat"), null, Pop3Status.class).count())
                .isZero();
    }

    @Test
    void lineBreaksInTheUserNameAreRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("pop3://" + server.host() + "?username=alice%0D%0ARETR+1&password=x"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("username")
                .hasStackTraceContaining("CR, LF");
        assertThatThrownBy(() -> context.getEndpoint("pop3://alice@" + server.host() + "?password=x%0D%0ADELE+1"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("password")
                .hasStackTraceContaining("CR, LF");
    }

    @Test
    void lineBreaksInMessageSelectorsAreRefused() {
        deliver("one", "1");
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("operation=retr"), null, Pop3Constants.MESSAGE_NUMBER,
                "1\r\nDELE 1")).hasStackTraceContaining("CR, LF");
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("operation=dele"), null, Pop3Constants.UID,
                "1\r\nDELE 1")).hasStackTraceContaining("CR, LF");
        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri("operation=top"), null,
                java.util.Map.of(Pop3Constants.MESSAGE_NUMBER, 1, Pop3Constants.TOP_LINES, "0\r\nDELE 1")))
                .hasStackTraceContaining("CR, LF");
        assertThat(mailboxSize()).isEqualTo(1);
    }
}
