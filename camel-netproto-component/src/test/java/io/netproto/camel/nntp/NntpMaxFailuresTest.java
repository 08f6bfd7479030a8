package io.netproto.camel.nntp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netproto.camel.support.MemoryCheckpointStore;
import io.netproto.camel.support.LogCapture;
import io.netproto.testkit.nntp.Article;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** maxFailures: a poison article is given up after that many failed exchanges, so it no longer blocks its group. */
class NntpMaxFailuresTest extends NntpTestSupport {

    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    private void consume(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from(uri(GROUP, "delay=20&initialDelay=0&" + options)).process(e -> {
                    String subject = e.getIn().getHeader("Subject", String.class);
                    attempts.add(subject);
                    if (subject.startsWith("poison")) {
                        throw new IllegalStateException("cannot process " + subject);
                    }
                    delivered.add(subject);
                });
            }
        });
    }

    @Test
    void afterMaxFailuresOfTheSameArticleTheCheckpointMovesPastItWithAWarning() throws Exception {
        seed(GROUP, "one", "1");
        Article poison = seed(GROUP, "poison", "2");
        seed(GROUP, "three", "3");
        MemoryCheckpointStore checkpoints = new MemoryCheckpointStore();
        context.getRegistry().bind("checkpoints", checkpoints);
        try (LogCapture log = new LogCapture()) {
            consume("maxFailures=3&checkpointStore=#checkpoints");
            await().atMost(10, TimeUnit.SECONDS).until(() -> delivered.contains("three"));
            seed(GROUP, "four", "4");
            await().atMost(10, TimeUnit.SECONDS).until(() -> delivered.contains("four"));
            context.getRouteController().stopAllRoutes();
            long number = poison.numbers().get(GROUP);
            assertThat(delivered).containsExactly("one", "three", "four");
            assertThat(attempts).filteredOn("poison"::equals).hasSize(3);
            assertThat(log.lines()).filteredOn(l -> l.contains("maxFailures=3")).hasSize(1)
                    .allMatch(l -> l.contains("Article " + number + " " + poison.messageId() + " of " + GROUP)
                                   && l.contains("failed 3 times") && l.contains("the checkpoint moves past it"));
            assertThat(checkpoints.get(uri(GROUP, null)).split(" ")[0]).isEqualTo(Long.toString(number + 2));
        }
    }

    @Test
    void withoutMaxFailuresAFailingArticleBlocksItsGroup() throws Exception {
        seed(GROUP, "one", "1");
        seed(GROUP, "poison", "2");
        seed(GROUP, "three", "3");
        consume("maxFailures=0");
        await().atMost(10, TimeUnit.SECONDS).until(() -> attempts.stream().filter("poison"::equals).count() >= 5);
        context.getRouteController().stopAllRoutes();
        assertThat(delivered).containsExactly("one");
    }

    @Test
    void aNegativeMaxFailuresFailsTheEndpointNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint(uri(GROUP, "maxFailures=-1")))
                .hasStackTraceContaining("Option maxFailures must be 0 (never give up) or more, was -1");
    }
}
