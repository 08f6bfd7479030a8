package io.netproto.camel.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.netproto.testkit.hostile.FuzzCase;
import io.netproto.testkit.hostile.HostileServer;
import io.netproto.testkit.hostile.ReplyFuzzer;
import io.netproto.testkit.hostile.ReplyGrammar;
import org.apache.camel.CamelContextAware;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.DefaultConsumer;
import org.awaitility.core.ConditionTimeoutException;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Runs seeded {@link ReplyFuzzer} cases of one protocol against a {@link HostileServer}: each case drives an
 * endpoint's producer (or, for a sample, its consumer) through one conversation and must end, within a generous
 * bound, with a result or a {@link NetprotoException} carrying a message. Counts the outcomes, checks that heap
 * retained after the run stays bounded and that the client closed every connection, and prints one line per run.
 */
public final class HostileFuzz {

    /** Short, so the cases that end in a read timeout (stalls, cut replies) stay cheap. */
    public static final long READ_TIMEOUT_MILLIS = 150;
    /** A case that has not ended after this long hangs: far beyond the few read timeouts any case needs. */
    static final Duration HANG_BOUND = Duration.ofMillis(READ_TIMEOUT_MILLIS * 60);
    private static final long RETAINED_HEAP_BOUND = 64L * 1024 * 1024;

    /** Drives the endpoint through one conversation; returns the result, throws the failure. */
    @FunctionalInterface
    public interface Driver {
        Object run(FuzzCase fuzzCase) throws Exception;
    }

    /** The outcome counts of a run. */
    public record Tally(int cases, int exceptions, int ok, int hangs, int limitTrips, Map<String, Integer> exceptionTypes) {
    }

    private HostileFuzz() {
    }

    /** The number of cases: {@code -Dnetproto.fuzz.cases=N} or the default. */
    public static int cases(int defaultCases) {
        return Integer.getInteger("netproto.fuzz.cases", defaultCases);
    }

    /** The seed: {@code -Dnetproto.fuzz.seed=N} or the default. */
    public static long seed(long defaultSeed) {
        return Long.getLong("netproto.fuzz.seed", defaultSeed);
    }

    /**
     * Runs the cases; every n-th case ({@code consumerEvery}, 0 for none) through the consumer driver.
     *
     * @param maxStep the number of replies of the longest conversation the drivers cause
     */
    public static Tally run(String protocol, long seed, int cases, int maxStep, HostileServer server, Driver producer,
            int consumerEvery, Driver consumer) {
        return run(protocol, new ReplyFuzzer(ReplyGrammar.of(protocol), seed, maxStep), seed, cases, server, producer,
                consumerEvery, consumer);
    }

