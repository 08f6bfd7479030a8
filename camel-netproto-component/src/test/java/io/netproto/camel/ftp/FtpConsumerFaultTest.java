package io.netproto.camel.ftp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.netproto.camel.support.FaultRunLedger;
import io.netproto.camel.support.FaultRunSupport;
import io.netproto.testkit.fault.Direction;
import io.netproto.testkit.fault.Fault;
import io.netproto.testkit.fault.FaultProxy;
import io.netproto.testkit.fault.FaultSource;
import io.netproto.testkit.fault.SeededFaults;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.netproto.camel.support.FaultRunSupport.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 files consumed through a fault-injecting proxy (control and passive data connections), with route failures
 * on purpose, a server restart and a consumer restart in the middle: every file is delivered exactly once and deleted
 * only after its exchange succeeded.
 */
class FtpConsumerFaultTest extends FtpTestSupport {

    private FaultRunSupport run;

    @AfterEach
    void stopRun() {
        if (run != null) {
            run.close();
        }
    }

    private static String content(String name) {
        return FaultRunSupport.content("content of ", name, 'x');
    }

    /** A file is committed early when it left the directory while its exchange runs. */
    private FaultRunSupport.Items files() {
        return new FaultRunSupport.Items(e -> e.getIn().getHeader(Exchange.FILE_NAME, String.class),
                (name, e) -> !Files.exists(remote("inbox/" + name)), e -> e.getIn().getBody(String.class),
                FtpConsumerFaultTest::content);
    }

    @Test
    void everyFileIsDeliveredOnceAndDeletedOnlyAfterSuccessDespiteFaultsAndRestarts(@TempDir Path tmp) throws Exception {
        List<String> names = FaultRunSupport.ids("f%04d.txt", name -> writeRemote("inbox/" + name, content(name)));
        SeededFaults faults = new SeededFaults(SEED, 0.1, 1_500, 1_500, 2, Fault.Kind.DROP, Fault.Kind.RESET,
                Fault.Kind.STALL, Fault.Kind.CUT_REPLY, Fault.Kind.DELAY);
        run = new FaultRunSupport(names, FaultProxy.ftp(server.host(), server.port()).faults(faults));
        File store = tmp.resolve("consumed.dat").toFile();

        run.run(() -> context(store), from(), files(), FaultRunSupport.serverRestart(server::restart), "netftp", 60,
                this::inboxIsEmpty, 10);
    }

    @Test
    void aDataConnectionCutAfterTheServerFinishedFailsTheExchangeInsteadOfDeliveringATruncatedFile() throws Exception {
        String name = "cut.txt";
        writeRemote("inbox/" + name, content(name));
        // 1: control, 2: LIST data, 3: RETR data; the server has sent the whole file and 226 before the cut
        run = new FaultRunSupport(List.of(name), FaultProxy.ftp(server.host(), server.port())
                .faults(FaultSource.sequence(Fault.none(), Fault.none(), Fault.dropAfterBytes(Direction.SERVER_TO_CLIENT, 100))));
        FaultRunLedger ledger = run.ledger();
        run.start(context(null), from(), files());
        ledger.await(10, () -> ledger.deliveredCount() == 1 && inboxIsEmpty());
        ledger.assertExactlyOnce();
        assertThat(run.proxy().faultsInjected(Fault.Kind.DROP)).isEqualTo(1);
        assertThat(ledger.attemptCount()).as("the truncated attempt failed, the next one succeeded").isEqualTo(2);
        assertThat(ledger.errors()).anySatisfy(error -> assertThat(error)
                .contains("RETR /inbox/cut.txt ended after 100 of " + content(name).length() + " bytes"));
    }

    private boolean inboxIsEmpty() throws Exception {
        try (var files = Files.list(remote("inbox"))) {
            return files.findAny().isEmpty();
        }
    }

    /** A new context with the idempotent repository #repo: in this file, or in memory. */
    private static CamelContext context(File store) {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("repo", store == null ? MemoryIdempotentRepository.memoryIdempotentRepository()
                : FileIdempotentRepository.fileIdempotentRepository(store, 10_000));
        return camel;
    }

    private String from() {
        return "netftp://" + USER + "@" + run.proxy().host() + ":" + run.proxy().port() + "/inbox?password=" + PASSWORD
               + "&delete=true&idempotentRepository=#repo&exceptionHandler=#ledger"
               + "&delay=10&initialDelay=0&maxMessagesPerPoll=100&readTimeout=300&connectTimeout=1000"
               + "&reconnectDelay=10&maxReconnectDelay=100";
    }
}
