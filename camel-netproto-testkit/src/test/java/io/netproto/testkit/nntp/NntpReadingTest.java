package io.netproto.testkit.nntp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netproto.testkit.nntp.NewsClients.LineClient;
import org.apache.commons.net.nntp.ArticleInfo;
import org.apache.commons.net.nntp.NNTPClient;
import org.apache.commons.net.nntp.NNTPReply;
import org.apache.commons.net.nntp.NewsgroupInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.netproto.testkit.nntp.NewsClients.headers;
import static io.netproto.testkit.nntp.NewsClients.nntp;
import static org.assertj.core.api.Assertions.assertThat;

/** GROUP, LISTGROUP, ARTICLE, HEAD, BODY, STAT, NEXT, LAST, OVER/XOVER and HDR/XHDR. */
class NntpReadingTest {

    private EmbeddedNewsServer server;
    private Article first;
    private Article second;
    private Article third;

    @BeforeEach
    void startServer() {
        server = EmbeddedNewsServer.builder().group("local.test", "Local tests").group("local.empty").start();
        first = server.post("local.test", headers("From", "ann@example.org", "Subject", "first"),
                "one\n.dot line\n..two dots\n.\n");
        second = server.post("local.test", headers("From", "bob@example.org", "Subject", "second\tsubject",
                "References", first.messageId()), "two\n");
        third = server.post("local.test", headers("From", "cy@example.org", "Subject", "third"), "");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void groupReportsCountLowAndHighAndSelectsTheFirstArticle() throws IOException {
        NNTPClient client = nntp(server);
        NewsgroupInfo info = new NewsgroupInfo();
        assertThat(client.selectNewsgroup("local.test", info)).isTrue();
        assertThat(info.getArticleCountLong()).isEqualTo(3);
        assertThat(info.getFirstArticleLong()).isEqualTo(1);
        assertThat(info.getLastArticleLong()).isEqualTo(3);
        client.disconnect();

        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("GROUP local.test")).isEqualTo("211 3 1 3 local.test");
            assertThat(raw.command("STAT")).startsWith("223 1 " + first.messageId());
            assertThat(raw.command("group local.empty")).isEqualTo("211 0 1 0 local.empty");
            assertThat(raw.command("STAT")).startsWith("420 ");
            assertThat(raw.command("GROUP no.such.group")).startsWith("411 ");
            assertThat(raw.command("GROUP")).startsWith("501 ");
            assertThat(raw.command("GROUP local.test extra")).startsWith("501 ");
        }
    }

    @Test
    void listGroupListsTheNumbersOfTheGroupOrOfARange() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("LISTGROUP")).startsWith("412 ");
            assertThat(raw.multiLine("LISTGROUP local.test", 211)).containsExactly("1", "2", "3");
            assertThat(raw.multiLine("LISTGROUP local.test 2-", 211)).containsExactly("2", "3");
            assertThat(raw.multiLine("LISTGROUP local.test 2-2", 211)).containsExactly("2");
            assertThat(raw.multiLine("LISTGROUP local.test 3-2", 211)).isEmpty();
            assertThat(raw.multiLine("LISTGROUP", 211)).containsExactly("1", "2", "3");
            assertThat(raw.command("LISTGROUP local.test 1-x")).startsWith("501 ");
            assertThat(raw.command("LISTGROUP no.such.group")).startsWith("411 ");
            assertThat(raw.command("LISTGROUP local.empty")).isEqualTo("211 0 1 0 local.empty list follows");
            assertThat(raw.lines()).isEmpty();
        }
    }

    @Test
    void articleHeadBodyAndStatByNumberAndByMessageId() throws IOException {
        NNTPClient client = nntp(server);
        client.selectNewsgroup("local.test");
        ArticleInfo info = new ArticleInfo();
        List<String> article = read(client.retrieveArticle(2L, info));
        assertThat(info.articleNumber).isEqualTo(2);
        assertThat(info.articleId).isEqualTo(second.messageId());
        assertThat(article).contains("From: bob@example.org", "Subject: second\tsubject",
                "Message-ID: " + second.messageId(), "Xref: news.netproto.test local.test:2", "", "two");
        assertThat(article.indexOf("")).isEqualTo(article.size() - 2);

        assertThat(read(client.retrieveArticleHeader(first.messageId()))).contains("Subject: first")
                .doesNotContain("one");
        assertThat(read(client.retrieveArticleBody(1L))).containsExactly("one", ".dot line", "..two dots", ".");
        assertThat(read(client.retrieveArticleBody(3L))).isEmpty();
        assertThat(client.selectArticle(third.messageId(), info)).isTrue();
        assertThat(info.articleId).isEqualTo(third.messageId());
        client.disconnect();

        try (LineClient raw = new LineClient(server)) {
            raw.command("GROUP local.test");
            assertThat(raw.command("ARTICLE 2")).isEqualTo("220 2 " + second.messageId());
            assertThat(raw.lines()).endsWith("", "two");
            assertThat(raw.command("HEAD 2")).isEqualTo("221 2 " + second.messageId());
            assertThat(raw.lines()).contains("References: " + first.messageId()).doesNotContain("");
            assertThat(raw.command("BODY")).isEqualTo("222 2 " + second.messageId());
            assertThat(raw.lines()).containsExactly("two");
            assertThat(raw.command("STAT")).isEqualTo("223 2 " + second.messageId());
            assertThat(raw.command("ARTICLE " + third.messageId())).isEqualTo("220 0 " + third.messageId());
            raw.lines();
            assertThat(raw.command("STAT " + first.messageId())).isEqualTo("223 0 " + first.messageId());
        }
    }

    @Test
    void bodiesAreDotStuffedOnTheWire() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            raw.command("GROUP local.test");
            assertThat(raw.command("BODY 1")).startsWith("222 1 ");
            assertThat(raw.rawLines()).containsExactly("one", "..dot line", "...two dots", "..");
        }
    }

    @Test
    void retrievalErrorsUseTheRfc3977Codes() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("ARTICLE")).startsWith("412 ");
            assertThat(raw.command("HEAD 1")).startsWith("412 ");
            assertThat(raw.command("BODY <no-such@example.org>")).startsWith("430 ");
            raw.command("GROUP local.test");
            assertThat(raw.command("ARTICLE 99")).startsWith("423 ");
            assertThat(raw.command("STAT")).startsWith("223 1 ");
            assertThat(raw.command("ARTICLE abc")).startsWith("501 ");
            assertThat(raw.command("ARTICLE <unterminated")).startsWith("501 ");
            assertThat(raw.command("ARTICLE 1 2")).startsWith("501 ");
            raw.command("GROUP local.empty");
            assertThat(raw.command("HEAD")).startsWith("420 ");
        }
    }

    @Test
    void messageIdAccessLeavesTheCurrentArticleAlone() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            raw.command("GROUP local.test");
            assertThat(raw.command("STAT " + third.messageId())).startsWith("223 0 ");
            assertThat(raw.command("NEXT")).isEqualTo("223 2 " + second.messageId() + " Article found");
            assertThat(raw.command("ARTICLE 9")).startsWith("423 ");
            assertThat(raw.command("STAT")).startsWith("223 2 ");
        }
    }

    @Test
    void nextAndLastWalkTheGroup() throws IOException {
        NNTPClient client = nntp(server);
        client.selectNewsgroup("local.test");
        ArticleInfo info = new ArticleInfo();
        List<Long> walk = new ArrayList<>();
        while (client.selectNextArticle(info)) {
            walk.add(info.articleNumber);
        }
        assertThat(client.getReplyCode()).isEqualTo(421);
        while (client.selectPreviousArticle(info)) {
            walk.add(info.articleNumber);
        }
        assertThat(client.getReplyCode()).isEqualTo(422);
        assertThat(walk).containsExactly(2L, 3L, 2L, 1L);
        client.disconnect();

        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("NEXT")).startsWith("412 ");
            assertThat(raw.command("LAST")).startsWith("412 ");
            raw.command("GROUP local.empty");
            assertThat(raw.command("NEXT")).startsWith("420 ");
            assertThat(raw.command("LAST")).startsWith("420 ");
            raw.command("GROUP local.test");
            assertThat(raw.command("NEXT now")).startsWith("501 ");
        }
    }

    @Test
    void overListsTheOverviewOfARangeTheCurrentArticleOrAMessageId() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("OVER 1-3")).startsWith("412 ");
            assertThat(raw.command("OVER")).startsWith("412 ");
            raw.command("GROUP local.test");
            List<String> lines = raw.multiLine("OVER 1-3", 224);
            assertThat(lines).hasSize(3);
            String[] fields = lines.get(1).split("\t", -1);
            assertThat(fields).containsExactly("2", "second subject", "bob@example.org",
                    second.header("Date").orElseThrow(), second.messageId(), first.messageId(),
                    Long.toString(octets(raw, second.messageId())), "1", "Xref: news.netproto.test local.test:2");
            assertThat(lines.get(0).split("\t")[7]).isEqualTo("4");
            assertThat(lines.get(2).split("\t")[7]).isEqualTo("0");

            assertThat(raw.multiLine("OVER 2-", 224)).extracting(l -> l.split("\t")[0]).containsExactly("2", "3");
            assertThat(raw.multiLine("OVER 3", 224)).extracting(l -> l.split("\t")[0]).containsExactly("3");
            assertThat(raw.multiLine("OVER", 224)).extracting(l -> l.split("\t")[0]).containsExactly("1");
            assertThat(raw.multiLine("OVER " + second.messageId(), 224)).singleElement()
                    .satisfies(l -> assertThat(l).startsWith("0\tsecond subject\t"));
            assertThat(raw.multiLine("XOVER 1-2", 224)).hasSize(2);
            assertThat(raw.command("OVER 5-")).startsWith("423 ");
            assertThat(raw.command("OVER 2-1")).startsWith("423 ");
            assertThat(raw.command("OVER <no-such@example.org>")).startsWith("430 ");
            assertThat(raw.command("OVER 1-x")).startsWith("501 ");
            raw.command("GROUP local.empty");
            assertThat(raw.command("OVER")).startsWith("420 ");
        }
    }

    @Test
    void xoverThroughCommonsNet() throws IOException {
        NNTPClient client = nntp(server);
        client.selectNewsgroup("local.test");
        List<String> subjects = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        for (org.apache.commons.net.nntp.Article article : client.iterateArticleInfo(1, 3)) {
            subjects.add(article.getSubject());
            numbers.add(article.getArticleNumberLong());
        }
        assertThat(numbers).containsExactly(1L, 2L, 3L);
        assertThat(subjects).containsExactly("first", "second subject", "third");
        assertThat(client.listOverviewFmt()).containsExactly("Subject:", "From:", "Date:", "Message-ID:",
                "References:", ":bytes", ":lines", "Xref:full");
        client.disconnect();
    }

    @Test
    void hdrAndXhdrReportOneFieldPerArticle() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            raw.command("GROUP local.test");
            assertThat(raw.multiLine("HDR Subject 1-3", 225)).containsExactly("1 first", "2 second subject",
                    "3 third");
            assertThat(raw.multiLine("HDR subject " + second.messageId(), 225)).containsExactly("0 second subject");
            assertThat(raw.multiLine("HDR References 1-", 225))
                    .containsExactly("1 ", "2 " + first.messageId(), "3 ");
            assertThat(raw.multiLine("HDR :lines 1", 225)).containsExactly("1 4");
            assertThat(raw.multiLine("HDR :bytes", 225)).containsExactly("1 " + octets(raw, first.messageId()));
            assertThat(raw.multiLine("XHDR From 2-3", 221)).containsExactly("2 bob@example.org",
                    "3 cy@example.org");
            assertThat(raw.command("HDR")).startsWith("501 ");
            assertThat(raw.command("HDR Subject 9-")).startsWith("423 ");
            assertThat(raw.command("XHDR Subject <no-such@example.org>")).startsWith("430 ");
        }
        NNTPClient client = nntp(server);
        client.selectNewsgroup("local.test");
        assertThat(read(client.retrieveHeader("Subject", 1L, 2L))).containsExactly("1 first", "2 second subject");
        client.disconnect();
    }

    @Test
    void articlesCarryUtf8Text() throws IOException {
        Article article = server.post("local.test", headers("From", "zoë@example.org", "Subject", "Grüße"),
                "naïve café\n");
        try (LineClient raw = new LineClient(server)) {
            raw.command("GROUP local.test");
            assertThat(raw.multiLine("HDR Subject 4", 225)).containsExactly("4 Grüße");
            assertThat(raw.multiLine("BODY " + article.messageId(), 222)).containsExactly("naïve café");
            assertThat(raw.multiLine("HDR :bytes 4", 225)).containsExactly(
                    "4 " + octets(raw, article.messageId()));
        }
    }

    @Test
    void commonsNetSeesTheResultCodes() throws IOException {
        NNTPClient client = nntp(server);
        assertThat(client.selectNewsgroup("no.such.group")).isFalse();
        assertThat(client.getReplyCode()).isEqualTo(NNTPReply.NO_SUCH_NEWSGROUP);
        client.selectNewsgroup("local.test");
        assertThat(client.retrieveArticle(42L)).isNull();
        assertThat(client.getReplyCode()).isEqualTo(NNTPReply.NO_SUCH_ARTICLE_NUMBER);
        assertThat(client.retrieveArticle("<no-such@example.org>")).isNull();
        assertThat(client.getReplyCode()).isEqualTo(NNTPReply.NO_SUCH_ARTICLE_FOUND);
        assertThat(client.logout()).isTrue();
        client.disconnect();
    }

    /** The size of an article as ARTICLE sends it, dot-stuffing removed, CRLF counted as two octets. */
    private static long octets(LineClient raw, String messageId) throws IOException {
        long octets = 0;
        for (String line : raw.multiLine("ARTICLE " + messageId, 220)) {
            octets += line.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        return octets;
    }

    private static List<String> read(Reader reader) throws IOException {
        assertThat(reader).isNotNull();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
