package io.netproto.camel.support;

import io.netproto.testkit.mail.StartTlsFront;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import io.netproto.testkit.tls.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLS defaults of every secure endpoint against the embedded servers: a self-signed certificate (the test kit's)
 * is refused unless trusted through sslContextParameters, and a trusted certificate naming another host is refused
 * unless verifyHostname=false. The wrong-name server is a TLS relay presenting a certificate for
 * {@code other.invalid} in front of the plain server; netftps has the same cases against its own server in FtpsTest.
 * STARTTLS trust for pop3 and smtp is in Pop3StartTlsTest and SmtpStartTlsTest; for imap here, through a
 * {@link StartTlsFront} (GreenMail's IMAP offers no STARTTLS).
 */
class TlsMatrixTest {

    private static final String PASSWORD = "Tls-M4trix";
    private static AllServers servers;

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeAll
    static void startServers() {
        servers = new AllServers(PASSWORD);
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.getRegistry().bind("tls", TestTls.trustingParameters());
        context.getRegistry().bind("other", OtherHostCertificate.trustingParameters());
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp", "nntp", "pop3", "imap", "smtp" })
    void aSelfSignedCertificateIsRefusedUnlessTrusted(String protocol) {
        Exchange untrusted = send(servers.tlsUri(protocol, "").replace("sslContextParameters=#tls", "readTimeout=5000"));
        assertThat(untrusted.getException()).isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("sslContextParameters").hasStackTraceContaining("PKIX path building failed");

        Exchange trusted = send(servers.tlsUri(protocol, ""));
        assertThat(trusted.getException()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "nntp", "pop3", "imap", "smtp" })
    void aCertificateForAnotherHostIsRefusedUnlessVerifyHostnameIsOff(String protocol) {
        try (TestRelay otherHost = TestRelay.tls(OtherHostCertificate.serverContext(), "127.0.0.1", servers.plainPort(protocol))) {
            Exchange verified = send(servers.secureUri(protocol, otherHost.port(), "sslContextParameters=#other"));
            // the mismatch itself: no second attempt with the JVM's default trust (Angus Mail's socketFactory.fallback)
            assertThat(verified.getException()).isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("verifyHostname")
                    .hasStackTraceContaining("No subject alternative DNS name matching localhost");
            assertThat(otherHost.received()).as("clear text the server received").isEmpty();

            Exchange unverified = send(servers.secureUri(protocol, otherHost.port(),
                    "sslContextParameters=#other&verifyHostname=false"));
            assertThat(unverified.getException()).isNull();
            context.stop(); // pooled sessions quit before the relay closes under them
        }
    }

    @Test
    void nntpStartTlsRefusesAnUntrustedCertificateBeforeAuthinfo() {
        try (EmbeddedNewsServer news = EmbeddedNewsServer.builder().group(AllServers.GROUP).user(AllServers.USER, PASSWORD)
                .requireAuth(true).authRequiresTls(true).start()) {
            long commandsBefore = news.commandCount();
            Exchange untrusted = send(servers.plainUri("nntp", news.port(), PASSWORD, "startTls=true"));
            assertThat(untrusted.getException()).isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("sslContextParameters").hasStackTraceContaining("PKIX path building failed");
            assertThat(news.commandCount() - commandsBefore).as("only STARTTLS reached the server").isEqualTo(1);

            Exchange trusted = send(servers.plainUri("nntp", news.port(), PASSWORD, "startTls=true&sslContextParameters=#tls"));
            assertThat(trusted.getException()).isNull();
            context.stop(); // the pooled session quits: closing the server under an open TLS connection waits for its timeout
        }
    }

    @Test
    void imapStartTlsRefusesAnUntrustedCertificateOrAnotherHostBeforeLogin() {
        String startTls = "plainTextPassword=never";
        try (StartTlsFront front = StartTlsFront.imap(servers.mail())) {
            Exchange untrusted = send(servers.plainUri("imap", front.port(), PASSWORD, startTls));
            assertThat(untrusted.getException()).isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("sslContextParameters").hasStackTraceContaining("PKIX path building failed");

            Exchange trusted = send(servers.plainUri("imap", front.port(), PASSWORD, startTls + "&sslContextParameters=#tls"));
            assertThat(trusted.getException()).isNull();
            context.stop(); // pooled sessions log out through the front before it closes
            assertThat(front.upgrades()).as("handshakes completed: the untrusted one failed").isEqualTo(1);
            assertThat(front.clearTextCommands()).as("clear text the front received")
                    .allSatisfy(line -> assertThat(line).containsAnyOf("CAPABILITY", "STARTTLS"));
        }
        startContext();
        try (StartTlsFront otherHost = StartTlsFront.imap(servers.mail(), OtherHostCertificate.serverContext())) {
            Exchange verified = send(servers.plainUri("imap", otherHost.port(), PASSWORD, startTls + "&sslContextParameters=#other"));
            assertThat(verified.getException()).isInstanceOf(ConnectionFailedException.class).hasMessageContaining("verifyHostname")
                    .hasStackTraceContaining("No subject alternative names matching IP address 127.0.0.1");

            Exchange unverified = send(servers.plainUri("imap", otherHost.port(), PASSWORD,
                    startTls + "&sslContextParameters=#other&verifyHostname=false"));
            assertThat(unverified.getException()).isNull();
            context.stop();
            assertThat(otherHost.clearTextCommands()).allSatisfy(line -> assertThat(line).containsAnyOf("CAPABILITY", "STARTTLS"));
        }
    }

    private Exchange send(String uri) {
        uri = uri.replace("startTls=optional", "startTls=required");
        return template.request(uri, e -> e.getIn().setBody("tls matrix"));
    }
}
