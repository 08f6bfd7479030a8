package io.netproto.camel.nntp;

import java.nio.file.Path;
import java.util.List;

import io.netproto.camel.support.FileCheckpointStore;
import io.netproto.testkit.nntp.Article;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class NntpConsumerTest extends NntpTestSupport {

    @TempDir
    Path tmp;

    private MockEndpoint route(String from) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("news").to("mock:news");
            }
        });
        return context.getEndpoint("mock:news", MockEndpoint.class);
    }

    @Test
    void aPostedArticleArrivesOnceWithItsHeaders() throws Exception {
        MockEndpoint mock = route(uri(GROUP, "initialDelay=0&delay=50"));
        mock.expectedMessageCount(1);
        String id = template.request(uri(GROUP, null), e -> {
            e.getIn().setHeader("From", "me@example.org");
            e.getIn().setHeader("Subject", "hello");
            e.getIn().setHeader("References", "<earlier@example.org>");
            e.getIn().setBody("text\n");
        }).getMessage().getBody(String.class);
        mock.assertIsSatisfied();
        var message = mock.getExchanges().get(0).getIn();
        assertThat(message.getHeader("Message-ID")).isEqualTo(id);
        assertThat(message.getHeader("Subject")).isEqualTo("hello");
        assertThat(message.getHeader("From")).isEqualTo("me@example.org");
        assertThat(message.getHeader("Newsgroups")).isEqualTo(GROUP);
        assertThat(message.getHeader("References")).isEqualTo("<earlier@example.org>");
        assertThat(message.getHeader("Date")).isNotNull();
        assertThat(message.getHeader("Xref")).isNotNull();
        assertThat(message.getHeader(NntpConstants.GROUP)).isEqualTo(GROUP);
        assertThat(message.getHeader(NntpConstants.ARTICLE_NUMBER)).isEqualTo(1L);
        assertThat(message.getBody(String.class)).isEqualTo("text\r\n");
        // later polls deliver nothing more: wait for a second article to arrive behind it
        mock.reset();
        mock.expectedMessageCount(1);
        seed(GROUP, "second", "2");
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getIn().getHeader("Subject")).isEqualTo("second");
    }

    @Test
    void nonAsciiHeadersArePostedEncodedAndArriveDecoded() throws Exception {
        MockEndpoint mock = route(uri(GROUP, "initialDelay=0&delay=50"));
        mock.expectedMessageCount(1);
        String subject = "Gr\u00fc\u00dfe aus K\u00f6ln \u2013 a subject long enough to need several encoded words";
        template.request(uri(GROUP, null), e -> {
            e.getIn().setHeader("From", "J\u00f6rg M\u00fcller <joerg@example.org>");
            e.getIn().setHeader("Subject", subject);
            e.getIn().setBody("Gr\u00fc\u00dfe\n");
        });
        mock.assertIsSatisfied();
        var message = mock.getExchanges().get(0).getIn();
        assertThat(message.getHeader("Subject")).isEqualTo(subject);
        assertThat(message.getHeader("From")).isEqualTo("J\u00f6rg M\u00fcller <joerg@example.org>");
        assertThat(message.getBody(String.class)).isEqualTo("Gr\u00fc\u00dfe\r\n");
    }

    @Test
    void pollsSeveralGroupsByWildmatAndLimitsEachPoll() throws Exception {
        for (int i = 0; i < 5; i++) {
            seed(GROUP, "t" + i, "b");
        }
        seed(OTHER, "o", "b");
        MockEndpoint mock = route(uri("local.*", "maxMessagesPerPoll=2&initialDelay=0&delay=50"));
        mock.expectedMessageCount(6);
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges()).extracting(e -> e.getIn().getHeader("Subject", String.class))
                .containsExactlyInAnyOrder("t0", "t1", "t2", "t3", "t4", "o");
        assertThat(mock.getExchanges()).allMatch(e -> e.getProperty(org.apache.camel.Exchange.BATCH_SIZE, Integer.class) <= 2);
    }

    @Test
    void aWildmatWithANegationLeavesTheNegatedGroupOut() throws Exception {
        seed(GROUP, "wanted", "b");
        seed(OTHER, "unwanted", "b");
        MockEndpoint mock = route(uri("local.*,!local.other", "initialDelay=0&delay=50"));
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        mock.reset();
        mock.expectedMessageCount(1);
        seed(GROUP, "wanted too", "b");
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getIn().getHeader("Subject")).isEqualTo("wanted too");
    }

    @Test
    void aGroupMissingOnTheServerDoesNotStopTheOthers() throws Exception {
        seed(OTHER, "still here", "b");
        MockEndpoint mock = route(uri("no.such.group," + OTHER, "initialDelay=0&delay=50"));
        mock.expectedBodiesReceived("b\r\n");
        mock.assertIsSatisfied();
    }

    @Test
    void aStreamedBodyIsReadDuringTheExchangeAndAnUnreadOneIsSkipped() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            big.append(i % 7 == 0 ? ".line " : "line ").append(i).append(" gr\u00fc\u00dfe\n");
        }
        seed(GROUP, "read", big.toString());
        seed(GROUP, "unread", big.toString());
        seed(GROUP, "last", "small\n");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(GROUP, "initialDelay=0&delay=50&streamBody=true")).routeId("news")
                        .choice().when(header("Subject").isEqualTo("unread")).setBody(constant("skipped")).end()
                        .convertBodyTo(String.class, "UTF-8")
                        .to("mock:news");
            }
        });
        MockEndpoint mock = context.getEndpoint("mock:news", MockEndpoint.class);
        mock.expectedBodiesReceived(big.toString().replace("\n", "\r\n"), "skipped", "small\r\n");
        mock.assertIsSatisfied();
    }

    @Test
    void expiredArticlesAreSkipped() throws Exception {
        seed(GROUP, "one", "1");
        seed(GROUP, "two", "2");
        seed(GROUP, "three", "3");
        news.expire(GROUP, 2);
        MockEndpoint mock = route(uri(GROUP, "initialDelay=0&delay=50"));
        mock.expectedBodiesReceived("1\r\n", "3\r\n");
        mock.assertIsSatisfied();
    }

    @Test
    void aFailedExchangeIsRetriedAndTheCheckpointWaitsForIt() throws Exception {
        seed(GROUP, "one", "1");
        seed(GROUP, "two", "2");
        int[] failures = { 1 };
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(GROUP, "initialDelay=0&delay=50")).routeId("news")
                        .process(e -> {
                            if ("two".equals(e.getIn().getHeader("Subject")) && failures[0]-- > 0) {
                                throw new IllegalStateException("first attempt fails");
                            }
                        })
                        .to("mock:news");
            }
        });
        MockEndpoint mock = context.getEndpoint("mock:news", MockEndpoint.class);
        mock.expectedBodiesReceived("1\r\n", "2\r\n");
        mock.assertIsSatisfied();
        assertThat(failures[0]).isEqualTo(-1);
    }

    @Test
    void aRestartWithAFileCheckpointDeliversNothingTwiceAndMissesNothing() throws Exception {
        Path store = tmp.resolve("nntp.checkpoints");
        context.getRegistry().bind("checkpoints", new FileCheckpointStore(store));
        seed(GROUP, "one", "1");
        seed(GROUP, "two", "2");
        MockEndpoint mock = route(uri(GROUP, "initialDelay=0&delay=50&checkpointStore=#checkpoints"));
        mock.expectedBodiesReceived("1\r\n", "2\r\n");
        mock.assertIsSatisfied();
        context.stop();

        seed(GROUP, "three", "3");
        context = new DefaultCamelContext();
        context.getRegistry().bind("checkpoints", new FileCheckpointStore(store));
        context.start();
        MockEndpoint again = route(uri(GROUP, "initialDelay=0&delay=50&checkpointStore=#checkpoints"));
        again.expectedBodiesReceived("3\r\n");
        again.assertIsSatisfied();
        again.reset();
        again.expectedBodiesReceived("4\r\n");
        seed(GROUP, "four", "4");
        again.assertIsSatisfied();
    }

    @Test
    void aRenumberedGroupIsRescannedAndOnlyNewArticlesArrive() throws Exception {
        context.getRegistry().bind("seen", MemoryIdempotentRepository.memoryIdempotentRepository(100));
        seed(GROUP, "one", "1");
        seed(GROUP, "two", "2");
        seed(GROUP, "three", "3");
        MockEndpoint mock = route(uri(GROUP, "initialDelay=0&delay=50&idempotentRepository=#seen"));
        mock.expectedMessageCount(3);
        mock.assertIsSatisfied();
        news.renumber(GROUP, 1);
        news.expire(GROUP, 1);
        news.renumber(GROUP, 1); // numbers now 1..2, below the checkpoint 3
        mock.reset();
        mock.expectedBodiesReceived("4\r\n", "5\r\n");
        Article fresh = seed(GROUP, "four", "4");
        assertThat(fresh.numbers().get(GROUP)).isEqualTo(3L);
        seed(GROUP, "five", "5");
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges()).hasSize(2);
    }

    @Test
    void aRenumberingThatReusesTheCheckpointNumberIsDetectedByMessageId() throws Exception {
        seed(GROUP, "one", "1");
        seed(GROUP, "two", "2");
        seed(GROUP, "three", "3");
        MockEndpoint mock = route(uri(GROUP, "initialDelay=0&delay=50"));
        mock.expectedMessageCount(3);
        mock.assertIsSatisfied();
        context.getRouteController().stopRoute("news");
        news.expire(GROUP, 1);
        news.renumber(GROUP, 1); // two=1, three=2
        Article four = seed(GROUP, "four", "4");
        assertThat(four.numbers().get(GROUP)).isEqualTo(3L); // the checkpoint's number, another article
        mock.reset();
        mock.expectedBodiesReceived("4\r\n");
        context.getRouteController().startRoute("news");
        mock.assertIsSatisfied();
        mock.reset();
        mock.expectedBodiesReceived("5\r\n");
        seed(GROUP, "five", "5");
        mock.assertIsSatisfied();
    }

    @Test
    void aDroppedConnectionIsReestablishedOnTheNextPoll() throws Exception {
        seed(GROUP, "one", "1");
        MockEndpoint mock = route(uri(GROUP, "initialDelay=0&delay=50"));
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        news.closeAllConnections();
        news.failNextCommandWith400();
        mock.reset();
        mock.expectedBodiesReceived("2\r\n");
        seed(GROUP, "two", "2");
        mock.assertIsSatisfied();
        assertThat(List.of(mock.getExchanges().size())).containsExactly(1);
    }
}
