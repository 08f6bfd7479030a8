package io.netproto.camel.ftp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netproto.camel.support.FaultRunLedger;
import io.netproto.testkit.fault.Direction;
import io.netproto.testkit.fault.Fault;
import io.netproto.testkit.fault.FaultProxy;
import io.netproto.testkit.fault.FaultSource;
import io.netproto.testkit.fault.SeededFaults;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 files consumed through a fault-injecting proxy (control and passive data connections), with route failures
 * on purpose, a server restart and a consumer restart in the middle: every file is delivered exactly once and deleted
 * only after its exchange succeeded.
 */
class FtpConsumerFaultTest extends FtpTestSupport {

    private static final long SEED = 42;
    private static final int ITEMS = 1_000;

    private FaultProxy proxy;
    private CamelContext consumer;

    @AfterEach
    void stopProxy() {
        if (consumer != null) {
            consumer.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private static String content(String name) {
        return "content of " + name + " " + "x".repeat(1 + (name.hashCode() & 0x3ff));
    }

    @Test
    void everyFileIsDeliveredOnceAndDeletedOnlyAfterSuccessDespiteFaultsAndRestarts(@TempDir Path tmp) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String name = String.format("f%04d.txt", i);
            names.add(name);
            writeRemote("inbox/" + name, content(name));
        }
        FaultRunLedger ledger = new FaultRunLedger(names);
        SeededFaults faults = new SeededFaults(SEED, 0.1, 1_500, 1_500, 2, Fault.Kind.DROP, Fault.Kind.RESET,
                Fault.Kind.STALL, Fault.Kind.CUT_REPLY, Fault.Kind.DELAY);
        proxy = FaultProxy.ftp(server.host(), server.port()).faults(faults);
        File store = tmp.resolve("consumed.dat").toFile();

        consumer = startConsumer(ledger, store);
        ledger.await(60, () -> ledger.deliveredCount() >= ITEMS / 2);
        consumer.stop();
        server.restart();
        consumer = startConsumer(ledger, store);

        ledger.await(60, () -> ledger.deliveredCount() == ITEMS && inboxIsEmpty());
        System.out.println(ledger.summary("netftp", proxy.faultsInjected(), 1, SEED));
        ledger.assertExactlyOnce();
        assertThat(proxy.faultsInjected()).isGreaterThan(10);
        assertThat(ledger.attemptCount()).as("failed attempts were retried").isGreaterThan(ITEMS);
    }

    @Test
    void aDataConnectionCutAfterTheServerFinishedFailsTheExchangeInsteadOfDeliveringATruncatedFile() throws Exception {
        String name = "cut.txt";
        writeRemote("inbox/" + name, content(name));
        FaultRunLedger ledger = new FaultRunLedger(List.of(name));
        // 1: control, 2: LIST data, 3: RETR data; the server has sent the whole file and 226 before the cut
        proxy = FaultProxy.ftp(server.host(), server.port())
                .faults(FaultSource.sequence(Fault.none(), Fault.none(), Fault.dropAfterBytes(Direction.SERVER_TO_CLIENT, 100)));
        consumer = startConsumer(ledger, null);
        ledger.await(10, () -> ledger.deliveredCount() == 1 && inboxIsEmpty());
        ledger.assertExactlyOnce();
        assertThat(proxy.faultsInjected(Fault.Kind.DROP)).isEqualTo(1);
        assertThat(ledger.attemptCount()).as("the truncated attempt failed, the next one succeeded").isEqualTo(2);
        assertThat(ledger.errors()).anySatisfy(error -> assertThat(error)
                .contains("RETR /inbox/cut.txt ended after 100 of " + content(name).length() + " bytes"));
    }

    private boolean inboxIsEmpty() throws Exception {
        try (var files = Files.list(remote("inbox"))) {
            return files.findAny().isEmpty();
        }
    }

    private CamelContext startConsumer(FaultRunLedger ledger, File store) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("repo", store == null ? MemoryIdempotentRepository.memoryIdempotentRepository()
                : FileIdempotentRepository.fileIdempotentRepository(store, 10_000));
        camel.getRegistry().bind("ledger", ledger);
        String from = "netftp://" + USER + "@" + proxy.host() + ":" + proxy.port() + "/inbox?password=" + PASSWORD
                      + "&delete=true&idempotentRepository=#repo&exceptionHandler=#ledger"
                      + "&delay=10&initialDelay=0&maxMessagesPerPoll=100&readTimeout=300&connectTimeout=1000"
                      + "&reconnectDelay=10&maxReconnectDelay=100";
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

    /** Every 25th file fails its first attempt on purpose; the file must still be there each time. */
    private void consume(Exchange exchange, FaultRunLedger ledger) {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        int attempt = ledger.attempt(name);
        if (!Files.exists(remote("inbox/" + name))) {
            ledger.committedEarly(name);
        }
        String body = exchange.getIn().getBody(String.class);
        if (attempt == 1 && name.hashCode() % 25 == 0) {
            throw new IllegalStateException("failing the first attempt of " + name + " on purpose");
        }
        if (!content(name).equals(body)) {
            ledger.corrupt(name, body);
        }
        ledger.delivered(name);
    }
}
