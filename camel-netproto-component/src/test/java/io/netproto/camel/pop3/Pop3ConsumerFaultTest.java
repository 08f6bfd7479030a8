package io.netproto.camel.pop3;

import java.nio.file.Path;
import java.util.List;

import io.netproto.camel.mail.InboxView;
import io.netproto.camel.support.FaultRunSupport;
import io.netproto.camel.support.LineFileIdempotentRepository;
import io.netproto.testkit.fault.Fault;
import io.netproto.testkit.fault.FaultProxy;
import io.netproto.testkit.fault.SeededFaults;
import jakarta.mail.Flags;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.netproto.camel.support.FaultRunSupport.SEED;

/**
 * 1,000 messages consumed through a fault-injecting proxy, with route failures on purpose, an outage and a consumer
 * restart in the middle: every message is delivered exactly once and deleted only after its exchange succeeded.
 */
class Pop3ConsumerFaultTest extends Pop3TestSupport {

    private FaultRunSupport run;

    @AfterEach
    void stopRun() {
        if (run != null) {
            run.close();
        }
    }

    private static String text(String subject) {
        return FaultRunSupport.content("text of ", subject, 'y');
    }

    @Test
    void everyMessageIsDeliveredOnceAndDeletedOnlyAfterSuccessDespiteFaultsAndRestarts(@TempDir Path tmp)
            throws Exception {
        List<String> subjects = FaultRunSupport.ids("m%04d", subject -> deliver(subject, text(subject)));
        InboxView inbox = new InboxView(server, EMAIL);
        SeededFaults faults = new SeededFaults(SEED, 0.9, 1_000, 80_000, 2, Fault.Kind.DROP, Fault.Kind.RESET,
                Fault.Kind.STALL, Fault.Kind.CUT_REPLY, Fault.Kind.DELAY);
        run = new FaultRunSupport(subjects, FaultProxy.to(server.host(), server.pop3Port()).faults(faults));
        Path store = tmp.resolve("uids.dat");
        String from = "pop3://" + USER + "@" + run.proxy().host() + ":" + run.proxy().port() + "?password=" + PASSWORD
                      + "&startTls=optional&idempotentRepository=#repo&exceptionHandler=#ledger"
                      + "&delay=10&initialDelay=0&maxMessagesPerPoll=50&readTimeout=300&connectTimeout=1000";
        // a message must still be in the mailbox, not flagged \Deleted, while its exchange runs
        FaultRunSupport.Items messages = new FaultRunSupport.Items(e -> e.getIn().getHeader("Subject", String.class),
                (subject, e) -> !inbox.untouched(subject, Flags.Flag.DELETED), e -> e.getIn().getBody(String.class).trim(),
                Pop3ConsumerFaultTest::text);

        run.run(() -> {
            CamelContext camel = newContext();
            camel.getRegistry().bind("repo", new LineFileIdempotentRepository(store));
            return camel;
        }, from, messages, run.refusedConnections(), "pop3", 60, () -> inbox.size() == 0, 5);
    }
}
