package io.netproto.camel.nntp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netproto.camel.support.NetprotoException;
import io.netproto.camel.support.ProducerFaultRun;
import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.testkit.fault.Direction;
import io.netproto.testkit.fault.Fault;
import io.netproto.testkit.fault.FaultProxy;
import io.netproto.testkit.fault.FaultSource;
import io.netproto.testkit.fault.SeededFaults;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Articles posted through a fault-injecting proxy: a post either reaches the group or fails with an exception; with
 * redelivery every article is in the group exactly once (a redelivered post keeps its Message-ID).
 */
class NntpProducerFaultTest extends NntpTestSupport {

    private static final long SEED = 42;
    private static final int POSTS = 200;

    private FaultProxy proxy;

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private String proxyUri() {
        return "nntp://" + proxy.host() + ":" + proxy.port() + "/" + GROUP + "?readTimeout=300&connectTimeout=1000";
    }

    private Exchange post(String endpoint, String subject) {
        return template.send(endpoint, e -> {
            e.getIn().setHeader("From", "poster@example.org");
            e.getIn().setHeader("Subject", subject);
            e.getIn().setBody("body of " + subject + "\n" + "v".repeat(1_000));
        });
    }

    @Test
    void everyPostReachesTheGroupOrFailsWithAnException() {
        proxy = FaultProxy.to(news.host(), news.port()).faults(new SeededFaults(SEED, 1.0, 20_000, 500, 2,
                Fault.Kind.DROP, Fault.Kind.RESET, Fault.Kind.STALL, Fault.Kind.CUT_REPLY));
        ProducerFaultRun run = ProducerFaultRun.sendAll(POSTS, "p%03d", (subject, i) -> post(proxyUri(), subject), "NNTP");
        Map<String, Integer> posted = posted();
        System.out.println(run.line("nntp producer", "posts", "failedButPosted", posted, proxy.faultsInjected(), SEED));
        assertThat(proxy.faultsInjected()).isGreaterThan(10);
        run.assertEverySuccessArrivedOnce(posted);
    }

    @Test
    void withRedeliveryEveryArticleIsPostedExactlyOnce() throws Exception {
        proxy = FaultProxy.to(news.host(), news.port()).faults(new SeededFaults(SEED + 1, 1.0, 20_000, 500, 2,
                Fault.Kind.DROP, Fault.Kind.RESET, Fault.Kind.STALL, Fault.Kind.CUT_REPLY));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).maximumRedeliveries(10).redeliveryDelay(0);
                from("direct:post").to(proxyUri());
            }
        });
        int refusedAsDuplicate = 0;
        List<String> succeeded = new ArrayList<>();
        List<String> exhausted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Exchange exchange = post("direct:post", String.format("r%03d", i));
            if (exchange.getException() instanceof ProtocolReplyException refused) {
                // the first attempt was posted but its reply lost: the redelivery is refused, not posted again
                assertThat(refused).hasMessageContaining("441").hasMessageContaining("Duplicate article");
                refusedAsDuplicate++;
            } else if (exchange.getException() != null) {
                // every redelivery failed too: the failure surfaces
                assertThat(exchange.getException()).isInstanceOf(NetprotoException.class).hasMessageContaining("NNTP");
                exhausted.add(exchange.getIn().getHeader("Subject", String.class));
            } else {
                succeeded.add(exchange.getIn().getHeader("Subject", String.class));
            }
        }
        Map<String, Integer> posted = posted();
        System.out.println("fault-run nntp producer with redelivery: posts=100 faults=" + proxy.faultsInjected()
                           + " refusedAsDuplicate=" + refusedAsDuplicate + " exhausted=" + exhausted.size()
                           + " seed=" + (SEED + 1));
        assertThat(proxy.faultsInjected()).isGreaterThan(3);
        assertThat(succeeded).as("every successful post is in the group").allMatch(posted::containsKey);
        assertThat(posted.size()).isGreaterThanOrEqualTo(100 - exhausted.size());
        assertThat(posted).allSatisfy((subject, n) -> assertThat(n).as(subject).isEqualTo(1));
    }

    @Test
    void aResetDuringPostFailsTheExchange() {
        // the first connection is reset after 100 request bytes: inside the article, after POST
        proxy = FaultProxy.to(news.host(), news.port())
                .faults(FaultSource.sequence(Fault.resetAfterBytes(Direction.CLIENT_TO_SERVER, 100)));
        Exchange failed = post(proxyUri(), "lost");
        assertThat(failed.getException()).isInstanceOf(NetprotoException.class).hasMessageContaining("NNTP");
        assertThat(proxy.faultsInjected(Fault.Kind.RESET)).isEqualTo(1);
        assertThat(posted()).isEmpty();
    }

    private Map<String, Integer> posted() {
        return ProducerFaultRun.count(news.articles(GROUP).stream().map(a -> a.header("Subject").orElse("")).toList());
    }
}
