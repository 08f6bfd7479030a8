package io.netproto.camel.imap;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netproto.camel.support.FileCheckpointStore;
import io.netproto.camel.support.MemoryCheckpointStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ImapConsumerTest extends ImapTestSupport {

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    private void consume(CamelContext camelContext, String options, boolean fail) throws Exception {
        boolean ownDelay = options.startsWith("delay=") || options.contains("&delay=");
        String from = uri("imap", "initialDelay=0" + (ownDelay ? "" : "&delay=100") + (options.isEmpty() ? "" : "&" + options));
        camelContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("imap").process(e -> {
                    received.add(e);
                    String subject = e.getIn().getHeader("Subject", String.class);
                    if (fail || (subject != null && subject.startsWith("bad"))) {
                        throw new IllegalStateException("refused " + subject);
                    }
                });
            }
        });
    }

    private List<String> subjects() {
        return received.stream().map(e -> e.getIn().getHeader("Subject", String.class)).toList();
    }

    @Test
    void marksSeenOnlyAfterTheRouteSucceeded() throws Exception {
        deliver("one", "first text");
        deliver("two", "second text");
        consume(context, "", false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 2);
        assertThat(subjects()).containsExactly("one", "two");
        Exchange first = received.get(0);
        assertThat(first.getIn().getBody(String.class)).contains("first text");
        assertThat(first.getIn().getHeader(ImapConstants.UID)).isEqualTo(search("INBOX", "ALL").get(0));
        assertThat(first.getIn().getHeader(ImapConstants.UID_VALIDITY)).isNotNull();
        assertThat(first.getIn().getHeader(ImapConstants.MAILBOX)).isEqualTo("INBOX");
        deliver("three", "later");
        await().atMost(10, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 3);
        assertThat(subjects()).containsExactly("one", "two", "three");
    }

    @Test
    void aFailedMessageStaysUnseenAndIsOfferedAgain() throws Exception {
        deliver("bad apple", "x");
        consume(context, "", true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);
        context.getRouteController().stopRoute("imap");
        assertThat(subjects()).allMatch("bad apple"::equals);
        assertThat(search("INBOX", "UNSEEN")).hasSize(1);
        assertThat(search("INBOX", "ALL")).hasSize(1);
    }

    @Test
    void aPoisonMessageIsMovedAfterMaxFailuresAndTheOthersFlow() throws Exception {
        ok(ImapOperation.create, ImapConstants.MAILBOX, "Errors");
        deliver("bad one", "poison");
        deliver("good one", "fine");
        consume(context, "maxFailures=3&errorFolder=Errors", false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> search("Errors", "ALL").size() == 1);
        await().atMost(10, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 1);
        assertThat(subjects().stream().filter("bad one"::equals)).hasSize(3);
        assertThat(subjects().stream().filter("good one"::equals)).hasSize(1);
        assertThat(search("INBOX", "ALL")).hasSize(1);
        assertThat(search("Errors", "UNSEEN SUBJECT \"bad one\"")).hasSize(1);
    }

    @Test
    void deleteRemovesExactlyTheProcessedMessages() throws Exception {
        deliver("one", "1");
        deliver("two", "2");
        consume(context, "delete=true", false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> search("INBOX", "ALL").isEmpty());
        assertThat(subjects()).containsExactly("one", "two");
    }

    @Test
    void moveToMovesTheProcessedMessages() throws Exception {
        ok(ImapOperation.create, ImapConstants.MAILBOX, "Done");
        deliver("one", "1");
        consume(context, "moveTo=Done", false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> search("Done", "ALL").size() == 1);
        assertThat(search("INBOX", "ALL")).isEmpty();
    }

    @Test
    void maxMessagesPerPollLimitsEachBatch() throws Exception {
        deliver("one", "1");
        deliver("two", "2");
        deliver("three", "3");
        consume(context, "maxMessagesPerPoll=1", false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 3);
        assertThat(received).allMatch(e -> e.getProperty(Exchange.BATCH_SIZE, Integer.class) == 1);
        assertThat(subjects()).containsExactly("one", "two", "three");
    }

    @Test
    void aRestartWithAFileCheckpointDeliversNothingTwiceAndMissesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("imap.checkpoints");
        deliver("one", "1");
        deliver("two", "2");
        // criteria ALL: only the checkpoint, not \Seen, keeps a message from being delivered again
        CamelContext first = newContext();
        first.getRegistry().bind("checkpoints", new FileCheckpointStore(file));
        consume(first, "criteria=ALL&checkpointStore=#checkpoints", false);
        first.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 2);
        first.stop();
        deliver("three", "3");
        deliver("four", "4");

        CamelContext second = newContext();
        second.getRegistry().bind("checkpoints", new FileCheckpointStore(file));
        consume(second, "criteria=ALL&checkpointStore=#checkpoints", false);
        second.start();
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 4);
            // one more poll cycle finds nothing new
            int polls = received.size();
            await().pollDelay(300, TimeUnit.MILLISECONDS).atMost(10, TimeUnit.SECONDS).until(() -> true);
            assertThat(received).hasSize(polls);
            assertThat(subjects()).containsExactly("one", "two", "three", "four");
        } finally {
            second.stop();
        }
    }

    @Test
    void aChangedUidValidityStartsOverFromUidOne() throws Exception {
        deliver("one", "1");
        deliver("two", "2");
        MemoryCheckpointStore store = new MemoryCheckpointStore();
        String key = "imap://" + USER + "@" + server.host() + ":" + server.imapPort() + "/INBOX";
        // progress recorded against another UIDVALIDITY, far beyond the current UIDs
        store.put(key, "1;1000;");
        context.getRegistry().bind("checkpoints", store);
        consume(context, "criteria=ALL&checkpointStore=#checkpoints", false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 2);
        assertThat(subjects()).containsExactly("one", "two");
        long validity = received.get(0).getIn().getHeader(ImapConstants.UID_VALIDITY, Long.class);
        assertThat(validity).isNotEqualTo(1L);
        assertThat(store.get(key)).startsWith(validity + ";");
    }

    @Test
    void idlePushesNewMessagesWithoutWaitingForTheNextPoll() throws Exception {
        deliver("before", "already there");
        // the next scheduled poll is a minute away: only IDLE can deliver sooner; IDLE renewed every 2 s
        consume(context, "idle=true&delay=60000&readTimeout=4000", false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
        await().atMost(10, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 1);
        deliver("pushed", "arrived while idle");
        // a generous bound: it only catches a fallback to polling
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 2);
        // after several IDLE renewals the session still pushes
        await().pollDelay(5, TimeUnit.SECONDS).atMost(10, TimeUnit.SECONDS).until(() -> true);
        deliver("later", "after renewals");
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 3);
        assertThat(subjects()).containsExactly("before", "pushed", "later");
        // stopping ends the IDLE at once (the route would otherwise wait for the shutdown timeout)
        context.getRouteController().stopRoute("imap");
        assertThat(context.getRouteController().getRouteStatus("imap").isStopped()).isTrue();
    }

    @Test
    void idleReconnectsWhenTheConnectionDrops() throws Exception {
        deliver("before the drop", "x");
        consume(context, "idle=true&delay=60000", false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 1);
        // let the consumer enter IDLE
        await().pollDelay(500, TimeUnit.MILLISECONDS).atMost(10, TimeUnit.SECONDS).until(() -> true);
        server.closeAllConnections();
        deliver("after the drop", "y");
        // a generous bound: the next scheduled poll would be a minute away
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 2);
        assertThat(subjects()).containsExactly("before the drop", "after the drop");
    }

    @Test
    void rawModeDeliversTheRfc822Stream() throws Exception {
        deliver("raw one", "raw body text");
        consume(context, "mapMailMessage=false", false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
        String raw = received.get(0).getIn().getBody(String.class);
        assertThat(raw).contains("Subject: raw one").contains("raw body text");
    }
}
