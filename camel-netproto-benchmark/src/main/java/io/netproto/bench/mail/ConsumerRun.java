package io.netproto.bench.mail;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.netproto.bench.Measurement;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Times a consumer route: from the start of the route (its context already started) until the route has read every
 * message (its text body) and the server shows them all committed (deleted or flagged \Seen). Throws when a message is missing or came
 * twice.
 */
final class ConsumerRun {

    /** The server-side proof that the consumer committed every message. */
    @FunctionalInterface
    interface Committed {
        boolean check() throws Exception;
    }

    private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final String ROUTE = "bench";

    private ConsumerRun() {
    }

    /**
     * @param  context  a new context, not started, configured for the endpoint
     * @param  from     the consumer endpoint URI
     * @param  expected the number of messages in the mailbox
     * @param  done     true once the server shows every message committed
     * @return          messages per second
     */
    static Measurement time(CamelContext context, String from, int expected, Committed done) throws Exception {
        Set<String> subjects = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(expected);
        AtomicInteger deliveries = new AtomicInteger();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(from).routeId(ROUTE).autoStartup(false).process(exchange -> {
                        String body = exchange.getMessage().getBody(String.class);
                        if (body == null || !body.contains(MailFixture.TEXT.trim())) {
                            throw new IllegalStateException("A message without its text arrived: " + body);
                        }
                        deliveries.incrementAndGet();
                        if (subjects.add(exchange.getMessage().getHeader("Subject", String.class))) {
                            all.countDown();
                        }
                    });
                }
            });
            context.start();
            long start = System.nanoTime();
            context.getRouteController().startRoute(ROUTE);
            if (!all.await(TIMEOUT_NANOS, TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("Only " + subjects.size() + " of " + expected + " messages arrived");
            }
            while (!done.check()) {
                if (System.nanoTime() - start > TIMEOUT_NANOS) {
                    throw new IllegalStateException("Every message arrived, but the server does not show them committed");
                }
                LockSupport.parkNanos(100_000);
            }
            long nanos = System.nanoTime() - start;
            if (subjects.size() != expected || deliveries.get() != expected) {
                throw new IllegalStateException(deliveries + " deliveries of " + subjects.size()
                                                + " distinct messages, expected " + expected + " once each");
            }
            return Measurement.rate(expected, nanos);
        } finally {
            context.stop();
        }
    }
}
