package io.netproto.camel.imap;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netproto.testkit.mail.CapabilityFilterFront;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camel's consumer health check (camel-health, the "consumers" repository) reports the imap consumer DOWN while it
 * cannot connect and UP once it can. The server sits behind a front that refuses connections when told; it hides no
 * capability.
 */
class ImapHealthCheckTest extends ImapTestSupport {

    private static final String CHECK_ID = "consumer:imap";

    private final List<String> subjects = new CopyOnWriteArrayList<>();
    private CapabilityFilterFront front;

    @BeforeEach
    void enableConsumerHealthChecks() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        assertThat(registry).as("camel-health on the test class path").isNotNull();
        registry.setEnabled(true);
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        assertThat(consumers).isNotNull();
        consumers.setEnabled(true);
        front = CapabilityFilterFront.imapWithout(server);
    }

    @AfterEach
    void closeFront() {
        if (front != null) {
            front.close();
        }
    }

    @ParameterizedTest(name = "idle={0}")
    @ValueSource(booleans = { false, true })
    void reportsDownWhileTheServerIsUnreachableAndUpOnceConnected(boolean idle) throws Exception {
        front.refuseConnections(true);
        String from = "imap://" + USER + "@" + front.host() + ":" + front.port() + "?password=" + PASSWORD
                      + "&startTls=optional&idle=" + idle + "&initialDelay=0&delay=300";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("imap").process(e -> subjects.add(e.getIn().getHeader("Subject", String.class)));
            }
        });

        await().atMost(20, TimeUnit.SECONDS).until(() -> front.acceptedConnections() >= 2);
        HealthCheck.Result down = consumerReadiness();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("failed polling"));
        assertThat(down.getError()).isPresent();
        assertThat(String.valueOf(down.getDetails().get(HealthCheck.ENDPOINT_URI))).doesNotContain(PASSWORD);

        front.refuseConnections(false);
        deliver("reachable", "the server answers again");
        await().atMost(20, TimeUnit.SECONDS).until(() -> subjects.size() == 1);
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> consumerReadiness().getState() == HealthCheck.State.UP);

        // the connection drops and the server stays unreachable: DOWN again
        int before = front.acceptedConnections();
        front.refuseConnections(true);
        front.dropConnections();
        await().atMost(20, TimeUnit.SECONDS).until(() -> front.acceptedConnections() >= before + 2);
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> consumerReadiness().getState() == HealthCheck.State.DOWN);
        assertThat(subjects).containsExactly("reachable");
    }

    @Test
    void reportsUpWhileIdlingAlthoughThePollHasNotReturned() throws Exception {
        // in IDLE the first poll lasts as long as its session: the consumer is ready once connected and caught up
        deliver("first", "there before the route");
        String from = "imap://" + USER + "@" + front.host() + ":" + front.port() + "?password=" + PASSWORD
                      + "&startTls=optional&idle=true&initialDelay=0&delay=60000";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("imap").process(e -> subjects.add(e.getIn().getHeader("Subject", String.class)));
            }
        });
        await().atMost(20, TimeUnit.SECONDS).until(() -> subjects.size() == 1);
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> consumerReadiness().getState() == HealthCheck.State.UP);
        assertThat(consumerReadiness().getError()).isEmpty();
    }

    private HealthCheck.Result consumerReadiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals(CHECK_ID))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + CHECK_ID));
    }
}
