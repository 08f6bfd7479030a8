package io.netproto.testkit.nntp;

import java.io.IOException;
import java.util.List;

import javax.net.ssl.SSLSocket;

import io.netproto.testkit.nntp.NewsClients.LineClient;
import org.apache.commons.net.nntp.NNTPClient;
import org.junit.jupiter.api.Test;

import static io.netproto.testkit.nntp.NewsClients.headers;
import static io.netproto.testkit.nntp.NewsClients.nntp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AUTHINFO USER/PASS (RFC 4643), STARTTLS (RFC 4642) and implicit TLS. */
class NntpAuthAndTlsTest {

    private static EmbeddedNewsServer.Builder news() {
        return EmbeddedNewsServer.builder().group("local.test").user("alice", "secret pass");
    }

    @Test
    void commandsAnswer480UntilTheClientAuthenticates() throws IOException {
        try (EmbeddedNewsServer server = news().requireAuth(true).start()) {
            NNTPClient client = nntp(server);
            assertThat(client.selectNewsgroup("local.test")).isFalse();
            assertThat(client.getReplyCode()).isEqualTo(480);
            assertThat(client.authenticate("alice", "secret pass")).isTrue();
            assertThat(client.selectNewsgroup("local.test")).isTrue();
            client.disconnect();

            try (LineClient raw = new LineClient(server)) {
                assertThat(raw.command("DATE")).startsWith("480 ");
                assertThat(raw.command("POST")).startsWith("480 ");
                assertThat(raw.command("LIST")).startsWith("480 ");
                assertThat(raw.command("ARTICLE <a@b>")).startsWith("480 ");
                assertThat(raw.command("MODE READER")).startsWith("200 ");
                assertThat(raw.multiLine("HELP", 100)).isNotEmpty();
                assertThat(raw.multiLine("CAPABILITIES", 101)).contains("AUTHINFO USER");
                assertThat(raw.command("AUTHINFO USER alice")).startsWith("381 ");
                assertThat(raw.command("AUTHINFO PASS secret pass")).startsWith("281 ");
                assertThat(raw.command("DATE")).startsWith("111 ");
                assertThat(raw.multiLine("CAPABILITIES", 101)).noneMatch(line -> line.startsWith("AUTHINFO"))
                        .doesNotContain("STARTTLS");
                assertThat(raw.command("AUTHINFO USER alice")).startsWith("502 ");
                assertThat(raw.command("QUIT")).startsWith("205 ");
            }
        }
    }

    @Test
    void aWrongPasswordAnswers481AndLeavesTheClientUnauthenticated() throws IOException {
        try (EmbeddedNewsServer server = news().requireAuth(true).start()) {
            NNTPClient client = nntp(server);
            assertThat(client.authenticate("alice", "wrong")).isFalse();
            assertThat(client.getReplyCode()).isEqualTo(481);
            assertThat(client.selectNewsgroup("local.test")).isFalse();
            assertThat(client.getReplyCode()).isEqualTo(480);
            assertThat(client.authenticate("mallory", "secret pass")).isFalse();
            assertThat(client.getReplyCode()).isEqualTo(481);
            assertThat(client.authenticate("alice", "secret pass")).isTrue();
            client.disconnect();
        }
    }

    @Test
    void authinfoOutOfSequenceOrMalformedIsRefused() throws IOException {
        try (EmbeddedNewsServer server = news().start();
             LineClient raw = new LineClient(server)) {
            assertThat(raw.command("AUTHINFO PASS secret pass")).startsWith("482 ");
            assertThat(raw.command("AUTHINFO USER")).startsWith("501 ");
            assertThat(raw.command("AUTHINFO SASL PLAIN")).startsWith("501 ");
            assertThat(raw.command("AUTHINFO")).startsWith("501 ");
            assertThat(raw.command("AUTHINFO USER alice")).startsWith("381 ");
            assertThat(raw.command("AUTHINFO PASS secret")).startsWith("481 ");
            assertThat(raw.command("AUTHINFO PASS secret pass")).startsWith("482 ");
            assertThat(raw.command("GROUP local.test")).startsWith("211 ");
        }
    }

