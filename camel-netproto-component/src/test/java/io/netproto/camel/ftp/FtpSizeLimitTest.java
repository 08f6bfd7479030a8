package io.netproto.camel.ftp;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
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

/** maxFileSize: files over the limit never reach the route, the wire or the server's disk. */
class FtpSizeLimitTest extends FtpTestSupport {

    private static final String BIG = "x".repeat(100);

    @Test
    void theConsumerLeavesFilesOverTheLimitOnTheServerAndWarnsOnce() throws Exception {
        writeRemote("in/small.txt", "small");
        writeRemote("in/big.txt", BIG);
        List<String> names = new CopyOnWriteArrayList<>();
        try (LogCapture log = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri("in", "maxFileSize=50&delete=true&delay=20&initialDelay=0"))
                            .process(e -> names.add(e.getIn().getHeader(Exchange.FILE_NAME, String.class)));
                }
            });
            await().atMost(10, TimeUnit.SECONDS).until(() -> listings() >= 4);
            context.getRouteController().stopAllRoutes();
            assertThat(names).containsExactly("small.txt");
            assertThat(remote("in/big.txt")).hasContent(BIG);
            assertThat(remote("in/small.txt")).doesNotExist();
            assertThat(server.commands()).noneMatch(c -> c.startsWith("RETR") && c.contains("big.txt"));
            assertThat(log.lines()).filteredOn(l -> l.contains("maxFileSize=50")).hasSize(1)
                    .allMatch(l -> l.contains("big.txt") && l.contains("100 bytes"));
        }
    }

    private long listings() {
        return server.commands().stream().filter(c -> c.startsWith("MLSD") || c.startsWith("LIST")).count();
    }

    @Test
    void aDownloadOverTheLimitFailsBeforeRetr() {
        writeRemote("in/big.txt", BIG);
        assertThatThrownBy(() -> request(uri("in", "maxFileSize=50"), null,
                Map.of(FtpConstants.OPERATION, "retrbinary", Exchange.FILE_NAME, "big.txt")))
                .hasCauseInstanceOf(SizeLimitExceededException.class)
                .hasStackTraceContaining("is 100 bytes, over the limit maxFileSize=50 bytes: not downloaded");
        assertThat(server.commands()).anyMatch(c -> c.startsWith("SIZE")).noneMatch(c -> c.startsWith("RETR"));
    }

    @Test
    void aDownloadWithinTheLimitSucceeds() {
        writeRemote("in/big.txt", BIG);
        Object body = request(uri("in", "maxFileSize=100"), null,
                Map.of(FtpConstants.OPERATION, "retrlines", Exchange.FILE_NAME, "big.txt"));
        assertThat(context.getTypeConverter().convertTo(String.class, body)).isEqualTo(BIG);
    }

    @Test
    void anUploadOfKnownSizeOverTheLimitFailsBeforeConnecting() {
        assertThatThrownBy(() -> request(uri("out", "maxFileSize=50"), BIG.getBytes(), Map.of(Exchange.FILE_NAME, "big.txt")))
                .hasCauseInstanceOf(SizeLimitExceededException.class)
                .hasStackTraceContaining("is 100 bytes, over the limit maxFileSize=50 bytes: not sent");
        assertThat(server.commands()).isEmpty();
        assertThat(remote("out/big.txt")).doesNotExist();
    }

    @Test
    void anUploadOfUnknownSizeStopsAtTheLimitAndLeavesTheTargetUnchanged() throws Exception {
        writeRemote("out/big.txt", "old content");
        byte[] large = new byte[512 * 1024];
        assertThatThrownBy(() -> request(uri("out", "maxFileSize=1000"), new ByteArrayInputStream(large),
                Map.of(Exchange.FILE_NAME, "big.txt")))
                .hasCauseInstanceOf(SizeLimitExceededException.class)
                .hasStackTraceContaining("over the limit maxFileSize=1000 bytes: upload stopped");
        assertThat(remote("out/big.txt")).hasContent("old content");
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            try (var files = Files.list(remote("out"))) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("big.txt");
            }
        });
    }

    @Test
    void aNegativeLimitFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint(uri("in", "maxFileSize=-1"))).hasStackTraceContaining("maxFileSize");
    }
}
