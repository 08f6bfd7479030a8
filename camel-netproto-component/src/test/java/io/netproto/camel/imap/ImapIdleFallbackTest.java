package io.netproto.camel.imap;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netproto.camel.support.LogCapture;
import io.netproto.testkit.mail.CapabilityFilterFront;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** idle=true against a server that does not announce IDLE (GreenMail behind a front hiding it): the consumer polls. */
class ImapIdleFallbackTest extends ImapTestSupport {

    private static final String CONSUMER_LOGGER = ImapConsumer.class.getName();

    private final List<String> subjects = new CopyOnWriteArrayList<>();
    private CapabilityFilterFront front;

    @AfterEach
    void closeFront() {
        if (front != null) {
            front.close();
        }
    }

    @Test
    void fallsBackToPollingWhenTheServerDoesNotAnnounceIdle() throws Exception {
        front = CapabilityFilterFront.imapWithout(server, "IDLE");
        deliver("before", "already there");
        String from = "imap://" + USER + "@" + front.host() + ":" + front.port() + "?password=" + PASSWORD
                      + "&startTls=optional&idle=true&initialDelay=0&delay=300";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("imap").process(e -> subjects.add(e.getIn().getHeader("Subject", String.class)));
            }
        });

        // the consumer's decision is logged at INFO, below the tests' WARN threshold
        Configurator.setLevel(CONSUMER_LOGGER, Level.INFO);
        try (LogCapture logs = new LogCapture()) {
            await().atMost(20, TimeUnit.SECONDS).until(() -> subjects.size() == 1);
            deliver("polled", "arrived after the first poll");
            // delivered by a later poll: without IDLE nothing else would bring it
            await().atMost(20, TimeUnit.SECONDS).until(() -> subjects.size() == 2);
            await().atMost(20, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 2);
            assertThat(subjects).containsExactly("before", "polled");
            assertThat(logs.lines()).anyMatch(line -> line.startsWith(CONSUMER_LOGGER)
                                                      && line.contains("does not announce IDLE"));
            assertThat(logs.lines()).filteredOn(line -> line.contains("does not announce IDLE"))
                    .allMatch(line -> line.startsWith(CONSUMER_LOGGER));
        } finally {
            Configurator.setLevel(CONSUMER_LOGGER, Level.WARN);
        }
        context.getRouteController().stopRoute("imap");

        List<String> commands = front.clientLines().stream().map(line -> line.toUpperCase(Locale.ROOT)).toList();
        // several polls, and never an IDLE
        assertThat(commands).filteredOn(line -> line.contains(" UID SEARCH ")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(commands).noneMatch(line -> line.matches("\\S+ IDLE") || line.equals("DONE"));
    }
}
