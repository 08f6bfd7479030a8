package io.netproto.camel.imap;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netproto.camel.support.LogCapture;
import io.netproto.camel.support.SizeLimitExceededException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** maxMessageSize: a message whose RFC822.SIZE is larger is never fetched, and left in the folder as it was. */
class ImapSizeLimitTest extends ImapTestSupport {

    private static final String LARGE = "0123456789".repeat(300);

    @Test
    void theConsumerLeavesLargerMessagesUnseenInTheFolderAndWarnsOnce() throws Exception {
        deliver("big", LARGE);
        deliver("small", "hi");
        List<String> subjects = new CopyOnWriteArrayList<>();
        try (LogCapture log = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri("maxMessageSize=2000&delay=20&initialDelay=0"))
                            .process(e -> subjects.add(e.getIn().getHeader("Subject", String.class)));
                }
            });
            await().atMost(10, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 1);
            // later polls search from past the skipped message: it is neither fetched nor warned about again
            deliver("later", "x");
            await().atMost(10, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 2);
            context.getRouteController().stopAllRoutes();
            assertThat(subjects).containsExactly("small", "later");
            assertThat(search("INBOX", "UNSEEN")).containsExactly(1L);
            assertThat(log.lines()).filteredOn(l -> l.contains("maxMessageSize=2000")).hasSize(1)
                    .allMatch(l -> l.contains("UID 1") && l.contains("stays in the folder"));
        }
    }

    @Test
    void fetchingALargerMessageFailsBeforeItsContentIsFetched() {
        deliver("big", LARGE);
        Exchange exchange = template.send(uri("maxMessageSize=2000"), e -> {
            e.getIn().setHeader(ImapConstants.OPERATION, "fetch");
            e.getIn().setHeader(ImapConstants.UID, 1L);
            e.getIn().setHeader(ImapConstants.FETCH_PARTS, "RFC822");
        });
        assertThat(exchange.getException()).isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("IMAP message UID 1 in INBOX is ")
                .hasMessageContaining("over the limit maxMessageSize=2000 bytes: not fetched");
        assertThat(search("INBOX", "UNSEEN")).containsExactly(1L);
    }

    @Test
    void aNegativeLimitFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint(uri("maxMessageSize=-1"))).hasStackTraceContaining("maxMessageSize");
    }
}
