package io.netproto.camel.pop3;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netproto.camel.mail.InboxView;
import io.netproto.camel.support.FaultRunLedger;
import io.netproto.camel.support.LineFileIdempotentRepository;
import io.netproto.testkit.fault.Fault;
import io.netproto.testkit.fault.FaultProxy;
import io.netproto.testkit.fault.SeededFaults;
import jakarta.mail.Flags;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 messages consumed through a fault-injecting proxy, with route failures on purpose, an outage and a consumer
 * restart in the middle: every message is delivered exactly once and deleted only after its exchange succeeded.
 */
class Pop3ConsumerFaultTest extends Pop3TestSupport {

    private static final long SEED = 42;
    private static final int ITEMS = 1_000;

    private FaultProxy proxy;
    private CamelContext consumer;
    private InboxView inbox;

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
        return "text of " + subject + " " + "y".repeat(1 + (subject.hashCode() & 0x3ff));
    }

    @Test
    void everyMessageIsDeliveredOnceAndDeletedOnlyAfterSuccessDespiteFaultsAndRestarts(@TempDir Path tmp)
            throws Exception {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String subject = String.format("m%04d", i);
            subjects.add(subject);
            deliver(subject, text(subject));
        }
        FaultRunLedger ledger = new FaultRunLedger(subjects);
        inbox = new InboxView(server, EMAIL);
        SeededFaults faults = new SeededFaults(SEED, 0.9, 1_000, 80_000, 2, Fault.Kind.DROP, Fault.Kind.RESET,
                Fault.Kind.STALL, Fault.Kind.CUT_REPLY, Fault.Kind.DELAY);
        proxy = FaultProxy.to(server.host(), server.pop3Port()).faults(faults);
        Path store = tmp.resolve("uids.dat");

        consumer = startConsumer(ledger, store);
        ledger.await(60, () -> ledger.deliveredCount() >= ITEMS / 2);
        consumer.stop();
        proxy.refuseConnections(true); // the server is down while the consumer comes back
        consumer = startConsumer(ledger, store);
        ledger.await(10, () -> proxy.refusedCount() >= 2);
        proxy.refuseConnections(false);

        ledger.await(60, () -> ledger.deliveredCount() == ITEMS && inbox.size() == 0);
        System.out.println(ledger.summary("pop3", proxy.faultsInjected(), 1, SEED));
        ledger.assertExactlyOnce();
        assertThat(proxy.faultsInjected()).isGreaterThan(5);
        assertThat(ledger.attemptCount()).as("failed attempts were retried").isGreaterThan(ITEMS);
    }

    private CamelContext startConsumer(FaultRunLedger ledger, Path store) throws Exception {
        CamelContext camel = newContext();
        camel.getRegistry().bind("repo", new LineFileIdempotentRepository(store));
        camel.getRegistry().bind("ledger", ledger);
        String from = "pop3://" + USER + "@" + proxy.host() + ":" + proxy.port() + "?password=" + PASSWORD
                      + "&startTls=optional&idempotentRepository=#repo&exceptionHandler=#ledger"
                      + "&delay=10&initialDelay=0&maxMessagesPerPoll=50&readTimeout=300&connectTimeout=1000";
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

    /** Every 25th message fails its first attempt on purpose; the message must still be in the mailbox each time. */
    private void consume(Exchange exchange, FaultRunLedger ledger) {
        String subject = exchange.getIn().getHeader("Subject", String.class);
        int attempt = ledger.attempt(subject);
        if (!inbox.untouched(subject, Flags.Flag.DELETED)) {
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
}
