package io.netproto.camel.support;

import java.util.Locale;

import io.netproto.testkit.mail.StartTlsFront;
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
 * The {@code plainTextPassword} option end to end, per protocol, against the embedded servers: a relay in front of
 * each plain server records what reached it, so the tests see that a refused password never left the client.
 */
class PlainTextPasswordGuardTest {

    private static final String PASSWORD = "Gu4rd-Pl41n";
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
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp", "nntp", "pop3", "imap", "smtp" })
    void neverRefusesAPlainTextLoginBeforeAnyCredentialReachesTheServer(String protocol) {
        try (TestRelay relay = TestRelay.plain("127.0.0.1", servers.plainPort(protocol))) {
            Exchange exchange = send(servers.plainUri(protocol, relay.port(), PASSWORD, "plainTextPassword=never"));

            assertThat(exchange.getException()).isInstanceOf(PlainTextPasswordException.class)
                    .hasMessageContaining(protocol.toUpperCase(Locale.ROOT) + " server 127.0.0.1:" + relay.port())
                    .hasMessageContaining("not encrypted by TLS").hasMessageContaining("plainTextPassword=never")
                    .hasMessageContaining("set plainTextPassword=always").hasMessageNotContaining(PASSWORD);
            String wire = relay.received().toUpperCase(Locale.ROOT);
            assertThat(wire).as("what reached the server").doesNotContain("PASS", "AUTH ", "AUTHINFO", "LOGIN", "USER");
            assertThat(SecretScan.contains(relay.received(), AllServers.USER, PASSWORD)).isFalse();
        }
    }

    /** The default (loopback) and the opt-out send the password over clear text to the loopback relay. */
    @ParameterizedTest
    @ValueSource(strings = { "ftp:loopback", "nntp:loopback", "pop3:loopback", "imap:loopback", "smtp:loopback",
                             "ftp:always", "nntp:always", "pop3:always", "imap:always", "smtp:always" })
    void loopbackAndAlwaysLogInOverClearTextToALoopbackServer(String protocolAndPolicy) {
        String protocol = protocolAndPolicy.split(":")[0];
        String policy = protocolAndPolicy.split(":")[1];
        try (TestRelay relay = TestRelay.plain("127.0.0.1", servers.plainPort(protocol))) {
            String options = policy.equals("loopback") ? "" : "plainTextPassword=" + policy;
            Exchange exchange = send(servers.plainUri(protocol, relay.port(), PASSWORD, options));

            assertThat(exchange.getException()).isNull();
            assertThat(SecretScan.contains(relay.received(), AllServers.USER, PASSWORD)).as("password on the wire").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp", "nntp", "pop3", "imap", "smtp" })
    void neverAllowsTheLoginOverImplicitTls(String protocol) {
        Exchange exchange = send(servers.tlsUri(protocol, "plainTextPassword=never"));
        assertThat(exchange.getException()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "pop3", "imap", "smtp" })
    void neverAllowsTheLoginAfterStartTls(String protocol) {
        try (StartTlsFront front = switch (protocol) {
            case "pop3" -> StartTlsFront.pop3(servers.mail());
            case "imap" -> StartTlsFront.imap(servers.mail());
            default -> StartTlsFront.smtp(servers.mail());
        }) {
            Exchange exchange = send(servers.plainUri(protocol, front.port(), PASSWORD,
                    "plainTextPassword=never&sslContextParameters=#tls"));
            assertThat(exchange.getException()).isNull();
            assertThat(front.upgrades()).isEqualTo(1);
            context.stop(); // pooled sessions quit through the front before it closes
            String clearText = String.join("\n", front.clearTextCommands()).toUpperCase(Locale.ROOT);
            assertThat(clearText).as("commands the front received in clear text")
                    .doesNotContain("LOGIN", "PASS", "AUTH ", "USER").doesNotContain(PASSWORD.toUpperCase(Locale.ROOT));
        }
    }

    @Test
    void neverAllowsTheNntpLoginAfterStartTls() {
        try (io.netproto.testkit.nntp.EmbeddedNewsServer news = io.netproto.testkit.nntp.EmbeddedNewsServer.builder()
                .group(AllServers.GROUP).user(AllServers.USER, PASSWORD).requireAuth(true).authRequiresTls(true).start()) {
            Exchange exchange = send(servers.plainUri("nntp", news.port(), PASSWORD,
                    "plainTextPassword=never&startTls=true&sslContextParameters=#tls"));
            assertThat(exchange.getException()).isNull();
            context.stop(); // the pooled session quits: closing the server under an open TLS connection waits for its timeout
        }
    }

    @Test
    void neverRefusesPop3WithStartTlsDisabledWithoutConnecting() {
        int before = servers.connectionCount("pop3");
        Exchange exchange = send(servers.plainUri("pop3", servers.plainPort("pop3"), PASSWORD,
                "plainTextPassword=never").replace("startTls=optional", "startTls=disabled"));
        assertThat(exchange.getException()).isInstanceOf(PlainTextPasswordException.class);
        assertThat(servers.connectionCount("pop3")).isEqualTo(before);
    }

    private Exchange send(String uri) {
        return template.request(uri, e -> e.getIn().setBody("guarded"));
    }
}
