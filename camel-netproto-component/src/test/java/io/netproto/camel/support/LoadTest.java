package io.netproto.camel.support;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netproto.testkit.tls.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Eight concurrent producers per endpoint share 10,000 operations against the embedded servers: no exchange fails,
 * the server's connection count returns to its baseline once the CamelContext stops, and no thread of the
 * component, of Camel or of a client library, and no non-daemon thread, is left once the context and servers stop.
 * Prints one figures line per endpoint.
 */
class LoadTest {

    private static final int OPERATIONS = 10_000;
    private static final int THREADS = 8;
    private static final String PASSWORD = "L0ad-Pass";

    private AllServers servers;
    private Set<Thread> threadsBefore;

    @BeforeEach
    void startServers() {
        threadsBefore = Thread.getAllStackTraces().keySet();
        servers = new AllServers(PASSWORD);
    }

    @AfterEach
    void stopServers() {
        servers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp", "nntp", "pop3", "imap", "smtp" })
    void eightProducersShareTenThousandOperationsWithoutErrorsOrLeaks(String protocol) throws Exception {
        seed(protocol);
        int baseline = servers.connectionCount(protocol);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("tls", TestTls.trustingParameters());
        context.start();
        String uri = servers.plainUri(protocol, "");
        ProducerTemplate template = context.createProducerTemplate();

        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(THREADS);
        long start = System.nanoTime();
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread producer = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < OPERATIONS; i = next.getAndIncrement()) {
                        Exchange exchange = template.request(uri, operation(protocol, i));
                        if (exchange.getException() != null) {
                            errors.incrementAndGet();
                            failures.add(exchange.getException());
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + protocol + "-" + t);
            producers.add(producer);
            producer.start();
        }
        assertThat(done.await(5, TimeUnit.MINUTES)).as("producers finished").isTrue();
        for (Thread producer : producers) {
            producer.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        template.stop();
        context.stop();

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> servers.connectionCount(protocol) <= baseline);
        int connectionsAfter = servers.connectionCount(protocol) - baseline;
        servers.close();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> leakedThreads().isEmpty());
        List<String> leaked = leakedThreads();

        System.out.printf("load %s: ops=%d threads=%d errors=%d connections-after=%d leaked-threads=%d seconds=%.1f%n",
                protocol, OPERATIONS, THREADS, errors.get(), connectionsAfter, leaked.size(), seconds);
        assertThat(failures.stream().limit(3).toList()).as("failed exchanges (first three)").isEmpty();
        assertThat(next.get()).isGreaterThanOrEqualTo(OPERATIONS);
        assertThat(connectionsAfter).isZero();
        assertThat(leaked).isEmpty();
    }

    /** Something for the read operations to find. */
    private void seed(String protocol) throws IOException {
        switch (protocol) {
            case "ftp" -> Files.writeString(servers.ftp().root().resolve("inbox/a.txt"), "12345");
            case "nntp" -> servers.news().post(AllServers.GROUP, Map.of("From", "seed@example.org", "Subject", "seed"), "seed");
            case "pop3", "imap" -> servers.mail().deliver(message());
            default -> {
            }
        }
    }

    /** The i-th operation: mostly reads, some writes (ftp STOR, nntp POST, imap APPEND); smtp always sends. */
    private static org.apache.camel.Processor operation(String protocol, int i) {
        boolean write = i % 10 == 0;
        Map<String, Object> headers = new LinkedHashMap<>();
        Object body = null;
        switch (protocol) {
            case "ftp" -> {
                headers.put("CamelNetFtpOperation", write ? "storbinary" : "size");
                headers.put(Exchange.FILE_NAME, write ? "f-" + i + ".txt" : "a.txt");
                body = write ? "load " + i : null;
            }
            case "nntp" -> {
                headers.put("CamelNntpOperation", write ? "post" : i % 2 == 0 ? "group" : "stat");
                if (write) {
                    headers.put("From", "load@example.org");
                    headers.put("Subject", "load " + i);
                    body = "article " + i;
                }
            }
            case "pop3" -> headers.put("CamelPop3Operation", i % 2 == 0 ? "stat" : "list");
            case "imap" -> {
                // every hundredth appends: SEARCH ALL stays cheap on a mailbox of at most 101 messages
                boolean append = i % 100 == 0;
                headers.put("CamelImapOperation", append ? "append" : i % 2 == 0 ? "search" : "noop");
                headers.put("CamelImapCriteria", "ALL");
                body = append ? message() : null;
            }
            default -> body = "load " + i;
        }
        Object content = body;
        return exchange -> {
            exchange.getIn().setHeaders(headers);
            exchange.getIn().setBody(content);
        };
    }

    private static jakarta.mail.internet.MimeMessage message() {
        try {
            jakarta.mail.internet.MimeMessage message
                    = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
            message.setFrom("bob@example.org");
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, AllServers.EMAIL);
            message.setSubject("load");
            message.setText("load");
            message.saveChanges();
            return message;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Threads started since the test began that are still alive: any non-daemon thread, and any thread of Camel,
     * the component or a client library (by name or by a frame of its stack).
     */
    private List<String> leakedThreads() {
        List<String> leaked = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (!threadsBefore.contains(thread) && thread.isAlive() && thread != Thread.currentThread()
                && (!thread.isDaemon() || isClientThread(thread, stack))) {
                leaked.add(thread.getName() + (thread.isDaemon() ? " (daemon)" : ""));
            }
        });
        return leaked;
    }

    private static boolean isClientThread(Thread thread, StackTraceElement[] stack) {
        return thread.getName().startsWith("Camel") || thread.getName().contains("JavaMail")
               || Arrays.stream(stack).map(StackTraceElement::getClassName).anyMatch(c -> c.startsWith("io.netproto.camel")
                       || c.startsWith("org.apache.camel") || c.startsWith("org.eclipse.angus")
                       || c.startsWith("org.apache.commons.net"));
    }
}
