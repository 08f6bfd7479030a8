package io.netproto.testkit.nntp;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import io.netproto.testkit.nntp.NewsClients.LineClient;
import org.apache.commons.net.nntp.NNTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.netproto.testkit.nntp.NewsClients.headers;
import static io.netproto.testkit.nntp.NewsClients.nntp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** POST over the wire and articles stored through the server's API. */
class NntpPostingTest {

    private EmbeddedNewsServer server;

    @BeforeEach
    void startServer() {
        server = EmbeddedNewsServer.builder().group("local.test").group("local.other").start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void postThroughCommonsNetUndoesDotStuffingAndAddsMessageIdAndDate() throws IOException {
        NNTPClient client = nntp(server);
        Writer writer = client.postArticle();
        assertThat(writer).isNotNull();
        writer.write("From: ann@example.org\r\nNewsgroups: local.test\r\nSubject: hello\r\n\r\n"
                     + "first line\r\n.leading dot\r\n.\r\nlast line\r\n");
        writer.close();
        assertThat(client.completePendingCommand()).isTrue();
        assertThat(client.getReplyString()).startsWith("240 ");
        client.disconnect();

        Article article = server.articles("local.test").get(0);
        assertThat(article.body()).isEqualTo("first line\r\n.leading dot\r\n.\r\nlast line\r\n");
        assertThat(article.messageId()).matches("<[-0-9a-f]+@news\\.netproto\\.test>");
        assertThat(article.numbers()).containsExactly(Map.entry("local.test", 1L));
        assertThat(article.header("date")).isPresent();
        assertThat(article.header("Message-ID")).contains(article.messageId());
        assertThat(article.header("Xref")).contains("news.netproto.test local.test:1");
        try (LineClient raw = new LineClient(server)) {
            raw.command("GROUP local.test");
            assertThat(raw.command("BODY 1")).startsWith("222 ");
            assertThat(raw.rawLines()).containsExactly("first line", "..leading dot", "..", "last line");
        }
    }

    @Test
    void postAnswers340Then240AndKeepsTheGivenMessageId() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("POST")).startsWith("340 ");
            raw.send("From: ann@example.org\r\nNewsgroups: local.test\r\nSubject: mine\r\n"
                     + "Message-ID: <given.1@example.org>\r\n\r\nbody\r\n.\r\n");
            assertThat(raw.readLine()).isEqualTo("240 Article received <given.1@example.org>");
            assertThat(raw.command("POST")).startsWith("340 ");
            raw.send("From: ann@example.org\r\nNewsgroups: local.test\r\nSubject: again\r\n"
                     + "Message-ID: <given.1@example.org>\r\n\r\nbody\r\n.\r\n");
            assertThat(raw.readLine()).startsWith("441 435 ");
        }
        assertThat(server.articles("local.test")).singleElement()
                .satisfies(a -> assertThat(a.messageId()).isEqualTo("<given.1@example.org>"))
                .satisfies(a -> assertThat(a.header("Subject")).contains("mine"));
    }

    @Test
    void crossPostingNumbersTheArticleInEveryKnownGroup() throws IOException {
        server.post("local.other", headers("Subject", "earlier"), "x");
        try (LineClient raw = new LineClient(server)) {
            raw.command("POST");
            raw.send("From: ann@example.org\r\nNewsgroups: local.test, local.other,unknown.group\r\n"
                     + "Subject: both\r\nXref: forged local.test:99\r\n\r\nx\r\n.\r\n");
            assertThat(raw.readLine()).startsWith("240 ");
            assertThat(raw.command("GROUP local.other")).isEqualTo("211 2 1 2 local.other");
            assertThat(raw.multiLine("HDR Xref 2", 225))
                    .containsExactly("2 news.netproto.test local.test:1 local.other:2");
        }
        Article article = server.articles("local.test").get(0);
        assertThat(article.numbers()).containsExactly(Map.entry("local.test", 1L), Map.entry("local.other", 2L));
        assertThat(article.headers()).filteredOn(h -> h.getKey().equals("Xref")).hasSize(1);
    }

    @Test
    void foldedHeadersAreKeptInHeadAndUnfoldedInOverview() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            raw.command("POST");
            raw.send("From: ann@example.org\r\nNewsgroups: local.test\r\nSubject: a long\r\n\tsubject\r\n\r\nx\r\n.\r\n");
            assertThat(raw.readLine()).startsWith("240 ");
            raw.command("GROUP local.test");
            assertThat(raw.multiLine("HEAD 1", 221)).containsSequence("Subject: a long", "\tsubject");
            assertThat(raw.multiLine("OVER 1", 224).get(0).split("\t")[1]).isEqualTo("a long subject");
        }
        assertThat(server.articles("local.test").get(0).header("Subject")).contains("a long\r\n\tsubject");
    }

    @Test
    void badArticlesAreRejectedWith441AndTheConnectionGoesOn() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            assertThat(post(raw, "Newsgroups: local.test\r\nSubject: s\r\n\r\nx\r\n")).startsWith("441 Missing From");
            assertThat(post(raw, "From: a@b\r\nNewsgroups: local.test\r\n\r\nx\r\n")).startsWith("441 Missing Subject");
            assertThat(post(raw, "From: a@b\r\nSubject: s\r\n\r\nx\r\n")).startsWith("441 Missing Newsgroups");
            assertThat(post(raw, "From: a@b\r\nNewsgroups: local.test\r\nSubject:  \r\n\r\nx\r\n"))
                    .startsWith("441 Missing Subject");
            assertThat(post(raw, "From: a@b\r\nNewsgroups: no.such.group\r\nSubject: s\r\n\r\nx\r\n"))
                    .startsWith("441 ");
            assertThat(post(raw, "From: a@b\r\nNewsgroups: local.test\r\nSubject: s\r\nnot a header\r\n\r\nx\r\n"))
                    .startsWith("441 Malformed header");
            assertThat(post(raw, "From: a@b\r\nNewsgroups: local.test\r\nSubject: s\r\nMessage-ID: no-brackets\r\n\r\n"))
                    .startsWith("441 Malformed Message-ID");
            assertThat(post(raw, "\tcontinued\r\nFrom: a@b\r\n\r\n")).startsWith("441 ");
            assertThat(post(raw, "From: a@b\r\nNewsgroups: local.test\r\nSubject: s\r\n\r\n" + "x".repeat(70_000)
                                 + "\r\n")).startsWith("441 Line too long");
            assertThat(raw.command("POST now")).startsWith("501 ");
            assertThat(post(raw, "From: a@b\r\nNewsgroups: local.test\r\nSubject: fine\r\n\r\nx\r\n")).startsWith("240 ");
        }
        assertThat(server.articles("local.test")).singleElement()
                .satisfies(a -> assertThat(a.header("Subject")).contains("fine"));
    }

    @Test
    void anArticleWithoutBodyIsAccepted() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            assertThat(post(raw, "From: a@b\r\nNewsgroups: local.test\r\nSubject: headers only\r\n")).startsWith("240 ");
        }
        assertThat(server.articles("local.test").get(0).body()).isEmpty();
    }

    @Test
    void serverSidePostNormalizesLineBreaksAndNeedsNoFromOrSubject() {
        Article article = server.post("local.test, local.other", headers("X-Trace", "t"), "a\nb\r\nc");
        assertThat(article.body()).isEqualTo("a\r\nb\r\nc\r\n");
        assertThat(article.numbers()).containsExactly(Map.entry("local.test", 1L), Map.entry("local.other", 1L));
        assertThat(article.header("Newsgroups")).contains("local.test,local.other");
        assertThat(article.header("From")).isEmpty();
        assertThat(server.article(article.messageId())).contains(article);
        assertThat(server.post("local.test", headers(), "").body()).isEmpty();
        assertThat(server.post("local.test", headers(), "\n\nend\n").body()).isEqualTo("\r\n\r\nend\r\n");
        assertThat(server.post("local.test", headers("Message-ID", "<mine@example.org>"), "x").messageId())
                .isEqualTo("<mine@example.org>");
        assertThat(server.articles("local.test")).extracting(a -> a.numbers().get("local.test"))
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void serverSidePostRejectsWhatPostWouldReject() {
        server.post("local.test", headers("Message-ID", "<taken@example.org>"), "x");
        assertThatThrownBy(() -> server.post("no.such.group", headers(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.group");
        assertThatThrownBy(() -> server.post("local.test", headers("Message-ID", "<taken@example.org>"), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> server.post("local.test", headers("Subject", "a\r\nInjected: yes"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.post("local.test", headers("Bad Name", "x"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.post(" ", headers(), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.articles("local.test")).hasSize(1);
    }

    @Test
    void articleSnapshotsDoNotChangeAfterwards() {
        Article article = server.post("local.test", headers("Subject", "s"), "x");
        server.renumber("local.test", 7);
        assertThat(article.numbers()).containsExactly(Map.entry("local.test", 1L));
        assertThat(server.article(article.messageId()).orElseThrow().numbers())
                .containsExactly(Map.entry("local.test", 7L));
        assertThatThrownBy(() -> article.headers().add(Map.entry("a", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(article.headers())).extracting(Map.Entry::getKey)
                .containsExactly("Newsgroups", "Subject", "Message-ID", "Date", "Xref");
    }

    private static String post(LineClient raw, String article) throws IOException {
        assertThat(raw.command("POST")).startsWith("340 ");
        raw.send(article + ".\r\n");
        return raw.readLine();
    }
}
