package io.netproto.camel.nntp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netproto.camel.support.LogCapture;
import io.netproto.camel.support.SizeLimitExceededException;
import io.netproto.testkit.nntp.Article;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** maxArticleSize: larger articles are not fetched by the consumer, refused by the producer, never posted. */
class NntpSizeLimitTest extends NntpTestSupport {

    private static final String LARGE = "0123456789 line\n".repeat(200);

    @Test
    void theConsumerSkipsArticlesTheOverviewReportsLargerAndWarnsOnce() throws Exception {
        Article big = seed(GROUP, "big", LARGE);
        seed(GROUP, "small", "hi");
        List<String> subjects = new CopyOnWriteArrayList<>();
        try (LogCapture log = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri(GROUP, "maxArticleSize=1000&delay=20&initialDelay=0"))
                            .process(e -> subjects.add(e.getIn().getHeader("Subject", String.class)));
                }
            });
            await().atMost(10, TimeUnit.SECONDS).until(() -> subjects.contains("small"));
            seed(GROUP, "later", "x");
            await().atMost(10, TimeUnit.SECONDS).until(() -> subjects.contains("later"));
            context.getRouteController().stopAllRoutes();
            long number = big.numbers().get(GROUP);
            assertThat(subjects).containsExactly("small", "later");
            assertThat(news.commands()).noneMatch(c -> c.equals("ARTICLE " + number) || c.equals("BODY " + number));
            assertThat(log.lines()).filteredOn(l -> l.contains("maxArticleSize=1000")).hasSize(1)
                    .allMatch(l -> l.contains("article " + number + " of " + GROUP));
        }
    }

    @Test
    void withoutSizesInTheOverviewTheConsumerStopsReadingAtTheLimitAndSkipsTheArticle() throws Exception {
        news.omitOverviewSizes(true);
        Article big = seed(GROUP, "big", LARGE);
        seed(GROUP, "small", "hi");
        List<String> subjects = new CopyOnWriteArrayList<>();
        try (LogCapture log = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri(GROUP, "maxArticleSize=1000&delay=20&initialDelay=0"))
                            .process(e -> subjects.add(e.getIn().getHeader("Subject", String.class) + "="
                                                       + e.getIn().getBody(String.class).strip()));
                }
            });
            await().atMost(10, TimeUnit.SECONDS).until(() -> subjects.contains("small=hi"));
            seed(GROUP, "later", "x");
            await().atMost(10, TimeUnit.SECONDS).until(() -> subjects.contains("later=x"));
            context.getRouteController().stopAllRoutes();
            assertThat(subjects).containsExactly("small=hi", "later=x");
            assertThat(log.lines()).filteredOn(l -> l.contains("maxArticleSize=1000")).hasSize(1)
                    .allMatch(l -> l.contains("article " + big.numbers().get(GROUP) + " of " + GROUP)
                                   && l.contains("more than 1000 bytes"));
        }
    }

    @Test
    void articleByNumberFailsBeforeArticleWhenTheOverviewReportsItLarger() {
        Article big = seed(GROUP, "big", LARGE);
        long number = big.numbers().get(GROUP);
        Exchange exchange = call(uri(GROUP, "maxArticleSize=1000"), NntpOperation.article,
                NntpConstants.ARTICLE_ID, Long.toString(number));
        assertThat(exchange.getException()).isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("Article " + number + " of " + GROUP + " is ")
                .hasMessageContaining("over the limit maxArticleSize=1000 bytes: not fetched");
        assertThat(news.commands()).contains("OVER " + number).noneMatch(c -> c.startsWith("ARTICLE"));
    }

    @Test
    void bodyByMessageIdStopsAsSoonAsItPassesTheLimit() {
        Article big = seed(GROUP, "big", LARGE);
        Exchange exchange = call(uri(GROUP, "maxArticleSize=1000"), NntpOperation.body, NntpConstants.ARTICLE_ID, big.messageId());
        assertThat(exchange.getException()).isNull();
        InputStream body = exchange.getMessage().getBody(InputStream.class);
        assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class)
                .hasCauseInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("over the limit maxArticleSize=1000 bytes: reading stopped");
    }

    @Test
    void aPostLargerThanTheLimitFailsBeforePost() {
        Exchange exchange = template.request(uri(GROUP, "maxArticleSize=1000"), e -> {
            e.getIn().setHeader("From", "poster@example.org");
            e.getIn().setHeader("Subject", "too big");
            e.getIn().setBody(LARGE);
        });
        assertThat(exchange.getException()).isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("The article to post is ")
                .hasMessageContaining("over the limit maxArticleSize=1000 bytes: not posted");
        assertThat(news.commandCount()).isZero();
        assertThat(news.articles(GROUP)).isEmpty();
    }

    @Test
    void aNegativeLimitFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint(uri(GROUP, "maxArticleSize=-1"))).hasStackTraceContaining("maxArticleSize");
    }
}
