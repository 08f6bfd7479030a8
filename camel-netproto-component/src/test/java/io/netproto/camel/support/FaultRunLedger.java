package io.netproto.camel.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a consumer fault run delivered: attempts and successful deliveries per item, items whose content arrived
 * changed, and items the server no longer held while their exchange was still running. Thread-safe. Also serves as the
 * consumers' exception handler, so that hundreds of injected faults are counted instead of logged.
 */
public final class FaultRunLedger implements ExceptionHandler {

    private final Set<String> expected;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final List<String> corrupt = new CopyOnWriteArrayList<>();
    private final List<String> committedEarly = new CopyOnWriteArrayList<>();
    private final AtomicInteger consumerErrors = new AtomicInteger();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    public FaultRunLedger(Collection<String> expectedIds) {
        this.expected = Set.copyOf(expectedIds);
    }

    /**
     * Records an attempt of an item.
     *
     * @return the attempt's number, 1 for the first
     */
    public int attempt(String id) {
        return attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Records a successful delivery, after the route's last step. */
    public void delivered(String id) {
        deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Records an item whose content differs from what the server held. */
    public void corrupt(String id, String got) {
        corrupt.add(id + "=" + (got.length() > 40 ? got.substring(0, 40) + "..." : got));
    }

    /** Records an item that was no longer on the server (deleted, moved or marked) while its exchange ran. */
    public void committedEarly(String id) {
        committedEarly.add(id);
    }

    public int deliveredCount() {
        return deliveries.size();
    }

    public int attemptCount() {
        return attempts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** @return the first 1,000 errors the consumer reported, each with its causes, for assertions */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** @return the number of poll, exchange or commit errors the consumer reported (faults it noticed) */
    public int consumerErrors() {
        return consumerErrors.get();
    }

    public List<String> lost() {
        List<String> lost = new ArrayList<>(expected);
        lost.removeAll(deliveries.keySet());
        lost.sort(null);
        return lost;
    }

    public List<String> duplicated() {
        List<String> twice = new ArrayList<>();
        deliveries.forEach((id, n) -> {
            if (n.get() > 1) {
                twice.add(id + " x" + n.get());
            }
        });
        twice.sort(null);
        return twice;
    }

    /** Asserts every item delivered exactly once, unchanged, and never committed before its exchange succeeded. */
    public void assertExactlyOnce() {
        assertThat(duplicated()).as("items delivered more than once").isEmpty();
        assertExactlyOnceExceptDuplicates();
    }

    /** Asserts every item delivered at least once, unchanged, and never committed before its exchange succeeded. */
    public void assertExactlyOnceExceptDuplicates() {
        assertThat(lost()).as("lost items").isEmpty();
        assertThat(corrupt).as("items delivered with changed content").isEmpty();
        assertThat(committedEarly).as("items committed before their exchange succeeded").isEmpty();
        assertThat(deliveries.keySet()).as("only known items").isSubsetOf(expected);
    }

    /**
     * Waits for a condition; on timeout fails with the run's figures and the consumer's last errors.
     *
     * @param seconds   how long to wait at most
     * @param condition the condition
     */
    public void await(int seconds, Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(seconds, TimeUnit.SECONDS).until(condition);
        } catch (ConditionTimeoutException e) {
            List<String> last = errors.subList(Math.max(0, errors.size() - 5), errors.size());
            throw new AssertionError("Timed out after " + seconds + " s: delivered=" + deliveredCount() + " attempts="
                                     + attemptCount() + " consumerErrors=" + consumerErrors() + " last errors=" + last, e);
        }
    }

    /** The run's figures as one line, e.g. for the README. */
    public String summary(String scheme, int faults, int restarts, long seed) {
        return "fault-run " + scheme + ": items=" + expected.size() + " faults=" + faults + " restarts=" + restarts
               + " attempts=" + attemptCount() + " consumerErrors=" + consumerErrors() + " lost=" + lost().size()
               + " duplicated=" + duplicated().size() + " seed=" + seed;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        consumerErrors.incrementAndGet();
        if (errors.size() < 1_000) {
            StringBuilder text = new StringBuilder(String.valueOf(message));
            for (Throwable t = exception; t != null; t = t.getCause()) {
                text.append(" | ").append(t);
            }
            errors.add(text.toString());
        }
    }
}
