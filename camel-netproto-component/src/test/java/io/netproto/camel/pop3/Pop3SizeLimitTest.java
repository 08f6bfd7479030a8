package io.netproto.camel.pop3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netproto.camel.support.LogCapture;
import io.netproto.camel.support.SizeLimitExceededException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** maxMessageSize: a message LIST reports larger is never retrieved, never deleted. */
class Pop3SizeLimitTest extends Pop3TestSupport {

    private static final String LARGE = "0123456789".repeat(300);

    @Test
    void theConsumerLeavesLargerMessagesOnTheServerAndWarnsOnce() throws Exception {
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
            await().atMost(10, TimeUnit.SECONDS).until(() -> mailboxSize() == 1 && server.acceptedConnections("pop3") >= 4);
            context.getRouteController().stopAllRoutes();
            assertThat(subjects).containsExactly("small");
            assertThat(server.greenMail().getReceivedMessages()[0].getSubject()).isEqualTo("big");
            assertThat(log.lines()).filteredOn(l -> l.contains("maxMessageSize=2000")).hasSize(1)
                    .allMatch(l -> l.contains("stays on the server"));
        }
    }

    @Test
    void retrOfALargerMessageFailsBeforeRetrAndSpoolsNothing(@TempDir Path spool) throws Exception {
        deliver("big", LARGE);
        assertThatThrownBy(() -> request(uri("maxMessageSize=2000&spoolDirectory=" + spool),
                Map.of(Pop3Constants.OPERATION, "retr", Pop3Constants.MESSAGE_NUMBER, 1)))
                .hasCauseInstanceOf(SizeLimitExceededException.class)
                .hasStackTraceContaining("POP3 message 1")
                .hasStackTraceContaining("over the limit maxMessageSize=2000 bytes: not retrieved, it stays on the server");
        try (var files = Files.list(spool)) {
            assertThat(files).isEmpty();
        }
        assertThat(mailboxSize()).isEqualTo(1);
        Object body = request(uri("maxMessageSize=20000"), Map.of(Pop3Constants.OPERATION, "retr", Pop3Constants.MESSAGE_NUMBER, 1));
        assertThat(context.getTypeConverter().convertTo(String.class, body)).contains(LARGE);
    }

    @Test
    void aNegativeLimitFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint(uri("maxMessageSize=-1"))).hasStackTraceContaining("maxMessageSize");
    }
}
