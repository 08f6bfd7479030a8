package io.netproto.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Times Camel consumers and producers the same way for every contender: a fresh CamelContext per run, started before
 * the clock starts; the clock covers starting the consumer route (its first connection included) or the producer's
 * first send (likewise) up to the last item done.
 */
public final class CamelRuns {

    private static final String ROUTE = "bench";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private CamelRuns() {
    }

    /** Checks one delivered exchange and returns the item's identity (e.g. a file name); throws when it is wrong. */
    @FunctionalInterface
    public interface ItemCheck {
        String check(Exchange exchange) throws Exception;
    }

    /** Prepares a context before it starts, e.g. registers a component under a scheme. */
    @FunctionalInterface
    public interface Setup {
        void configure(CamelContext camel) throws Exception;
    }

    /**
     * Starts a route from {@code uri} and waits until it has delivered {@code items} distinct items and
     * {@code committed} holds (e.g. the remote directory is empty again).
     *
     * @return items per second, noting how long the first item took (the consumer's start: its first poll, connection
     *         and listing) and the pace after it
     */
    public static Measurement consume(Setup setup, String uri, int items, ItemCheck check, BooleanSupplier committed)
            throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong firstItem = new AtomicLong();
        AtomicLong lastItem = new AtomicLong();
        CountDownLatch delivered = new CountDownLatch(items);
        AtomicReference<Exception> failure = new AtomicReference<>();
        CamelContext camel = new DefaultCamelContext();
        try {
            setup.configure(camel);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId(ROUTE).autoStartup(false).process(exchange -> {
                        try {
                            firstItem.compareAndSet(0, System.nanoTime());
                            if (seen.add(check.check(exchange))) {
                                lastItem.set(System.nanoTime());
                                delivered.countDown();
                            }
                        } catch (Exception e) {
                            failure.compareAndSet(null, e);
                            while (delivered.getCount() > 0) {
                                delivered.countDown();
                            }
                        }
                    });
                }
            });
            camel.start();
            long start = System.nanoTime();
            camel.getRouteController().startRoute(ROUTE);
            if (!delivered.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Only " + seen.size() + " of " + items + " items arrived from " + uri);
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            awaitCondition(committed, "the commit of every item");
            long nanos = System.nanoTime() - start;
            return Measurement.rate(items, nanos).withNote(startNote(items, start, firstItem.get(), lastItem.get()));
        } finally {
            camel.stop();
        }
    }

    /**
     * The note of a consuming run: how long it took to its first item (at nanoTime {@code first}, the run starting at
     * {@code start}), and its pace from there to the last item (at {@code last}).
     */
    public static String startNote(int items, long start, long first, long last) {
        String note = String.format(Locale.ROOT, "first item after %,d ms", (first - start) / 1_000_000);
        return items < 2 || last <= first ? note
                : note + String.format(Locale.ROOT, ", then %,.0f items/s", (items - 1) / ((last - first) / 1e9));
    }

    /**
     * Sends {@code items} messages to {@code uri}, one after the other, then checks {@code complete} (e.g. every file
     * is on the server). The endpoint is resolved once, as a route's {@code to(uri)} does, so the figure does not
     * include Camel normalizing the URI for every message.
     *
     * @return items per second
     */
    public static Measurement produce(Setup setup, String uri, int items, IntFunction<Object> body,
            IntFunction<Map<String, Object>> headers, BooleanSupplier complete) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        try {
            setup.configure(camel);
            camel.start();
            Endpoint endpoint = camel.getEndpoint(uri);
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                long start = System.nanoTime();
                for (int i = 0; i < items; i++) {
                    template.sendBodyAndHeaders(endpoint, body.apply(i), headers.apply(i));
                }
                long nanos = System.nanoTime() - start;
                if (!complete.getAsBoolean()) {
                    throw new IllegalStateException("Not every one of " + items + " items arrived through " + uri);
                }
                return Measurement.rate(items, nanos);
            }
        } finally {
            camel.stop();
        }
    }

    /** A setup that does nothing. */
    public static Setup defaults() {
        return camel -> {
        };
    }

    /** Waits (spinning briefly) until the condition holds. */
    public static void awaitCondition(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
