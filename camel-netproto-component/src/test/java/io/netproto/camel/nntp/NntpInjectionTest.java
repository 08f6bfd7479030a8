package io.netproto.camel.nntp;

import java.time.Instant;
import java.util.stream.Stream;

import io.netproto.camel.support.InjectionTestSupport;
import io.netproto.camel.support.LineBreaks;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every nntp parameter that reaches a command line (group names, article ids, ranges, header names, wildmats, post
 * headers) refuses CR, LF, CRLF and NUL with an error naming it, before the server receives any command.
 */
class NntpInjectionTest extends InjectionTestSupport {

    private static final String GROUP = "local.test";

    private static EmbeddedNewsServer news;

    @BeforeAll
    static void start() {
        news = EmbeddedNewsServer.builder().group(GROUP).start();
    }

    @AfterAll
    static void stop() {
        news.close();
    }

    private static String uri(String options) {
        return "nntp://" + news.host() + ":" + news.port() + "/" + GROUP + (options.isEmpty() ? "" : "?" + options);
    }

    static Stream<Arguments> headers() {
        return LineBreaks.each(Stream.of(
                new Object[] { "group", NntpConstants.GROUP, "group (header CamelNntpGroup)" },
                new Object[] { "over", NntpConstants.GROUP, "group (header CamelNntpGroup)" },
                new Object[] { "next", NntpConstants.GROUP, "group (header CamelNntpGroup)" },
                new Object[] { "last", NntpConstants.GROUP, "group (header CamelNntpGroup)" },
                new Object[] { "article", NntpConstants.GROUP, "group (header CamelNntpGroup)" },
                new Object[] { "article", NntpConstants.ARTICLE_ID, "article id (header CamelNntpArticleId)" },
                new Object[] { "body", NntpConstants.ARTICLE_ID, "article id (header CamelNntpArticleId)" },
                new Object[] { "head", NntpConstants.ARTICLE_ID, "article id (header CamelNntpArticleId)" },
                new Object[] { "stat", NntpConstants.ARTICLE_ID, "article id (header CamelNntpArticleId)" },
                new Object[] { "over", NntpConstants.RANGE, "range (header CamelNntpRange)" },
                new Object[] { "xhdr", NntpConstants.RANGE, "range (header CamelNntpRange)" },
                new Object[] { "xhdr", NntpConstants.HEADER_NAME, "header name (header CamelNntpHeaderName)" },
                new Object[] { "list", NntpConstants.WILDMAT, "wildmat (header CamelNntpWildmat)" },
                new Object[] { "newnews", NntpConstants.WILDMAT, "wildmat (header CamelNntpWildmat)" },
                new Object[] { "post", "From", "header From" },
                new Object[] { "post", "Newsgroups", "header Newsgroups" },
                new Object[] { "post", "Subject", "header Subject" },
                new Object[] { "post", "Message-ID", "header Message-ID" },
                new Object[] { "post", "References", "header References" },
                new Object[] { "post", "X-Custom", "header X-Custom" }));
    }

    @ParameterizedTest(name = "{0} {1} with {3}")
    @MethodSource("headers")
    void aLineBreakInAHeaderIsRefusedBeforeAnyCommand(String operation, String header, String named, String lineBreak) {
        ServerUntouched untouched = unchanged(news::commandCount);
        Exchange exchange = template.request(uri(""), e -> {
            e.getIn().setHeader(NntpConstants.OPERATION, operation);
            e.getIn().setHeader(NntpConstants.ARTICLE_ID, "1");
            e.getIn().setHeader(NntpConstants.HEADER_NAME, "Subject");
            e.getIn().setHeader(NntpConstants.SINCE, Instant.EPOCH);
            e.getIn().setHeader("From", "poster@example.org");
            e.getIn().setHeader("Subject", "s");
            e.getIn().setHeader(header, (header.equals("Message-ID") ? "<a@b>" : "1") + lineBreak + "POST");
            e.getIn().setBody("body");
        });
        assertRefused(exchange, "The " + named + " must not contain CR, LF or NUL characters", untouched);
        assertThat(news.articles(GROUP)).isEmpty();
    }

    @ParameterizedTest(name = "a post header name with {0}")
    @MethodSource("io.netproto.camel.support.LineBreaks#names")
    void aLineBreakInAPostHeaderNameIsRefused(String lineBreak) {
        ServerUntouched untouched = unchanged(news::commandCount);
        Exchange exchange = template.request(uri(""), e -> {
            e.getIn().setHeader("From", "poster@example.org");
            e.getIn().setHeader("Subject", "s");
            e.getIn().setHeader("X-A" + lineBreak + "Control", "cancel <x@y>");
            e.getIn().setBody("body");
        });
        assertRefused(exchange, "is not a valid article field name", untouched);
    }

    static Stream<Arguments> options() {
        return LineBreaks.each(Stream.of(new Object[] { "messageIdDomain" }, new Object[] { "username" },
                new Object[] { "password" }));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("options")
    void aLineBreakInAnOptionFailsTheEndpointNamingIt(String option, String lineBreak) {
        ServerUntouched untouched = unchanged(news::commandCount);
        String options = option + "=x" + LineBreaks.encoded(lineBreak) + "POST";
        assertOptionRefused(() -> template.requestBodyAndHeader(uri(options), null, NntpConstants.OPERATION, "date"),
                "The " + option + " option must not contain CR, LF or NUL characters", untouched);
    }
}