    @Test
    void authinfoIsUnavailableWithoutUsers() throws IOException {
        try (EmbeddedNewsServer server = EmbeddedNewsServer.builder().start();
             LineClient raw = new LineClient(server)) {
            assertThat(raw.command("AUTHINFO USER alice")).startsWith("502 ");
        }
        assertThatThrownBy(() -> EmbeddedNewsServer.builder().requireAuth(true).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("user");
    }

    @Test
    void startTlsUpgradesTheConnectionAndResetsItsState() throws IOException {
        try (EmbeddedNewsServer server = news().start();
             LineClient raw = new LineClient(server)) {
            assertThat(raw.multiLine("CAPABILITIES", 101)).contains("STARTTLS");
            raw.command("GROUP local.test");
            assertThat(raw.command("STARTTLS now")).startsWith("501 ");
            assertThat(raw.command("STARTTLS")).startsWith("382 ");
            raw.upgradeToTls();
            assertThat(server.serverSideSockets()).singleElement().isInstanceOf(SSLSocket.class);
            assertThat(raw.multiLine("CAPABILITIES", 101)).doesNotContain("STARTTLS").contains("AUTHINFO USER");
            assertThat(raw.command("ARTICLE")).startsWith("412 ");
            assertThat(raw.command("STARTTLS")).startsWith("502 ");
            assertThat(raw.command("AUTHINFO USER alice")).startsWith("381 ");
            assertThat(raw.command("AUTHINFO PASS secret pass")).startsWith("281 ");
            assertThat(raw.command("GROUP local.test")).startsWith("211 ");
        }
    }

    @Test
    void startTlsIsRefusedAfterAuthentication() throws IOException {
        try (EmbeddedNewsServer server = news().start();
             LineClient raw = new LineClient(server)) {
            raw.command("AUTHINFO USER alice");
            raw.command("AUTHINFO PASS secret pass");
            assertThat(raw.command("STARTTLS")).startsWith("502 ");
            assertThat(raw.command("DATE")).startsWith("111 ");
        }
    }

    @Test
    void authenticationCanRequireTlsFirst() throws IOException {
        try (EmbeddedNewsServer server = news().requireAuth(true).authRequiresTls(true).start();
             LineClient raw = new LineClient(server)) {
            List<String> capabilities = raw.multiLine("CAPABILITIES", 101);
            assertThat(capabilities).contains("AUTHINFO", "STARTTLS").doesNotContain("AUTHINFO USER");
            assertThat(raw.command("AUTHINFO USER alice")).startsWith("483 ");
            assertThat(raw.command("GROUP local.test")).startsWith("480 ");
            assertThat(raw.command("STARTTLS")).startsWith("382 ");
            raw.upgradeToTls();
            assertThat(raw.multiLine("CAPABILITIES", 101)).contains("AUTHINFO USER");
            assertThat(raw.command("AUTHINFO USER alice")).startsWith("381 ");
            assertThat(raw.command("AUTHINFO PASS secret pass")).startsWith("281 ");
            assertThat(raw.command("GROUP local.test")).startsWith("211 ");
        }
    }

    @Test
    void implicitTlsSpeaksTlsFromTheFirstByte() throws IOException {
        try (EmbeddedNewsServer server = news().implicitTls(true).authRequiresTls(true).start()) {
            server.post("local.test", headers("Subject", "over tls"), "secret body");
            NNTPClient client = nntp(server, true);
            assertThat(client.isAllowedToPost()).isTrue();
            assertThat(client.authenticate("alice", "secret pass")).isTrue();
            assertThat(client.selectNewsgroup("local.test")).isTrue();
            assertThat(client.retrieveArticleBody(1L).readLine()).isEqualTo("secret body");
            assertThat(client.logout()).isTrue();
            client.disconnect();

            try (LineClient raw = new LineClient(server, true)) {
                assertThat(raw.greeting()).startsWith("200 ");
                assertThat(raw.multiLine("CAPABILITIES", 101)).doesNotContain("STARTTLS").contains("AUTHINFO USER");
                assertThat(raw.command("STARTTLS")).startsWith("502 ");
                assertThat(server.serverSideSockets()).singleElement().isInstanceOf(SSLSocket.class);
            }
            assertThat(server.toString()).startsWith("EmbeddedNewsServer[nntps://127.0.0.1:");
        }
    }
}
