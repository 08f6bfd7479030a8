package io.netproto.camel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.netproto.testkit.fault.FaultProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run the consumer fault tests share: {@link #ITEMS} items consumed through a {@link FaultProxy} by a route that
 * fails the first attempt of every 25th item on purpose; halfway the consumer stops and a new one starts across an
 * outage; then the "fault-run" line is printed and exactly-once delivery asserted. A test says how its protocol names,
 * reads and commits an item ({@link Items}); close it after each test.
 */
public final class FaultRunSupport implements AutoCloseable {

    public static final long SEED = 42;
    public static final int ITEMS = 1_000;

    /**
     * How a test reads a consumed item.
     *
     * @param id        the item's id in the exchange (file name, subject)
     * @param committed whether the server already shows the item committed while its exchange runs (a failure)
     * @param body      the body to compare with the content
     * @param content   the content the test stored under an id
     */
    public record Items(Function<Exchange, String> id, BiPredicate<String, Exchange> committed,
                        Function<Exchange, String> body, UnaryOperator<String> content) {
    }

    /** What happens to the server between the two consumers. */
    public interface Outage {
        /** While no consumer runs. */
        void begin() throws Exception;

        /** Once the new consumer started. */
        void end() throws Exception;
    }

    private final FaultRunLedger ledger;
    private final FaultProxy proxy;
    private CamelContext consumer;

    public FaultRunSupport(List<String> ids, FaultProxy proxy) {
        this.ledger = new FaultRunLedger(ids);
        this.proxy = proxy;
    }

    /** {@link #ITEMS} ids of this format (such as {@code f%04d.txt}), each seeded by the callback. */
    public static List<String> ids(String format, ThrowingConsumer seed) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String id = String.format(format, i);
            ids.add(id);
            seed.accept(id);
        }
        return ids;
    }

    /** The content of an item: the prefix, its id and 1 to 1,024 filler characters. */
    public static String content(String prefix, String id, char filler) {
        return prefix + id + " " + String.valueOf(filler).repeat(1 + (id.hashCode() & 0x3ff));
    }

    /** Seeds one item. */
    @FunctionalInterface
    public interface ThrowingConsumer {
        void accept(String id) throws Exception;
    }

    public FaultRunLedger ledger() {
        return ledger;
    }

    public FaultProxy proxy() {
        return proxy;
    }

    /** An outage where the proxy refuses connections until the new consumer has been turned away twice. */
    public Outage refusedConnections() {
        return new Outage() {
            @Override
            public void begin() {
                proxy.refuseConnections(true); // the server is down while the consumer comes back
            }

            @Override
            public void end() {
                ledger.await(10, () -> proxy.refusedCount() >= 2);
                proxy.refuseConnections(false);
            }
        };
    }

    /** An outage where the server restarts. */
    public static Outage serverRestart(Runnable restart) {
        return new Outage() {
            @Override
            public void begin() {
                restart.run();
            }

            @Override
            public void end() {
            }
        };
    }

    /**
     * Starts a consumer: the context (new, not started, with the beans the URI names) gets the bean {@code ledger}
     * (for {@code exceptionHandler=#ledger}) and a route from the URI that consumes each item.
     */
    public void start(CamelContext camel, String from, Items items) throws Exception {
        camel.getRegistry().bind("ledger", ledger);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from(from).process(e -> consume(e, items));
            }
        });
        camel.start();
        consumer = camel;
    }

    /**
     * The whole run: a consumer (from {@code newContext}) until half the items arrived, the outage, a new consumer
     * until {@code done} holds (within {@code seconds}); prints the fault-run line and asserts every item delivered
     * exactly once, more than {@code minFaults} faults injected, and failed attempts retried.
     */
    public void run(Callable<CamelContext> newContext, String from, Items items, Outage outage, String scheme,
            int seconds, Callable<Boolean> done, int minFaults) throws Exception {
        start(newContext.call(), from, items);
        ledger.await(60, () -> ledger.deliveredCount() >= ITEMS / 2);
        consumer.stop();
        outage.begin();
        start(newContext.call(), from, items);
        outage.end();

        ledger.await(seconds, () -> ledger.deliveredCount() == ITEMS && done.call());
        System.out.println(ledger.summary(scheme, proxy.faultsInjected(), 1, SEED));
        ledger.assertExactlyOnce();
        assertThat(proxy.faultsInjected()).isGreaterThan(minFaults);
        assertThat(ledger.attemptCount()).as("failed attempts were retried").isGreaterThan(ITEMS);
    }

    /** Every 25th item fails its first attempt on purpose; the item must still be uncommitted each time. */
    private void consume(Exchange exchange, Items items) {
        String id = items.id().apply(exchange);
        int attempt = ledger.attempt(id);
        if (items.committed().test(id, exchange)) {
            ledger.committedEarly(id);
        }
        String body = items.body().apply(exchange);
        if (attempt == 1 && id.hashCode() % 25 == 0) {
            throw new IllegalStateException("failing the first attempt of " + id + " on purpose");
        }
        if (!items.content().apply(id).equals(body)) {
            ledger.corrupt(id, body);
        }
        ledger.delivered(id);
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
    }
}
