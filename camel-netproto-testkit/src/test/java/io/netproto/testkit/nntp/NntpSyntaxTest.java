package io.netproto.testkit.nntp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wildmats, dates, ranges and article text, without a connection. */
class NntpSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*                      | comp.lang.java | true",
            "comp.*                 | comp.lang.java | true",
            "comp.*                 | comp           | false",
            "*.java                 | comp.lang.java | true",
            "c?mp.*                 | comp.x         | true",
            "c?mp.*                 | cmp.x          | false",
            "comp.*,!comp.lang.*    | comp.lang.java | false",
            "comp.*,!comp.lang.*    | comp.os        | true",
            "!comp.lang.*,comp.*    | comp.lang.java | true",
            "!comp.*                | comp.os        | false",
            "!comp.*                | misc.test      | false",
            "a*b*c                  | aXbYbZc        | true",
            "a*b*c                  | aXbYbZ         | false",
            "grüße.*                | grüße.de       | true",
            "??                     | ü!             | true",
            "local.test             | local.test     | true",
            "local.test             | local.tests    | false" })
    void wildmatsMatchByTheirRightmostMatchingPattern(String wildmat, String name, boolean matches) {
        assertThat(Wildmat.parse(wildmat).matches(name)).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ",", "a,", "!", "a,!", "[ab]", "a\\b", "a]", "a b", "!!a" })
    void invalidWildmatsAreRejected(String wildmat) {
        assertThatThrownBy(() -> Wildmat.parse(wildmat)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "20240301, 000000, 2024-03-01T00:00:00Z",
            "240301,   235959, 2024-03-01T23:59:59Z",
            "261127,   120000, 2026-11-27T12:00:00Z",
            "261231,   120000, 2026-12-31T12:00:00Z",
            "270101,   120000, 1927-01-01T12:00:00Z",
            "991231,   000000, 1999-12-31T00:00:00Z",
            "000101,   000000, 2000-01-01T00:00:00Z" })
    void datesAndTwoDigitYearsFollowRfc3977(String date, String time, String expected) {
        Instant now = Instant.parse("2026-11-27T21:00:00Z");
        assertThat(NntpDates.parse(date, time, now)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({ "2024031, 000000", "20240231, 000000", "20240301, 240000", "20240301, 0000", "2024030a, 000000",
            "20240301, -10000" })
    void invalidDatesAreRejected(String date, String time) {
        assertThatThrownBy(() -> NntpDates.parse(date, time, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dateRepliesAreUtcDigits() {
        assertThat(NntpDates.format(Instant.parse("2024-06-01T02:03:04.999Z"))).isEqualTo("20240601020304");
    }

    @Test
    void rangesHaveThreeForms() {
        assertThat(ArticleRange.parse("7")).isEqualTo(new ArticleRange(7, 7));
        assertThat(ArticleRange.parse("7-")).isEqualTo(new ArticleRange(7, Long.MAX_VALUE));
        assertThat(ArticleRange.parse("7-9")).isEqualTo(new ArticleRange(7, 9));
        assertThat(ArticleRange.parse("9-7")).isEqualTo(new ArticleRange(9, 7));
        for (String bad : List.of("", "-", "-7", "7--", "a", "7-a", "1234567890123456789", "+7", " 7")) {
            assertThatThrownBy(() -> ArticleRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ArticleRange.isMessageId("<a@b>")).isTrue();
        assertThat(ArticleRange.isMessageId("12")).isFalse();
    }

    @Test
    void messageIdsNeedAngleBracketsAndPrintableCharacters() {
        assertThat(NewsStore.validMessageId("<a@b>")).isTrue();
        assertThat(NewsStore.validMessageId("<x>")).isTrue();
        for (String bad : List.of("a@b", "<>", "<a b>", "<a<b>", "<a>b>", "<a@b", "<" + "x".repeat(249) + ">")) {
            assertThat(NewsStore.validMessageId(bad)).as(bad).isFalse();
        }
    }

    @Test
    void postedArticlesSplitIntoHeadersAndBody() throws ArticleRejectedException {
        ArticleFormat.Parsed parsed = ArticleFormat.parse(
                List.of("Subject:  spaced ", "X-Folded: one", " two", "Empty:", "", "", "body", ""));
        assertThat(parsed.headers()).containsExactly(Map.entry("Subject", "spaced"),
                Map.entry("X-Folded", "one\r\n two"), Map.entry("Empty", ""));
        assertThat(parsed.body()).isEqualTo("\r\nbody\r\n\r\n");
        assertThat(ArticleFormat.parse(List.of("A: b")).body()).isEmpty();
        assertThatThrownBy(() -> ArticleFormat.parse(List.of(": no name")))
                .isInstanceOf(ArticleRejectedException.class);
        assertThatThrownBy(() -> ArticleFormat.parse(List.of("Bad Name: x")))
                .isInstanceOf(ArticleRejectedException.class);
    }

    @Test
    void bodiesAreNormalizedToCrlfLines() {
        assertThat(ArticleFormat.normalizeBody("")).isEmpty();
        assertThat(ArticleFormat.normalizeBody("a")).isEqualTo("a\r\n");
        assertThat(ArticleFormat.normalizeBody("a\rb\nc\r\n")).isEqualTo("a\r\nb\r\nc\r\n");
        assertThat(ArticleFormat.normalizeBody("\n")).isEqualTo("\r\n");
        assertThat(ArticleFormat.normalizeBody("a\n\n")).isEqualTo("a\r\n\r\n");
    }

    @Test
    void overviewCountsOctetsAndLinesAndFlattensFields() {
        Article article = new Article("<a@b>", Map.of("g", 3L),
                List.of(Map.entry("Subject", "tab\there"), Map.entry("From", "f\r\n folded"),
                        Map.entry("Xref", "host g:3")),
                "é\r\n.\r\n", Instant.EPOCH);
        // "Subject: tab\there" 17+2, "From: f" 7+2, " folded" 7+2, "Xref: host g:3" 14+2, empty line 2,
        // body: "é" (two octets in UTF-8) + 2, "." + 2
        assertThat(ArticleFormat.bytes(article)).isEqualTo(19 + 9 + 9 + 16 + 2 + 7);
        assertThat(ArticleFormat.overview(3, article, true).split("\t", -1)).containsExactly("3", "tab here",
                "f folded", "", "", "", "62", "2", "Xref: host g:3");
        assertThat(ArticleFormat.overview(3, article, false).split("\t", -1)).containsExactly("3", "tab here",
                "f folded", "", "", "", "", "2", "Xref: host g:3");
        assertThat(ArticleFormat.field(article, "subject")).isEqualTo("tab here");
        assertThat(ArticleFormat.field(article, "Missing")).isEmpty();
        assertThat(ArticleFormat.headLines(article)).containsExactly("Subject: tab\there", "From: f", " folded",
                "Xref: host g:3");
        assertThat(ArticleFormat.bodyLines(article)).containsExactly("é", ".");
    }
}
