package io.netproto.camel.nntp;

import java.nio.file.Path;
import java.util.List;

import io.netproto.camel.support.FaultRunSupport;
import io.netproto.camel.support.FileCheckpointStore;
import io.netproto.camel.support.LineFileIdempotentRepository;
import io.netproto.testkit.fault.Fault;
import io.netproto.testkit.fault.FaultProxy;
import io.netproto.testkit.fault.SeededFaults;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.netproto.camel.support.FaultRunSupport.ITEMS;
import static io.netproto.camel.support.FaultRunSupport.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 articles consumed through a fault-injecting proxy, with route failures on purpose, an outage and a consumer
 * restart in the middle: every article is delivered exactly once, and the checkpoint (in a file) never passes an
 * article before its exchange succeeded.
 */
class NntpConsumerFaultTest extends NntpTestSupport {

    private FaultRunSupport run;
    private FileCheckpointStore checkpoints;

    @AfterEach
    void stopRun() {
        if (run != null) {
            run.close();
        }
    }

    private static String text(String subject) {
        return FaultRunSupport.content("text of ", subject, 'z');
    }

    @Test
    void everyArticleIsDeliveredOnceAndCheckpointedOnlyAfterSuccessDespiteFaultsAndRestarts(@TempDir Path tmp)
            throws Exception {
        List<String> subjects = FaultRunSupport.ids("a%04d", subject -> seed(GROUP, subject, text(subject)));
        SeededFaults faults = new SeededFaults(SEED, 1.0, 3_000, 100_000, 2, Fault.Kind.DROP, Fault.Kind.RESET,
                Fault.Kind.STALL, Fault.Kind.CUT_REPLY);
        run = new FaultRunSupport(subjects, FaultProxy.to(news.host(), news.port()).faults(faults));
        String from = "nntp://" + run.proxy().host() + ":" + run.proxy().port() + "/" + GROUP
                      + "?checkpointStore=#checkpoints&idempotentRepository=#repo&exceptionHandler=#ledger"
                      + "&delay=10&initialDelay=0&maxMessagesPerPoll=100&readTimeout=300&connectTimeout=1000";
        // the checkpoint must still be below an article while its exchange runs
        FaultRunSupport.Items articles = new FaultRunSupport.Items(e -> e.getIn().getHeader("Subject", String.class),
                (subject, e) -> checkpointNumber() >= e.getIn().getHeader(NntpConstants.ARTICLE_NUMBER, Long.class),
                e -> e.getIn().getBody(String.class).trim(), NntpConsumerFaultTest::text);

        run.run(() -> {
            CamelContext camel = new DefaultCamelContext();
            checkpoints = new FileCheckpointStore(tmp.resolve("checkpoints.properties"));
            camel.getRegistry().bind("checkpoints", checkpoints);
            camel.getRegistry().bind("repo", new LineFileIdempotentRepository(tmp.resolve("message-ids.dat")));
            return camel;
        }, from, articles, run.refusedConnections(), "nntp", 60, () -> true, 10);
        assertThat(checkpointNumber()).isEqualTo(ITEMS);
    }

    /** The article number the checkpoint holds for the group, 0 before the first. */
    private long checkpointNumber() {
        String value = checkpoints.get("nntp://" + run.proxy().host() + ":" + run.proxy().port() + "/" + GROUP);
        return value == null ? 0 : Long.parseLong(value.split(" ")[0]);
    }
}
