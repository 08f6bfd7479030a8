package io.netproto.camel.nntp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netproto.camel.support.FaultRunLedger;
import io.netproto.camel.support.FileCheckpointStore;
import io.netproto.camel.support.LineFileIdempotentRepository;
import io.netproto.testkit.fault.Fault;
import io.netproto.testkit.fault.FaultProxy;
import io.netproto.testkit.fault.SeededFaults;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 articles consumed through a fault-injecting proxy, with route failures on purpose, an outage and a consumer
 * restart in the middle: every article is delivered exactly once, and the checkpoint (in a file) never passes an
 * article before its exchange succeeded.
 */
class NntpConsumerFaultTest extends NntpTestSupport {

    private static final long SEED = 42;
    private static final int ITEMS = 1_000;

    private FaultProxy proxy;
    private CamelContext consumer;
    private FileCheckpointStore checkpoints;

    @AfterEach
    void stopProxy() {
        if (consumer != null) {
            consumer.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private static String text(String subject) {
        return "text of " + subject + " " + "z".repeat(1 + (subject.hashCode() & 0x3ff));
    }

    @Test
    void everyArticleIsDeliveredOnceAndCheckpointedOnlyAfterSuccessDespiteFaultsAndRestarts(@TempDir Path tmp)
            throws Exception {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String subject = String.format("a%04d", i);
            subjects.add(subject);
            seed(GROUP, subject, text(subject));
        }
        FaultRunLedger ledger = new FaultRunLedger(subjects);
        SeededFaults faults = new SeededFaults(SEED, 1.0, 3_000, 100_000, 2, Fault.Kind.DROP, Fault.Kind.RESET,
                Fault.Kind.STALL, Fault.Kind.CUT_REPLY);
        proxy = FaultProxy.to(news.host(), news.port()).faults(faults);

        consumer = startConsumer(ledger, tmp);
        ledger.await(60, () -> ledger.deliveredCount() >= ITEMS / 2);
        consumer.stop();
        proxy.refuseConnections(true); // the server is down while the consumer comes back
        consumer = startConsumer(ledger, tmp);
        ledger.await(10, () -> proxy.refusedCount() >= 2);
        proxy.refuseConnections(false);

        ledger.await(60, () -> ledger.deliveredCount() == ITEMS);
        System.out.println(ledger.summary("nntp", proxy.faultsInjected(), 1, SEED));
        ledger.assertExactlyOnce();
        assertThat(proxy.faultsInjected()).isGreaterThan(10);
        assertThat(ledger.attemptCount()).as("failed attempts were retried").isGreaterThan(ITEMS);
        assertThat(checkpointNumber()).isEqualTo(ITEMS);
    }

    private CamelContext startConsumer(FaultRunLedger ledger, Path dir) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        checkpoints = new FileCheckpointStore(dir.resolve("checkpoints.properties"));
        camel.getRegistry().bind("checkpoints", checkpoints);
        camel.getRegistry().bind("repo", new LineFileIdempotentRepository(dir.resolve("message-ids.dat")));
        camel.getRegistry().bind("ledger", ledger);
        String from = "nntp://" + proxy.host() + ":" + proxy.port() + "/" + GROUP
                      + "?checkpointStore=#checkpoints&idempotentRepository=#repo&exceptionHandler=#ledger"
                      + "&delay=10&initialDelay=0&maxMessagesPerPoll=100&readTimeout=300&connectTimeout=1000";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                from(from).process(e -> consume(e, ledger));
            }
        });
        camel.start();
        return camel;
    }

    /** Every 25th article fails its first attempt on purpose; the checkpoint must still be below it each time. */
    private void consume(Exchange exchange, FaultRunLedger ledger) {
        String subject = exchange.getIn().getHeader("Subject", String.class);
        long number = exchange.getIn().getHeader(NntpConstants.ARTICLE_NUMBER, Long.class);
        int attempt = ledger.attempt(subject);
        if (checkpointNumber() >= number) {
            ledger.committedEarly(subject);
        }
        String body = exchange.getIn().getBody(String.class).trim();
        if (attempt == 1 && subject.hashCode() % 25 == 0) {
            throw new IllegalStateException("failing the first attempt of " + subject + " on purpose");
        }
        if (!text(subject).equals(body)) {
            ledger.corrupt(subject, body);
        }
        ledger.delivered(subject);
    }

    /** The article number the checkpoint holds for the group, 0 before the first. */
    private long checkpointNumber() {
        String value = checkpoints.get("nntp://" + proxy.host() + ":" + proxy.port() + "/" + GROUP);
        return value == null ? 0 : Long.parseLong(value.split(" ")[0]);
    }
}
