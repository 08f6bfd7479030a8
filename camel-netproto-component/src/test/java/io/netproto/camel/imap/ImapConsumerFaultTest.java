package io.netproto.camel.imap;

import java.nio.file.Path;
import java.util.List;

import io.netproto.camel.mail.InboxView;
import io.netproto.camel.support.FaultRunSupport;
import io.netproto.camel.support.FileCheckpointStore;
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
 * restart in the middle: every message is delivered exactly once (checkpoint in a file) and flagged \Seen only after its
 * exchange succeeded.
 */
class ImapConsumerFaultTest extends ImapTestSupport {

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
    void everyMessageIsDeliveredOnceAndFlaggedSeenOnlyAfterSuccessDespiteFaultsAndRestarts(@TempDir Path tmp)
            throws Exception {
        List<String> subjects = FaultRunSupport.ids("m%04d", subject -> deliver(subject, text(subject)));
        InboxView inbox = new InboxView(server, EMAIL);
        SeededFaults faults = new SeededFaults(SEED, 0.8, 3_000, 30_000, 2, Fault.Kind.DROP, Fault.Kind.RESET,
                Fault.Kind.STALL, Fault.Kind.CUT_REPLY);
        run = new FaultRunSupport(subjects, FaultProxy.to(server.host(), server.imapPort()).faults(faults));
        Path store = tmp.resolve("checkpoints.properties");
        String from = "imap://" + USER + "@" + run.proxy().host() + ":" + run.proxy().port() + "?password=" + PASSWORD
                      + "&startTls=optional&checkpointStore=#checkpoints&exceptionHandler=#ledger"
                      + "&delay=10&initialDelay=0&maxMessagesPerPoll=25&readTimeout=2000&connectTimeout=1000";
        // a message must still be unseen while its exchange runs
        FaultRunSupport.Items messages = new FaultRunSupport.Items(e -> e.getIn().getHeader("Subject", String.class),
                (subject, e) -> !inbox.untouched(subject, Flags.Flag.SEEN, Flags.Flag.DELETED),
                e -> e.getIn().getBody(String.class).trim(), ImapConsumerFaultTest::text);

        // a \Seen commit lost with its connection is repeated on the next poll, the message is not delivered again
        run.run(() -> {
            CamelContext camel = newContext();
            camel.getRegistry().bind("checkpoints", new FileCheckpointStore(store));
            return camel;
        }, from, messages, run.refusedConnections(), "imap", 90,
                () -> subjects.stream().noneMatch(subject -> inbox.untouched(subject, Flags.Flag.SEEN)), 5);
    }
}
