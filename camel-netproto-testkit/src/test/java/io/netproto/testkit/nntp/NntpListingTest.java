package io.netproto.testkit.nntp;

import java.io.IOException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import io.netproto.testkit.nntp.NewsClients.LineClient;
import io.netproto.testkit.nntp.NewsClients.ManualClock;
import org.apache.commons.net.nntp.NNTPClient;
import org.apache.commons.net.nntp.NewGroupsOrNewsQuery;
import org.apache.commons.net.nntp.NewsgroupInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.netproto.testkit.nntp.NewsClients.headers;
import static io.netproto.testkit.nntp.NewsClients.nntp;
import static org.assertj.core.api.Assertions.assertThat;

/** LIST, NEWGROUPS, NEWNEWS, DATE, CAPABILITIES, MODE READER, HELP and the command line itself. */
class NntpListingTest {

    private final ManualClock clock = new ManualClock("2024-01-01T00:00:00Z");
    private EmbeddedNewsServer server;

    @BeforeEach
    void startServer() {
        server = EmbeddedNewsServer.builder().clock(clock).group("local.test", "Local tests").group("local.other")
                .group("comp.lang.java", "Java").start();
        server.post("local.test", headers("From", "a@example.org", "Subject", "old"), "x");
        server.post("local.test", headers("From", "a@example.org", "Subject", "old too"), "x");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void listActiveFiltersByWildmat() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.multiLine("LIST ACTIVE", 215)).containsExactly("comp.lang.java 0 1 y",
                    "local.other 0 1 y", "local.test 2 1 y");
            assertThat(raw.multiLine("LIST", 215)).hasSize(3);
            assertThat(raw.multiLine("list active local.*", 215)).containsExactly("local.other 0 1 y",
                    "local.test 2 1 y");
            assertThat(raw.multiLine("LIST ACTIVE local.*,!local.o*", 215)).containsExactly("local.test 2 1 y");
            assertThat(raw.multiLine("LIST ACTIVE *.j?va", 215)).containsExactly("comp.lang.java 0 1 y");
            assertThat(raw.multiLine("LIST ACTIVE nothing.*", 215)).isEmpty();
            assertThat(raw.command("LIST ACTIVE [a-z]*")).startsWith("501 ");
            assertThat(raw.command("LIST ACTIVE a,,b")).startsWith("501 ");
            assertThat(raw.command("LIST ACTIVE * extra")).startsWith("501 ");
        }
        NNTPClient client = nntp(server);
        assertThat(Arrays.stream(client.listNewsgroups("local.*")).map(NewsgroupInfo::getNewsgroup))
                .containsExactly("local.other", "local.test");
        NewsgroupInfo test = client.listNewsgroups("local.test")[0];
        assertThat(test.getLastArticleLong()).isEqualTo(2);
        assertThat(test.getFirstArticleLong()).isEqualTo(1);
        assertThat(test.getPostingPermission()).isEqualTo(NewsgroupInfo.PERMITTED_POSTING_PERMISSION);
        client.disconnect();
    }

    @Test
    void listNewsgroupsOverviewFormatAndHeaders() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.multiLine("LIST NEWSGROUPS", 215)).containsExactly("comp.lang.java\tJava",
                    "local.other\t", "local.test\tLocal tests");
            assertThat(raw.multiLine("LIST NEWSGROUPS comp.*", 215)).containsExactly("comp.lang.java\tJava");
            assertThat(raw.multiLine("LIST OVERVIEW.FMT", 215)).containsExactly("Subject:", "From:", "Date:",
                    "Message-ID:", "References:", ":bytes", ":lines", "Xref:full");
            assertThat(raw.command("LIST OVERVIEW.FMT extra")).startsWith("501 ");
            assertThat(raw.multiLine("LIST HEADERS", 215)).containsExactly(":", ":bytes", ":lines");
            assertThat(raw.multiLine("LIST HEADERS MSGID", 215)).contains(":");
            assertThat(raw.command("LIST HEADERS BOTH")).startsWith("501 ");
            assertThat(raw.command("LIST DISTRIBUTIONS")).startsWith("501 ");
        }
    }

    @Test
    void newGroupsListsGroupsCreatedSinceTheGivenTime() throws IOException {
        clock.set("2024-06-01T12:00:00Z");
        server.createGroup("local.new", "created later");
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.multiLine("NEWGROUPS 20240301 000000 GMT", 231)).containsExactly("local.new 0 1 y");
            assertThat(raw.multiLine("NEWGROUPS 240301 000000", 231)).containsExactly("local.new 0 1 y");
            assertThat(raw.multiLine("NEWGROUPS 20240601 120000", 231)).containsExactly("local.new 0 1 y");
            assertThat(raw.multiLine("NEWGROUPS 20240601 120001", 231)).isEmpty();
            assertThat(raw.multiLine("NEWGROUPS 991231 000000", 231)).hasSize(4);
            assertThat(raw.command("NEWGROUPS 2024 000000")).startsWith("501 ");
            assertThat(raw.command("NEWGROUPS 20241301 000000")).startsWith("501 ");
            assertThat(raw.command("NEWGROUPS 20240301 000000 UTC")).startsWith("501 ");
            assertThat(raw.command("NEWGROUPS 20240301")).startsWith("501 ");
        }
        NNTPClient client = nntp(server);
        NewGroupsOrNewsQuery query = new NewGroupsOrNewsQuery(utc(2024, Calendar.MARCH, 1), true);
        assertThat(client.listNewNewsgroups(query)).extracting(NewsgroupInfo::getNewsgroup)
                .containsExactly("local.new");
        client.disconnect();
    }

    @Test
    void newNewsListsMessageIdsOfArticlesReceivedSinceTheGivenTimeInMatchingGroups() throws IOException {
        String old = server.articles("local.test").get(0).messageId();
        clock.set("2024-06-01T12:00:00Z");
        String other = server.post("local.other", headers("Subject", "new"), "x").messageId();
        String crossPosted = server.post("comp.lang.java,local.test", headers("Subject", "cross"), "x").messageId();
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.multiLine("NEWNEWS local.* 20240301 000000 GMT", 230)).containsExactly(other,
                    crossPosted);
            assertThat(raw.multiLine("NEWNEWS comp.* 20240301 000000", 230)).containsExactly(crossPosted);
            assertThat(raw.multiLine("NEWNEWS *,!local.test 20240301 000000", 230)).containsExactly(other,
                    crossPosted);
            assertThat(raw.multiLine("NEWNEWS local.t* 20000101 000000", 230)).startsWith(old)
                    .contains(crossPosted).doesNotContain(other);
            assertThat(raw.multiLine("NEWNEWS * 20240601 120001", 230)).isEmpty();
            assertThat(raw.command("NEWNEWS [x] 20240101 000000")).startsWith("501 ");
            assertThat(raw.command("NEWNEWS * 20240101")).startsWith("501 ");
        }
        NNTPClient client = nntp(server);
        NewGroupsOrNewsQuery query = new NewGroupsOrNewsQuery(utc(2024, Calendar.MARCH, 1), true);
        query.addNewsgroup("local.*");
        assertThat(client.listNewNews(query)).containsExactly(other, crossPosted);
        client.disconnect();
    }

    @Test
    void dateReportsTheServerClockInUtc() throws IOException {
        clock.set("2024-06-01T12:34:56Z");
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("DATE")).isEqualTo("111 20240601123456");
            assertThat(raw.command("DATE now")).startsWith("501 ");
        }
    }

    @Test
    void capabilitiesDescribeTheReaderServer() throws IOException {
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.greeting()).startsWith("200 ");
            assertThat(raw.multiLine("CAPABILITIES", 101)).startsWith("VERSION 2").contains("READER", "POST",
                    "NEWNEWS", "OVER MSGID", "HDR", "LIST ACTIVE NEWSGROUPS OVERVIEW.FMT HEADERS", "STARTTLS")
                    .noneMatch(line -> line.startsWith("AUTHINFO") || line.startsWith("MODE-READER"));
            assertThat(raw.command("MODE READER")).startsWith("200 ");
            assertThat(raw.command("MODE STREAM")).startsWith("501 ");
        }
    }

    @Test
    void aServerWithoutPostingSays201AndRefusesPost() throws IOException {
        try (EmbeddedNewsServer readOnly = EmbeddedNewsServer.builder().group("local.test").postingAllowed(false)
                .start();
             LineClient raw = new LineClient(readOnly)) {
            assertThat(raw.greeting()).startsWith("201 ");
            assertThat(raw.multiLine("CAPABILITIES", 101)).doesNotContain("POST");
            assertThat(raw.command("MODE READER")).startsWith("201 ");
            assertThat(raw.multiLine("LIST ACTIVE", 215)).containsExactly("local.test 0 1 n");
            assertThat(raw.command("POST")).startsWith("440 ");
            NNTPClient client = nntp(readOnly);
            assertThat(client.isAllowedToPost()).isFalse();
            assertThat(client.postArticle()).isNull();
            client.disconnect();
        }
    }

    @Test
    void helpUnknownCommandsLongLinesAndQuit() throws IOException {
        NNTPClient client = nntp(server);
        assertThat(client.listHelp()).contains("OVER").contains("AUTHINFO");
        client.disconnect();
        try (LineClient raw = new LineClient(server)) {
            assertThat(raw.command("FROBNICATE")).startsWith("500 ");
            assertThat(raw.command("IHAVE <a@b>")).startsWith("500 ");
            assertThat(raw.command("GROUP " + "x".repeat(600))).startsWith("501 ");
            assertThat(raw.command("GROUP " + "x".repeat(504))).startsWith("411 ");
            assertThat(raw.command("GROUP " + "x".repeat(505))).startsWith("501 ");
            assertThat(raw.command("group local.test")).startsWith("211 ");
            raw.send("DATE\rGROUP local.test\r\n");
            assertThat(raw.readLine()).startsWith("501 ");
            assertThat(raw.command("  DATE  ")).startsWith("111 ");
            assertThat(raw.command("QUIT")).startsWith("205 ");
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    private static Calendar utc(int year, int month, int day) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.clear();
        calendar.set(year, month, day, 0, 0, 0);
        return calendar;
    }
}
