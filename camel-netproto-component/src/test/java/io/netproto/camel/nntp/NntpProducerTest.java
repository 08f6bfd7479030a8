package io.netproto.camel.nntp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.testkit.nntp.Article;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class NntpProducerTest extends NntpTestSupport {

    @Test
    void groupReportsCountFirstAndLast() {
        seed(GROUP, "one", "1");
        seed(GROUP, "two", "2");
        Exchange result = call(uri(GROUP, null), NntpOperation.group);
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo(new NntpGroup(2, 1, 2, GROUP));
        assertThat(result.getMessage().getHeader(NntpConstants.REPLY_CODE)).isEqualTo(211);
    }

    @Test
    void groupFromHeaderOverridesTheUri() {
        seed(OTHER, "one", "1");
        NntpGroup group = call(uri(GROUP, null), NntpOperation.group, NntpConstants.GROUP, OTHER)
                .getMessage().getBody(NntpGroup.class);
        assertThat(group.name()).isEqualTo(OTHER);
        assertThat(group.count()).isEqualTo(1);
    }

    @Test
    void overListsTheOverviewOfTheGroup() {
        Article first = seed(GROUP, "one", "1");
        seed(GROUP, "two", "2");
        @SuppressWarnings("unchecked")
        List<NntpOverview> over = call(uri(GROUP, null), NntpOperation.over).getMessage().getBody(List.class);
        assertThat(over).extracting(NntpOverview::subject).containsExactly("one", "two");
        assertThat(over.get(0).messageId()).isEqualTo(first.messageId());
        assertThat(over.get(0).number()).isEqualTo(1);
        assertThat(over.get(0).from()).isEqualTo("poster@example.org");
    }

    @Test
    void overFallsBackToXoverWhenOverIsUnknown() {
        seed(GROUP, "one", "1");
        seed(GROUP, "two", "2");
        news.disableOverHdr(true);
        Exchange result = call(uri(GROUP, null), NntpOperation.over, NntpConstants.RANGE, "2-");
        assertThat(result.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<NntpOverview> over = result.getMessage().getBody(List.class);
        assertThat(over).extracting(NntpOverview::subject).containsExactly("two");
    }

    @Test
    void xhdrUsesHdrAndFallsBackToXhdr() {
        seed(GROUP, "one", "1");
        seed(GROUP, "two", "2");
        @SuppressWarnings("unchecked")
        List<NntpHeaderValue> hdr = call(uri(GROUP, null), NntpOperation.xhdr, NntpConstants.HEADER_NAME, "Subject")
                .getMessage().getBody(List.class);
        assertThat(hdr).containsExactly(new NntpHeaderValue(1, "one"), new NntpHeaderValue(2, "two"));
        news.disableOverHdr(true);
        Exchange fallback = call(uri(GROUP, null), NntpOperation.xhdr, NntpConstants.HEADER_NAME, "Subject",
                NntpConstants.RANGE, "1-1");
        assertThat(fallback.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<NntpHeaderValue> values = fallback.getMessage().getBody(List.class);
        assertThat(values).containsExactly(new NntpHeaderValue(1, "one"));
    }

    @Test
    void articleHeadAndBodyByMessageIdAndByNumber() {
        seed(GROUP, "one", "first line\n.dotted line\n");
        Article a = seed(GROUP, "zwei \u00fc", "gr\u00fc\u00dfe\n");
        NntpArticle byId = call(uri(null, null), NntpOperation.article, NntpConstants.ARTICLE_ID, a.messageId())
                .getMessage().getBody(NntpArticle.class);
        assertThat(byId.header("Subject")).contains("zwei \u00fc");
        assertThat(byId.body()).isEqualTo("gr\u00fc\u00dfe\r\n");
        assertThat(byId.pointer().messageId()).isEqualTo(a.messageId());

        Exchange byNumber = call(uri(GROUP, null), NntpOperation.article, NntpConstants.ARTICLE_ID, "1");
        NntpArticle first = byNumber.getMessage().getBody(NntpArticle.class);
        assertThat(first.body()).isEqualTo("first line\r\n.dotted line\r\n");
        assertThat(byNumber.getMessage().getHeader(NntpConstants.ARTICLE_NUMBER)).isEqualTo(1L);

        NntpArticle head = call(uri(GROUP, null), NntpOperation.head, NntpConstants.ARTICLE_ID, "2")
                .getMessage().getBody(NntpArticle.class);
        assertThat(head.body()).isNull();
        assertThat(head.header("From")).contains("poster@example.org");
        assertThat(head.pointer().number()).isEqualTo(2);

        Exchange body = call(uri(GROUP, null), NntpOperation.body, NntpConstants.ARTICLE_ID, a.messageId());
        assertThat(body.getMessage().getBody(String.class)).isEqualTo("gr\u00fc\u00dfe\r\n");
        assertThat(body.getMessage().getHeader(NntpConstants.MESSAGE_ID)).isEqualTo(a.messageId());
    }

    @Test
    void aMissingArticleIsAReplyException() {
        Exchange result = call(uri(GROUP, null), NntpOperation.article, NntpConstants.ARTICLE_ID, "<nope@example.org>");
        assertThat(result.getException()).isInstanceOf(ProtocolReplyException.class);
        assertThat(((ProtocolReplyException) result.getException()).getReplyCode()).isEqualTo(430);
    }

    @Test
    void statSetsThePointerHeaders() {
        Article a = seed(GROUP, "one", "1");
        Exchange result = call(uri(GROUP, null), NntpOperation.stat);
        assertThat(result.getMessage().getBody()).isEqualTo(new NntpPointer(GROUP, 1, a.messageId()));
        assertThat(result.getMessage().getHeader(NntpConstants.GROUP)).isEqualTo(GROUP);
        assertThat(result.getMessage().getHeader(NntpConstants.ARTICLE_NUMBER)).isEqualTo(1L);
        NntpPointer byId = call(uri(GROUP, null), NntpOperation.stat, NntpConstants.ARTICLE_ID, a.messageId())
                .getMessage().getBody(NntpPointer.class);
        assertThat(byId.messageId()).isEqualTo(a.messageId());
    }

    @Test
    void nextAndLastWalkAGroupAcrossExchanges() {
        Article one = seed(GROUP, "one", "1");
        Article two = seed(GROUP, "two", "2");
        Article three = seed(GROUP, "three", "3");
        news.expire(GROUP, 2);
        String uri = uri(GROUP, "maxIdleSessions=2");
        Exchange start = call(uri, NntpOperation.stat);
        assertThat(start.getMessage().getBody(NntpPointer.class).messageId()).isEqualTo(one.messageId());

        Exchange next = call(uri, NntpOperation.next, NntpConstants.ARTICLE_NUMBER,
                start.getMessage().getHeader(NntpConstants.ARTICLE_NUMBER));
        assertThat(next.getMessage().getBody(NntpPointer.class)).isEqualTo(new NntpPointer(GROUP, 3, three.messageId()));

        Exchange end = call(uri, NntpOperation.next, NntpConstants.ARTICLE_NUMBER, 3L);
        assertThat(end.getException()).isNull();
        assertThat(end.getMessage().getBody()).isNull();

        Exchange back = call(uri, NntpOperation.last, NntpConstants.ARTICLE_NUMBER, 3L);
        assertThat(back.getMessage().getBody(NntpPointer.class).messageId()).isEqualTo(one.messageId());
        Exchange start2 = call(uri, NntpOperation.last, NntpConstants.ARTICLE_NUMBER, 1L);
        assertThat(start2.getMessage().getBody()).isNull();
        assertThat(two.messageId()).isNotNull();
    }

    @Test
    void aWalkContinuesWhenTheCurrentArticleExpiredBetweenExchanges() {
        Article one = seed(GROUP, "one", "1");
        seed(GROUP, "two", "2");
        Article three = seed(GROUP, "three", "3");
        String uri = uri(GROUP, null);
        Exchange at = call(uri, NntpOperation.stat, NntpConstants.ARTICLE_ID, "2");
        assertThat(at.getMessage().getHeader(NntpConstants.ARTICLE_NUMBER)).isEqualTo(2L);
        news.expire(GROUP, 2);
        Exchange next = call(uri, NntpOperation.next, NntpConstants.ARTICLE_NUMBER, 2L);
        assertThat(next.getException()).isNull();
        assertThat(next.getMessage().getBody(NntpPointer.class).messageId()).isEqualTo(three.messageId());
        Exchange previous = call(uri, NntpOperation.last, NntpConstants.ARTICLE_NUMBER, 2L);
        assertThat(previous.getException()).isNull();
        assertThat(previous.getMessage().getBody(NntpPointer.class).messageId()).isEqualTo(one.messageId());
    }

    @Test
    void postReturnsItsMessageIdAndTheArticleArrives() {
        Exchange result = template.request(uri(GROUP, null), e -> {
            e.getIn().setHeader("From", "me@example.org");
            e.getIn().setHeader("Subject", "Gr\u00fc\u00dfe");
            e.getIn().setHeader("X-Trace-Id", "42");
            e.getIn().setHeader("CamelInternal", "not posted");
            e.getIn().setBody("line 1\n.starts with a dot\n..two dots\n");
        });
        assertThat(result.getException()).isNull();
        String messageId = result.getMessage().getBody(String.class);
        assertThat(messageId).startsWith("<").endsWith("@netproto.camel>");
        Article stored = news.article(messageId).orElseThrow();
        assertThat(stored.body()).isEqualTo("line 1\r\n.starts with a dot\r\n..two dots\r\n");
        String rawSubject = stored.header("Subject").orElseThrow();
        assertThat(rawSubject).as("RFC 5536: header fields stay US-ASCII").matches("[\\x20-\\x7e]+")
                .startsWith("=?UTF-8?");
        assertThat(NntpHeaderEncoding.decode(rawSubject)).isEqualTo("Gr\u00fc\u00dfe");
        assertThat(stored.header("Newsgroups")).contains(GROUP);
        assertThat(stored.header("X-Trace-Id")).contains("42");
        assertThat(stored.header("CamelInternal")).isEmpty();
    }

    @Test
    void postEncodesADisplayNameDeclaresAUtf8BodyAndRefusesNonAsciiInStructuredFields() {
        Exchange result = template.request(uri(GROUP, null), e -> {
            e.getIn().setHeader("From", "J\u00f6rg <joerg@example.org>");
            e.getIn().setHeader("Subject", "plain");
            e.getIn().setBody("K\u00f6ln\n");
        });
        assertThat(result.getException()).isNull();
        Article stored = news.article(result.getMessage().getBody(String.class)).orElseThrow();
        assertThat(stored.header("From")).hasValueSatisfying(from -> assertThat(from)
                .startsWith("=?UTF-8?").endsWith("<joerg@example.org>"));
        assertThat(stored.header("Content-Type")).contains("text/plain; charset=UTF-8");
        assertThat(stored.body()).isEqualTo("K\u00f6ln\r\n");

        Exchange refused = template.request(uri(null, null), e -> {
            e.getIn().setHeader("From", "me@example.org");
            e.getIn().setHeader("Subject", "s");
            e.getIn().setHeader("Newsgroups", "local.t\u00e9st");
            e.getIn().setBody("x");
        });
        assertThat(refused.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Newsgroups").hasMessageContaining("US-ASCII");
    }

    @Test
    void postKeepsAGivenMessageIdAndARepeatIsRefusedWith441() {
        String id = "<fixed-1@example.org>";
        Map<String, Object> headers = Map.of("From", "me@example.org", "Subject", "s", "Newsgroups", OTHER, "Message-ID", id);
        Exchange first = template.request(uri(null, null), e -> {
            e.getIn().setHeaders(new java.util.HashMap<>(headers));
            e.getIn().setBody("x");
        });
        assertThat(first.getMessage().getBody()).isEqualTo(id);
        assertThat(news.articles(OTHER)).hasSize(1);
        Exchange again = template.request(uri(null, null), e -> {
            e.getIn().setHeaders(new java.util.HashMap<>(headers));
            e.getIn().setBody("x");
        });
        assertThat(again.getException()).isInstanceOf(ProtocolReplyException.class);
        assertThat(((ProtocolReplyException) again.getException()).getReplyCode()).isIn(435, 441);
        assertThat(news.articles(OTHER)).hasSize(1);
    }

    @Test
    void postWithoutFromFailsNamingIt() {
        Exchange result = template.request(uri(GROUP, null), e -> {
            e.getIn().setHeader("Subject", "s");
            e.getIn().setBody("x");
        });
        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("From");
        Exchange noSubject = template.request(uri(GROUP, null), e -> {
            e.getIn().setHeader("From", "me@example.org");
            e.getIn().setBody("x");
        });
        assertThat(noSubject.getException()).hasMessageContaining("Subject");
        Exchange noGroups = template.request(uri(null, null), e -> {
            e.getIn().setHeader("From", "me@example.org");
            e.getIn().setHeader("Subject", "s");
            e.getIn().setBody("x");
        });
        assertThat(noGroups.getException()).hasMessageContaining("Newsgroups");
        assertThat(news.articles(GROUP)).isEmpty();
    }

    @Test
    void listNewgroupsNewnewsDateAndCapabilities() {
        Instant before = Instant.now().minus(1, ChronoUnit.HOURS);
        Article a = seed(GROUP, "one", "1");
        @SuppressWarnings("unchecked")
        List<NntpGroup> all = call(uri(null, null), NntpOperation.list).getMessage().getBody(List.class);
        assertThat(all).extracting(NntpGroup::name).containsExactlyInAnyOrder(GROUP, OTHER);
        @SuppressWarnings("unchecked")
        List<NntpGroup> matching = call(uri(null, null), NntpOperation.list, NntpConstants.WILDMAT, "*.test")
                .getMessage().getBody(List.class);
        assertThat(matching).extracting(NntpGroup::name).containsExactly(GROUP);

        @SuppressWarnings("unchecked")
        List<NntpGroup> created = call(uri(null, null), NntpOperation.newgroups, NntpConstants.SINCE, before)
                .getMessage().getBody(List.class);
        assertThat(created).extracting(NntpGroup::name).contains(GROUP, OTHER);

        @SuppressWarnings("unchecked")
        List<String> ids = call(uri("local.*", null), NntpOperation.newnews, NntpConstants.SINCE, before.toString())
                .getMessage().getBody(List.class);
        assertThat(ids).containsExactly(a.messageId());

        Instant date = call(uri(null, null), NntpOperation.date).getMessage().getBody(Instant.class);
        assertThat(date).isAfter(before);

        @SuppressWarnings("unchecked")
        List<String> capabilities = call(uri(null, null), NntpOperation.capabilities).getMessage().getBody(List.class);
        assertThat(capabilities).contains("VERSION 2").anyMatch(c -> c.startsWith("READER"));
    }

    @Test
    void authenticationIsSentAtLoginAndAWrongPasswordFails() {
        news.close();
        news = server(io.netproto.testkit.nntp.EmbeddedNewsServer.builder().group(GROUP).user(USER, PASSWORD).requireAuth(true));
        seed(GROUP, "one", "1");
        String base = "nntp://" + USER + "@" + news.host() + ":" + news.port() + "/" + GROUP;
        Exchange ok = call(base + "?password=RAW(" + PASSWORD + ")", NntpOperation.group);
        assertThat(ok.getException()).isNull();
        assertThat(ok.getMessage().getBody(NntpGroup.class).count()).isEqualTo(1);
        Exchange anonymous = call(uri(GROUP, null), NntpOperation.group);
        assertThat(anonymous.getException()).isInstanceOf(ProtocolReplyException.class);
        assertThat(((ProtocolReplyException) anonymous.getException()).getReplyCode()).isEqualTo(480);
        Exchange wrong = call(base + "?password=wrong", NntpOperation.group);
        assertThat(wrong.getException()).isInstanceOf(ProtocolReplyException.class).hasMessageContaining("481");
    }

    @ParameterizedTest
    @EnumSource(value = NntpOperation.class, names = { "group", "over", "xhdr", "article", "stat", "list", "newnews", "next" })
    void crLfIsRefusedInEveryArgument(NntpOperation operation) {
        long before = news.commandCount();
        String evil = "x\r\nPOST";
        Exchange result = call(uri(GROUP, null), operation, NntpConstants.GROUP, evil, NntpConstants.ARTICLE_ID, evil,
                NntpConstants.RANGE, evil, NntpConstants.HEADER_NAME, evil, NntpConstants.WILDMAT, evil,
                NntpConstants.SINCE, Instant.now());
        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR, LF");
        assertThat(news.articles(GROUP)).isEmpty();
        assertThat(news.commandCount() - before).isLessThan(3);
    }

    @Test
    void crLfIsRefusedInPostHeaders() {
        Exchange result = template.request(uri(GROUP, null), e -> {
            e.getIn().setHeader("From", "me@example.org");
            e.getIn().setHeader("Subject", "s\r\nNewsgroups: local.other");
            e.getIn().setBody("x");
        });
        assertThat(result.getException()).hasMessageContaining("CR, LF");
        assertThat(news.articles(GROUP)).isEmpty();
        assertThat(news.articles(OTHER)).isEmpty();
    }

    @Test
    void anUnknownOperationHeaderFailsNamingIt() {
        Exchange result = template.request(uri(GROUP, null), e -> e.getIn().setHeader(NntpConstants.OPERATION, "fetchAll"));
        assertThat(result.getException()).hasMessageContaining("fetchAll");
    }
}
