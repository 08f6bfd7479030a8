package io.netproto.testkit.nntp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;

import io.netproto.testkit.nntp.NewsClients.LineClient;
import org.apache.commons.net.nntp.NNTPClient;
import org.apache.commons.net.nntp.NNTPConnectionClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.netproto.testkit.nntp.NewsClients.await;
import static io.netproto.testkit.nntp.NewsClients.headers;
import static io.netproto.testkit.nntp.NewsClients.nntp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The failure switches and the counters. */
class NntpSwitchesTest {

    private EmbeddedNewsServer server;

    @BeforeEach
    void startServer() {
        server = EmbeddedNewsServer.builder().group("local.test").group("local.other").start();
        for (int i = 1; i <= 5; i++) {
            server.post("local.test", headers("From", "a@example.org", "Subject", "article " + i), "body " + i);
        }
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void disablingOverAndHdrLeavesXoverAndXhdr() throws IOException {
        server.disableOverHdr(true);
        try (LineClient raw = new LineClient(server)) {
            raw.command("GROUP local.test");
            assertThat(raw.command("OVER 1-2")).startsWith("500 ");
            assertThat(raw.command("HDR Subject 1-2")).startsWith("500 ");
            assertThat(raw.multiLine("XOVER 1-2", 224)).hasSize(2);
            assertThat(raw.multiLine("XHDR Subject 1-2", 221)).containsExactly("1 article 1", "2 article 2");
            assertThat(raw.multiLine("CAPABILITIES", 101)).doesNotContain("OVER MSGID", "HDR")
                    .contains("LIST ACTIVE NEWSGROUPS OVERVIEW.FMT");
            server.disableOverHdr(false);
            assertThat(raw.multiLine("OVER 1-2", 224)).hasSize(2);
        }
        NNTPClient client = nntp(server);
        server.disableOverHdr(true);
        client.selectNewsgroup("local.test");
        assertThat(client.iterateArticleInfo(1, 5)).hasSize(5);
        client.disconnect();
    }

    @Test
    void omittingOverviewSizesLeavesTheBytesFieldEmpty() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            raw.command("GROUP local.test");
            assertThat(raw.multiLine("OVER 1", 224).get(0).split("\t", -1)[6]).isNotEmpty();
            server.omitOverviewSizes(true);
            assertThat(raw.multiLine("OVER 1", 224).get(0).split("\t", -1)[6]).isEmpty();
            assertThat(raw.multiLine("XOVER 1", 224).get(0).split("\t", -1)[6]).isEmpty();
        }
    }

    @Test
    void disablingXoverAndXhdrIsSeparate() throws IOException {
        server.disableXoverXhdr(true);
        try (LineClient raw = new LineClient(server)) {
            raw.command("GROUP local.test");
            assertThat(raw.command("XOVER 1-2")).startsWith("500 ");
            assertThat(raw.command("XHDR Subject 1-2")).startsWith("500 ");
            assertThat(raw.multiLine("OVER 1-2", 224)).hasSize(2);
            assertThat(raw.multiLine("HDR Subject 1", 225)).containsExactly("1 article 1");
            server.disableOverHdr(true);
            assertThat(raw.command("OVER 1-2")).startsWith("500 ");
            assertThat(raw.command("XOVER 1-2")).startsWith("500 ");
            server.disableXoverXhdr(false);
            assertThat(raw.multiLine("XOVER 1-2", 224)).hasSize(2);
        }
    }

    @Test
    void expiredArticlesLeaveGaps() throws IOException {
        Article second = server.articles("local.test").get(1);
        server.expire("local.test", 2);
        server.expire("local.test", 1);
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("GROUP local.test")).isEqualTo("211 3 3 5 local.test");
            assertThat(raw.command("ARTICLE 2")).startsWith("423 ");
            assertThat(raw.command("STAT " + second.messageId())).startsWith("430 ");
            assertThat(raw.multiLine("LISTGROUP local.test", 211)).containsExactly("3", "4", "5");
            assertThat(raw.multiLine("OVER 1-4", 224)).extracting(l -> l.split("\t")[0]).containsExactly("3", "4");
            assertThat(raw.command("OVER 1-2")).startsWith("423 ");
            assertThat(raw.command("STAT 3")).startsWith("223 3 ");
            assertThat(raw.command("LAST")).startsWith("422 ");
            server.expire("local.test", 4);
            assertThat(raw.command("NEXT")).startsWith("223 5 ");
            server.expire("local.test", 5);
            assertThat(raw.command("STAT")).startsWith("420 ");
            assertThat(raw.command("OVER")).startsWith("420 ");
            server.expire("local.test", 3);
            assertThat(raw.command("GROUP local.test")).isEqualTo("211 0 6 5 local.test");
        }
        assertThat(server.articles("local.test")).isEmpty();
        assertThat(server.article(second.messageId())).isEmpty();
        assertThatThrownBy(() -> server.expire("local.test", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.post("local.test", headers("Subject", "after"), "x").numbers())
                .containsEntry("local.test", 6L);
    }

    @Test
    void anArticleExpiredFromOneGroupStaysInTheOthersUntilCancelled() throws IOException {
        Article cross = server.post("local.test,local.other", headers("Subject", "cross"), "x");
        server.expire("local.test", 6);
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("STAT " + cross.messageId())).startsWith("223 0 ");
            raw.command("GROUP local.other");
            assertThat(raw.command("STAT 1")).startsWith("223 1 " + cross.messageId());
            assertThat(raw.multiLine("HDR Xref 1", 225)).containsExactly("1 news.netproto.test local.other:1");
            server.cancel(cross.messageId());
            assertThat(raw.command("STAT 1")).startsWith("423 ");
            assertThat(raw.command("STAT " + cross.messageId())).startsWith("430 ");
        }
        assertThatThrownBy(() -> server.cancel(cross.messageId())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.post("local.test", headers("Message-ID", cross.messageId()), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renumberingMakesNumbersGoBackwardsAndKeepsTheArticles() throws IOException {
        server.expire("local.test", 1);
        server.expire("local.test", 3);
        Article formerFourth = server.articles("local.test").get(1);
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("GROUP local.test")).isEqualTo("211 3 2 5 local.test");
            server.renumber("local.test", 1);
            assertThat(raw.command("STAT 2")).isEqualTo("223 2 " + formerFourth.messageId());
            assertThat(raw.command("GROUP local.test")).isEqualTo("211 3 1 3 local.test");
            assertThat(raw.multiLine("XHDR Subject 1-", 221)).containsExactly("1 article 2", "2 article 4",
                    "3 article 5");
            assertThat(raw.command("ARTICLE 4")).startsWith("423 ");
            server.renumber("local.test", 1000);
            assertThat(raw.command("GROUP local.test")).isEqualTo("211 3 1000 1002 local.test");
        }
        assertThat(server.post("local.test", headers("Subject", "next"), "x").numbers())
                .containsEntry("local.test", 1003L);
        server.renumber("local.other", 50);
        assertThat(server.post("local.other", headers("Subject", "first"), "x").numbers())
                .containsEntry("local.other", 50L);
        assertThatThrownBy(() -> server.renumber("local.test", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.renumber("no.such.group", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNextCommandFailsWith400AndItsConnectionCloses() throws IOException {
        try (LineClient first = new LineClient(server);
             LineClient second = new LineClient(server)) {
            assertThat(server.connectionCount()).isEqualTo(2);
            server.failNextCommandWith400();
            assertThat(first.command("DATE")).isEqualTo("400 Service temporarily unavailable");
            assertThat(server.connectionCount()).isEqualTo(1);
            assertThat(first.closedByServer()).isTrue();
            assertThat(second.command("DATE")).startsWith("111 ");
        }
        NNTPClient client = nntp(server);
        server.failNextCommandWith400();
        assertThatThrownBy(() -> client.selectNewsgroup("local.test"))
                .isInstanceOf(NNTPConnectionClosedException.class);
        client.disconnect();
        NNTPClient again = nntp(server);
        assertThat(again.selectNewsgroup("local.test")).isTrue();
        again.disconnect();
    }

    @Test
    void refusedConnectionsAreGreetedWith400AndClosed() throws IOException {
        try (LineClient existing = new LineClient(server)) {
            server.refuseNewConnections(true);
            try (LineClient refused = new LineClient(server)) {
                assertThat(refused.greeting()).isEqualTo("400 Service temporarily unavailable");
                assertThat(refused.closedByServer()).isTrue();
            }
            assertThatThrownBy(() -> nntp(server)).isInstanceOf(NNTPConnectionClosedException.class);
            assertThat(existing.command("DATE")).startsWith("111 ");
            assertThat(server.connectionCount()).isEqualTo(1);
            server.refuseNewConnections(false);
            try (LineClient accepted = new LineClient(server)) {
                assertThat(accepted.greeting()).startsWith("200 ");
            }
        }
    }

    @Test
    void aStalledServerHoldsRepliesAndGreetingsUntilReleased() throws IOException {
        try (LineClient client = new LineClient(server)) {
            server.stall(true);
            client.send("DATE\r\n");
            await(() -> server.stalledConnections() == 1, "the DATE command to be held");
            try (LineClient late = connectWithoutGreeting()) {
                await(() -> server.stalledConnections() == 2, "the greeting to be held");
                assertThat(client.available()).isZero();
                assertThat(late.available()).isZero();
                assertThat(server.connectionCount()).isEqualTo(2);
                assertThat(server.commandCount()).isEqualTo(1);
                server.stall(false);
                assertThat(client.readLine()).startsWith("111 ");
                assertThat(late.readLine()).startsWith("200 ");
                assertThat(late.command("DATE")).startsWith("111 ");
            }
            assertThat(server.stalledConnections()).isZero();
        }
    }

    @Test
    void droppingConnectionsReleasesStalledOnes() throws IOException {
        try (LineClient client = new LineClient(server)) {
            server.stall(true);
            client.send("DATE\r\n");
            await(() -> server.stalledConnections() == 1, "the DATE command to be held");
            server.closeAllConnections();
            assertThat(server.connectionCount()).isZero();
            assertThat(client.closedByServer()).isTrue();
            await(() -> server.stalledConnections() == 0, "the stalled connection to end");
        }
        server.stall(false);
        try (LineClient fresh = new LineClient(server)) {
            assertThat(fresh.command("DATE")).startsWith("111 ");
        }
    }

    @Test
    void connectionsAndCommandsAreCounted() throws IOException {
        assertThat(server.connectionCount()).isZero();
        assertThat(server.commandCount()).isZero();
        try (LineClient first = new LineClient(server)) {
            try (LineClient second = new LineClient(server)) {
                assertThat(server.connectionCount()).isEqualTo(2);
                second.command("GROUP local.test");
                second.command("NO SUCH COMMAND");
                second.command("POST");
                second.send("From: a@b\r\nNewsgroups: local.test\r\nSubject: s\r\n\r\nline 1\r\nline 2\r\n.\r\n");
                assertThat(second.readLine()).startsWith("240 ");
                assertThat(server.commandCount()).isEqualTo(3);
                assertThat(second.command("QUIT")).startsWith("205 ");
                assertThat(server.connectionCount()).isEqualTo(1);
                assertThat(server.commandCount()).isEqualTo(4);
                assertThat(server.commands()).containsExactly("GROUP local.test", "NO SUCH COMMAND", "POST", "QUIT");
            }
            assertThat(first.greeting()).startsWith("200 ");
        }
        await(() -> server.connectionCount() == 0, "the server to notice the client's disconnect");
    }

    @Test
    void closingAllConnectionsDropsClientsButKeepsListening() throws IOException {
        NNTPClient client = nntp(server);
        try (LineClient raw = new LineClient(server)) {
            server.closeAllConnections();
            assertThat(server.connectionCount()).isZero();
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThatThrownBy(() -> client.selectNewsgroup("local.test")).isInstanceOf(IOException.class);
        client.disconnect();
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("GROUP local.test")).startsWith("211 ");
        }
    }

    @Test
    void idleConnectionsAreClosedWith400() throws IOException {
        try (EmbeddedNewsServer impatient = EmbeddedNewsServer.builder().idleTimeout(Duration.ofMillis(200)).start();
             LineClient raw = new LineClient(impatient)) {
            assertThat(raw.readLine()).isEqualTo("400 Idle timeout, closing connection");
            assertThat(raw.closedByServer()).isTrue();
            assertThat(impatient.connectionCount()).isZero();
        }
        assertThatThrownBy(() -> EmbeddedNewsServer.builder().idleTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serversListenOnLoopbackOnFreePorts() {
        try (EmbeddedNewsServer another = EmbeddedNewsServer.builder().start()) {
            assertThat(another.host()).isEqualTo("127.0.0.1");
            assertThat(another.port()).isPositive().isNotEqualTo(server.port());
            assertThat(another.toString()).isEqualTo("EmbeddedNewsServer[nntp://127.0.0.1:" + another.port() + "]");
        }
    }

    @Test
    void acceptedSocketsHaveTcpNoDelayAndAReadTimeout() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.greeting()).startsWith("200 ");
            assertThat(server.serverSideSockets()).singleElement().satisfies(socket -> {
                assertThat(socket.getTcpNoDelay()).isTrue();
                assertThat(socket.getSoTimeout()).isEqualTo((int) Duration.ofMinutes(2).toMillis());
                assertThat(socket.getLocalAddress().getHostAddress()).isEqualTo("127.0.0.1");
            });
        }
    }

    @Test
    void closeStopsListeningAndDropsClients() throws IOException {
        int port = server.port();
        try (LineClient raw = new LineClient(server)) {
            server.close();
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThatThrownBy(() -> new Socket(server.host(), port).close()).isInstanceOf(ConnectException.class);
        server.close();
    }

    @Test
    void forgettingAuthenticationAnswers480UntilTheClientLogsInAgain() throws IOException {
        try (EmbeddedNewsServer secured = EmbeddedNewsServer.builder().group("local.test").user("alice", "secret")
                .requireAuth(true).start();
                LineClient raw = new LineClient(secured)) {
            assertThat(raw.command("AUTHINFO USER alice")).startsWith("381 ");
            assertThat(raw.command("AUTHINFO PASS secret")).startsWith("281 ");
            assertThat(raw.command("GROUP local.test")).startsWith("211 ");
            secured.forgetAuthentication();
            assertThat(raw.command("GROUP local.test")).startsWith("480 ");
            assertThat(raw.command("DATE")).startsWith("480 ");
            assertThat(raw.command("AUTHINFO USER alice")).startsWith("381 ");
            assertThat(raw.command("AUTHINFO PASS secret")).startsWith("281 ");
            assertThat(raw.command("GROUP local.test")).startsWith("211 ");
            assertThat(secured.connectionCount()).isEqualTo(1);
        }
    }

    /** Connects without waiting for the greeting, which a stalled server holds back. */
    private LineClient connectWithoutGreeting() throws IOException {
        return LineClient.withoutGreeting(server);
    }
}
