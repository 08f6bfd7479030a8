package io.netproto.camel.pop3;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class Pop3ConsumerTest extends Pop3TestSupport {

    private final List<String> received = new CopyOnWriteArrayList<>();

    private static final String FAST = "delay=50&initialDelay=0";

    private void consume(CamelContext camelContext, String options, Processor processor) throws Exception {
        consumeFrom(camelContext, FAST + (options.isEmpty() ? "" : "&" + options), processor);
    }

    private void consumeFrom(CamelContext camelContext, String allOptions, Processor processor) throws Exception {
        String from = uri(allOptions);
        camelContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("pop3").process(processor);
            }
        });
    }

    private void consume(String options, Processor processor) throws Exception {
        consume(context, options, processor);
    }

    private void record(Exchange exchange) {
        received.add(exchange.getIn().getHeader("Subject", String.class) + "=" + exchange.getIn().getBody(String.class).trim());
    }

    @Test
    void deletesOnlyAfterTheRouteSucceeded() throws Exception {
        deliver("hello", "world");
        List<Integer> mailboxWhileProcessing = new CopyOnWriteArrayList<>();
        consume("", e -> {
            mailboxWhileProcessing.add(mailboxSize());
            record(e);
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> mailboxSize() == 0);
        assertThat(received).containsExactly("hello=world");
        assertThat(mailboxWhileProcessing).containsExactly(1);
    }

    @Test
    void setsNumberUidAndSizeHeaders() throws Exception {
        deliver("a", "A");
        List<Exchange> exchanges = new CopyOnWriteArrayList<>();
        consume("delete=false", exchanges::add);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !exchanges.isEmpty());
        Exchange exchange = exchanges.get(0);
        assertThat(exchange.getIn().getHeader(Pop3Constants.MESSAGE_NUMBER)).isEqualTo(1);
        assertThat(exchange.getIn().getHeader(Pop3Constants.UID, String.class)).isNotBlank();
        assertThat(exchange.getIn().getHeader(Pop3Constants.SIZE, Long.class)).isPositive();
        assertThat(exchange.getIn().getHeader("From", String.class)).isEqualTo("bob@example.org");
    }

    @Test
    void aFailingRouteLeavesTheMessageForTheNextPoll() throws Exception {
        deliver("bad", "B");
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> mailboxWhileProcessing = new CopyOnWriteArrayList<>();
        consume("", e -> {
            mailboxWhileProcessing.add(mailboxSize());
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("route failed");
            }
            record(e);
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> mailboxSize() == 0);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(mailboxWhileProcessing).containsExactly(1, 1, 1);
        assertThat(received).containsExactly("bad=B");
    }

    @Test
    void onlyTheFailedMessageStays() throws Exception {
        deliver("good", "G");
        deliver("poison", "P");
        deliver("fine", "F");
        consume("", e -> {
            if ("poison".equals(e.getIn().getHeader("Subject"))) {
                throw new IllegalStateException("poison");
            }
            record(e);
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 2 && mailboxSize() == 1);
        assertThat(received).containsExactly("good=G", "fine=F");
        assertThat(server.greenMail().getReceivedMessages()[0].getSubject()).isEqualTo("poison");
    }

    @Test
    void maxMessagesPerPollLimitsEachPoll() throws Exception {
        for (int i = 1; i <= 5; i++) {
            deliver("m" + i, "body " + i);
        }
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        consume("maxMessagesPerPoll=2", e -> {
            batchSizes.add(e.getProperty(Exchange.BATCH_SIZE, Integer.class));
            record(e);
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 5 && mailboxSize() == 0);
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(2));
        assertThat(received).containsExactly("m1=body 1", "m2=body 2", "m3=body 3", "m4=body 4", "m5=body 5");
    }

    @Test
    void rawModeDeliversTheRfc822StreamWithTheMailHeaders() throws Exception {
        deliver("raw", "raw body");
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<Object> subjects = new CopyOnWriteArrayList<>();
        consume("mapMailMessage=false", e -> {
            Object body = e.getIn().getBody();
            assertThat(body).isInstanceOf(InputStream.class);
            bodies.add(new String(((InputStream) body).readAllBytes(), StandardCharsets.UTF_8));
            subjects.add(e.getIn().getHeader("Subject"));
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> !bodies.isEmpty() && mailboxSize() == 0);
        assertThat(bodies.get(0)).contains("Subject: raw").contains("raw body");
        assertThat(subjects).containsExactly("raw");
    }

    @Test
    void messagesAreSpooledToDiskWhileProcessedAndTheSpoolGoesWithThePoll(@TempDir Path spool) throws Exception {
        deliver("big", "x".repeat(200_000));
        deliver("small", "s");
        List<Integer> spoolFiles = new CopyOnWriteArrayList<>();
        consume("spoolDirectory=" + spool, e -> {
            spoolFiles.add(Pop3ProducerTest.filesIn(spool).size());
            record(e);
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> mailboxSize() == 0 && Pop3ProducerTest.filesIn(spool).isEmpty());
        assertThat(spoolFiles).containsExactly(1, 1);
        assertThat(received).hasSize(2);
    }

    @Test
    void withDeleteFalseMessagesStayAndAreDeliveredOnce() throws Exception {
        deliver("keep", "K");
        consume("delete=false", this::record);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !received.isEmpty());
        deliver("later", "L");
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 2);
        assertThat(received).containsExactly("keep=K", "later=L");
        assertThat(mailboxSize()).isEqualTo(2);
    }

    @Test
    void restartWithAPersistentRepositoryDeliversNothingTwice(@TempDir Path dir) throws Exception {
        context.getRegistry().bind("repo", FileIdempotentRepository.fileIdempotentRepository(dir.resolve("uids.txt").toFile()));
        deliver("one", "1");
        deliver("two", "2");
        consume("delete=false&idempotentRepository=#repo", this::record);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 2);
        context.stop();

        deliver("three", "3");
        CamelContext restarted = newContext();
        restarted.getRegistry().bind("repo", FileIdempotentRepository.fileIdempotentRepository(dir.resolve("uids.txt").toFile()));
        consume(restarted, "delete=false&idempotentRepository=#repo", this::record);
        restarted.start();
        try {
            // messages 1 and 2 come before 3 in the same poll: once 3 arrives, they were skipped
            await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 3);
        } finally {
            restarted.stop();
        }
        assertThat(received).containsExactly("one=1", "two=2", "three=3");
        assertThat(mailboxSize()).isEqualTo(3);
    }

    @Test
    void aConnectionLostBeforeQuitDeletesNothingAndTheNextPollFinishesTheDeletion() throws Exception {
        deliver("fragile", "F");
        consume("", e -> {
            record(e);
            if (received.size() == 1) {
                // the exchange succeeds, but the connection is gone before the DELE and QUIT of this poll
                server.closeAllConnections();
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> mailboxSize() == 0);
        assertThat(received).as("the id was recorded before QUIT: not delivered again").containsExactly("fragile=F");
    }

    @Test
    void aCrashBeforeQuitWithAPersistentRepositoryDuplicatesNothing(@TempDir Path dir) throws Exception {
        crashBeforeQuit("idempotentRepository=#repo", dir);
        assertThat(received).containsExactly("crash=C");
    }

    @Test
    void aCrashBeforeQuitWithTheInMemoryRepositoryRedeliversButLosesNothing(@TempDir Path dir) throws Exception {
        crashBeforeQuit("", dir);
        assertThat(received).as("at least once: redelivered after the restart").containsExactly("crash=C", "crash=C");
    }

    /**
     * A route processes a message, then the connection drops before QUIT and the application stops (a crash: the
     * deletion never reached the server). A new context on the same mailbox then consumes until the mailbox is empty.
     */
    private void crashBeforeQuit(String options, Path dir) throws Exception {
        java.io.File store = dir.resolve("uids.txt").toFile();
        context.getRegistry().bind("repo", FileIdempotentRepository.fileIdempotentRepository(store));
        deliver("crash", "C");
        consumeFrom(context, "delay=60000&initialDelay=0" + (options.isEmpty() ? "" : "&" + options), e -> {
            record(e);
            server.closeAllConnections();
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1 && server.connectionCount("pop3") == 0);
        context.stop();
        assertThat(mailboxSize()).as("nothing deleted without QUIT").isEqualTo(1);

        CamelContext restarted = newContext();
        restarted.getRegistry().bind("repo", FileIdempotentRepository.fileIdempotentRepository(store));
        consume(restarted, options, this::record);
        restarted.start();
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> mailboxSize() == 0);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void pop3sConsumerWithTheTrustedCertificate() throws Exception {
        deliver("secure", "S");
        String from = uri("pop3s", FAST);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).process(Pop3ConsumerTest.this::record);
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> mailboxSize() == 0);
        assertThat(received).containsExactly("secure=S");
    }
}