    /**
     * Runs the cases of the given fuzzer (such as one whose conversations start with STARTTLS).
     *
     * @param label names the run in the printed line, such as {@code pop3 over STARTTLS}
     * @param seed  the fuzzer's seed, for the printed line
     */
    public static Tally run(String label, ReplyFuzzer fuzzer, long seed, int cases, HostileServer server, Driver producer,
            int consumerEvery, Driver consumer) {
        String protocol = label;
        long heapBefore = usedHeapAfterGc();
        int exceptions = 0;
        int ok = 0;
        int limitTrips = 0;
        List<String> hangs = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        Map<String, Integer> types = new TreeMap<>();
        Map<String, Long> millisByKind = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            FuzzCase fuzzCase = fuzzer.next();
            server.script(fuzzCase.script());
            Driver driver = consumerEvery > 0 && i % consumerEvery == consumerEvery - 1 ? consumer : producer;
            Throwable failure;
            int openBefore = server.openConnections();
            long started = System.nanoTime();
            try {
                failure = assertTimeoutPreemptively(HANG_BOUND, () -> outcome(driver, fuzzCase));
            } catch (AssertionFailedError e) {
                hangs.add(fuzzCase.toString());
                continue;
            }
            if (!allClosed(server, openBefore) && leaks.size() < 5) {
                leaks.add(fuzzCase + " left " + server.openConversations());
            }
            millisByKind.merge(fuzzCase.kind().name(), (System.nanoTime() - started) / 1_000_000, Long::sum);
            if (failure == null) {
                ok++;
            } else if (isClear(failure)) {
                exceptions++;
                limitTrips += tripsALimit(failure) ? 1 : 0;
                types.merge(unwrap(failure).getClass().getSimpleName(), 1, Integer::sum);
            } else if (unclear.size() < 5) {
                unclear.add(fuzzCase + ": " + describe(failure));
            }
        }
        long retained = usedHeapAfterGc() - heapBefore;
        System.out.printf(Locale.ROOT, "fuzz %s: cases=%d seed=%d exceptions=%d ok=%d hangs=%d unclear=%d limitTrips=%d retainedHeapMiB=%d types=%s millisByKind=%s%n",
                protocol, cases, seed, exceptions, ok, hangs.size(), cases - exceptions - ok - hangs.size(), limitTrips, retained >> 20, types, millisByKind);
        assertThat(hangs).as("cases that did not end within " + HANG_BOUND).isEmpty();
        assertThat(unclear).as("cases that ended with an exception outside the NetprotoException family").isEmpty();
        assertThat(leaks).as("cases after which the client left the connection open").isEmpty();
        assertThat(exceptions + ok).isEqualTo(cases);
        assertThat(retained).as("heap retained after the run").isLessThan(RETAINED_HEAP_BOUND);
        assertThat(limitTrips).as("over-long and endless replies stopped by the reply limits").isPositive();
        return new Tally(cases, exceptions, ok, hangs.size(), limitTrips, types);
    }

    /** Whether the server saw the case's connections closed within a few seconds (the client closes them after any outcome). */
    private static boolean allClosed(HostileServer server, int openBefore) {
        try {
            await().atMost(5, TimeUnit.SECONDS).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> server.openConnections() <= openBefore);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static Throwable outcome(Driver driver, FuzzCase fuzzCase) {
        try {
            driver.run(fuzzCase);
            return null;
        } catch (Exception | OutOfMemoryError e) {
            return e;
        }
    }

    private static boolean tripsALimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReplyLimitExceededException
                || t.getMessage() != null && t.getMessage().contains("(reply limit of the endpoint;")) {
                return true; // Angus Mail sometimes keeps only the message of the guard's exception
            }
        }
        return false;
    }

    /** A NetprotoException (possibly wrapped by Camel) with a message. */
    static boolean isClear(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof NetprotoException && t.getMessage() != null && !t.getMessage().isBlank();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CamelExecutionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        StackTraceElement[] stack = failure.getStackTrace();
        return text.append(stack.length > 0 ? " at " + stack[0] : "").toString();
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Runs one exchange through a new producer of the endpoint (so no connection is reused across cases). */
    public static Object produce(Endpoint endpoint, Map<String, Object> headers) throws Exception {
        Producer producer = endpoint.createProducer();
        CamelContextAware.trySetCamelContext(producer, endpoint.getCamelContext());
        producer.start();
        try {
            Exchange exchange = endpoint.createExchange();
            exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
            exchange.getIn().setBody("fuzz");
            producer.process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            return exchange.getMessage().getBody();
        } finally {
            producer.stop();
        }
    }

    /**
     * Runs one poll of a new consumer of the endpoint (which must use {@code pollStrategy=#fuzzPolls}, see
     * {@link PollOutcome}); returns the number of messages polled, throws the poll's failure.
     */
    public static Object consumeOnce(Endpoint endpoint, PollOutcome polls) throws Exception {
        polls.reset();
        Consumer consumer = endpoint.createConsumer(exchange -> {
        });
        if (consumer instanceof DefaultConsumer quiet) {
            quiet.setExceptionHandler(new ExceptionHandler() {
                @Override
                public void handleException(Throwable exception) {
                    // the poll strategy recorded it
                }

                @Override
                public void handleException(String message, Throwable exception) {
                    // the poll strategy recorded it
                }

                @Override
                public void handleException(String message, Exchange exchange, Throwable exception) {
                    // the poll strategy recorded it
                }
            });
        }
        consumer.start();
        try {
            await().atMost(HANG_BOUND).until(polls::done);
        } finally {
            consumer.stop();
        }
        return polls.result();
    }

    /** A poll strategy recording the outcome of the first poll: bind it as {@code fuzzPolls}. */
    public static final class PollOutcome implements PollingConsumerPollStrategy {
        private volatile boolean done;
        private volatile int polled;
        private volatile Exception failure;

        void reset() {
            done = false;
            failure = null;
        }

        boolean done() {
            return done;
        }

        Object result() throws Exception {
            if (failure != null) {
                throw failure;
            }
            return polled;
        }

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            return !done;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            polled = polledMessages;
            done = true;
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            failure = cause;
            done = true;
            return false;
        }
    }
}
