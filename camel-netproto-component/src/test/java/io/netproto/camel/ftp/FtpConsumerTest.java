package io.netproto.camel.ftp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FtpConsumerTest extends FtpTestSupport {

    private final List<String> received = new CopyOnWriteArrayList<>();

    private void consume(String options, org.apache.camel.Processor processor) throws Exception {
        String from = uri("inbox", "delay=50&initialDelay=0" + (options.isEmpty() ? "" : "&" + options));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("consumer").process(processor);
            }
        });
    }

    private void record(Exchange exchange) {
        received.add(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class) + "=" + exchange.getIn().getBody(String.class));
    }

    @Test
    void deletesOnlyAfterTheRouteSucceeded() throws Exception {
        writeRemote("inbox/a.txt", "A");
        List<Boolean> presentWhileProcessing = new CopyOnWriteArrayList<>();
        consume("delete=true", e -> {
            presentWhileProcessing.add(Files.exists(remote("inbox/a.txt")));
            record(e);
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> !Files.exists(remote("inbox/a.txt")));
        assertThat(received).containsExactly("a.txt=A");
        assertThat(presentWhileProcessing).containsExactly(true);
    }

    @Test
    void aFailingRouteLeavesTheFileForTheNextPoll() throws Exception {
        writeRemote("inbox/bad.txt", "B");
        AtomicInteger attempts = new AtomicInteger();
        consume("delete=true", e -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("route failed");
            }
            record(e);
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> !Files.exists(remote("inbox/bad.txt")));
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(received).containsExactly("bad.txt=B");
    }

    @Test
    void moveAfterSuccessAndMoveFailedAfterFailure() throws Exception {
        writeRemote("inbox/good.txt", "G");
        writeRemote("inbox/poison.txt", "P");
        consume("move=.done&moveFailed=.failed&exclude=\\..*", e -> {
            if (e.getIn().getHeader(Exchange.FILE_NAME, String.class).startsWith("poison")) {
                throw new IllegalStateException("poison");
            }
            record(e);
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> Files.exists(remote("inbox/.done/good.txt"))
                                                         && Files.exists(remote("inbox/.failed/poison.txt")));
        assertThat(remote("inbox/good.txt")).doesNotExist();
        assertThat(remote("inbox/poison.txt")).doesNotExist();
        assertThat(received).containsExactly("good.txt=G");
    }

    @Test
    void keptFilesAreDeliveredOnceAndAChangedReuploadAgain() throws Exception {
        writeRemote("inbox/keep.txt", "v1");
        consume("", this::record);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
        Thread.sleep(300); // several more polls
        assertThat(received).containsExactly("keep.txt=v1");
        assertThat(remote("inbox/keep.txt")).exists();

        writeRemote("inbox/keep.txt", "version 2");
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 2);
        assertThat(received).containsExactly("keep.txt=v1", "keep.txt=version 2");
    }

    @Test
    void aRestartWithAFileIdempotentRepositoryDoesNotDeliverAgain(@TempDir Path tmp) throws Exception {
        writeRemote("inbox/one.txt", "1");
        writeRemote("inbox/two.txt", "2");
        File store = tmp.resolve("consumed.dat").toFile();
        runOnce(store, 2);
        assertThat(received).containsExactly("one.txt=1", "two.txt=2");

        writeRemote("inbox/three.txt", "3");
        runOnce(store, 3);
        assertThat(received).containsExactly("one.txt=1", "two.txt=2", "three.txt=3");
    }

    private void runOnce(File store, int expectedTotal) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("repo", FileIdempotentRepository.fileIdempotentRepository(store));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("inbox", "delay=50&initialDelay=0&idempotentRepository=#repo")).process(FtpConsumerTest.this::record);
            }
        });
        camel.start();
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= expectedTotal);
            Thread.sleep(300); // more polls: nothing more may arrive
        } finally {
            camel.stop();
        }
    }

    @Test
    void aDroppedConnectionIsReestablishedOnTheNextPoll() throws Exception {
        writeRemote("inbox/first.txt", "1");
        consume("delete=true", this::record);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
        assertThat(server.connectionCount()).isEqualTo(1);

        server.closeAllConnections();
        writeRemote("inbox/second.txt", "2");
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 2);
        assertThat(received).containsExactly("first.txt=1", "second.txt=2");
        assertThat(remote("inbox/second.txt")).doesNotExist();
    }

    @Test
    void aServerRestartMidwayLosesNothingAndDuplicatesNothing() throws Exception {
        for (int i = 0; i < 10; i++) {
            writeRemote("inbox/f" + i + ".txt", "v" + i);
        }
        AtomicInteger seen = new AtomicInteger();
        consume("delete=true&maxMessagesPerPoll=2&reconnectDelay=50", e -> {
            if (seen.incrementAndGet() == 5) {
                server.restart();
                throw new IllegalStateException("connection went away while processing");
            }
            record(e);
        });
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 10);
        Thread.sleep(200);
        assertThat(received).hasSize(10).doesNotHaveDuplicates();
        try (var files = Files.list(remote("inbox"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void recursiveAntFiltersAndSortingSelectTheFiles() throws Exception {
        writeRemote("inbox/b.csv", "b");
        writeRemote("inbox/a.csv", "a");
        writeRemote("inbox/skip.txt", "s");
        writeRemote("inbox/deep/c.csv", "c");
        writeRemote("inbox/deep/ignored/d.csv", "d");
        consume("recursive=true&antInclude=**/*.csv&antExclude=**/ignored/**&sortBy=name", this::record);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 3);
        Thread.sleep(200);
        assertThat(received).containsExactly("a.csv=a", "b.csv=b", "deep/c.csv=c");
    }

    @Test
    void regexIncludeAndMaxMessagesPerPollLimitEachPoll() throws Exception {
        for (int i = 0; i < 6; i++) {
            writeRemote("inbox/r" + i + ".dat", "x");
        }
        writeRemote("inbox/other.txt", "o");
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        consume("include=r\\d\\.dat&maxMessagesPerPoll=2&delete=true", e -> {
            batchSizes.add(e.getProperty(Exchange.BATCH_SIZE, Integer.class));
            record(e);
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 6);
        assertThat(batchSizes).allMatch(size -> size <= 2);
        assertThat(remote("inbox/other.txt")).exists();
    }

    @Test
    void headersDescribeTheRemoteFile() throws Exception {
        writeRemote("inbox/sub/h.txt", "hello");
        List<Exchange> exchanges = new CopyOnWriteArrayList<>();
        consume("recursive=true&streamDownload=false", e -> {
            exchanges.add(e.copy());
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> exchanges.size() == 1);
        var in = exchanges.get(0).getIn();
        assertThat(in.getHeader(Exchange.FILE_NAME)).isEqualTo("sub/h.txt");
        assertThat(in.getHeader(Exchange.FILE_NAME_ONLY)).isEqualTo("h.txt");
        assertThat(in.getHeader(FtpConstants.REMOTE_PATH)).isEqualTo("/inbox/sub/h.txt");
        assertThat(in.getHeader(Exchange.FILE_LENGTH)).isEqualTo(5L);
        assertThat(in.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class)).isPositive();
        assertThat(in.getBody()).isInstanceOf(byte[].class);
    }

    @Test
    void readLockChangedWaitsUntilTheFileIsStable() throws Exception {
        writeRemote("inbox/growing.txt", "part");
        consume("readLock=changed&readLockCheckInterval=400&delete=true", this::record);
        Thread.sleep(150);
        assertThat(received).isEmpty();
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
        assertThat(received).containsExactly("growing.txt=part");
    }

    @Test
    void readLockRenameProbesTheFileBeforeDelivery() throws Exception {
        writeRemote("inbox/probe.txt", "ready");
        consume("readLock=rename&delete=true", this::record);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !Files.exists(remote("inbox/probe.txt")));
        assertThat(received).containsExactly("probe.txt=ready");
    }

    @Test
    void sortBySizeDeliversSmallestFirst() throws Exception {
        writeRemote("inbox/big.txt", "xxxxxxxxxx");
        writeRemote("inbox/small.txt", "x");
        writeRemote("inbox/medium.txt", "xxxxx");
        consume("sortBy=size&delete=true", e -> received.add(e.getIn().getHeader(Exchange.FILE_NAME, String.class)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 3);
        assertThat(received).containsExactly("small.txt", "medium.txt", "big.txt");
    }

    @Test
    void aConnectionLostAfterSuccessIsCommittedOnTheNextPollWithoutRedelivery() throws Exception {
        writeRemote("inbox/once.txt", "1");
        consume("delete=true", e -> {
            record(e);
            server.closeAllConnections();
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> !Files.exists(remote("inbox/once.txt")));
        Thread.sleep(200);
        assertThat(received).containsExactly("once.txt=1");
    }
}
