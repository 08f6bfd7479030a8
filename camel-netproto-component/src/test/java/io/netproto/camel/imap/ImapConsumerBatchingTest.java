package io.netproto.camel.imap;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netproto.testkit.mail.CapabilityFilterFront;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer fetches messages ahead and commits them together: proven on the commands it sends, recorded by a front
 * before GreenMail that hides no capability.
 */
class ImapConsumerBatchingTest extends ImapTestSupport {

    private final List<String> subjects = new CopyOnWriteArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private CapabilityFilterFront front;

    @BeforeEach
    void startFront() {
        front = CapabilityFilterFront.imapWithout(server);
    }

    @AfterEach
    void closeFront() {
        context.stop();
        front.close();
    }

    private void consume() throws Exception {
        consume("");
    }

    private void consume(String options) throws Exception {
        String from = "imap://" + USER + "@" + front.host() + ":" + front.port() + "?password=" + PASSWORD
                      + "&startTls=optional&initialDelay=0&delay=200" + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("imap").process(e -> {
                    String subject = e.getIn().getHeader("Subject", String.class);
                    subjects.add(subject);
                    bodies.put(subject, e.getIn().getBody(String.class));
                    if (subject.startsWith("bad")) {
                        throw new IllegalStateException("refused " + subject);
                    }
                });
            }
        });
    }

    /** The client's commands containing the word, without their tags. */
    private List<String> commands(String word) {
        return front.clientLines().stream().filter(line -> line.contains(" " + word + " "))
                .map(line -> line.substring(line.indexOf(' ') + 1)).toList();
    }

    @Test
    void smallMessagesAreFetchedInOneCommandAndMarkedSeenInOne() throws Exception {
        for (int i = 1; i <= 5; i++) {
            deliver("small " + i, "text " + i);
        }
        String large = "0123456789abcdef".repeat(5 * 1024);
        deliver("large", large);
        consume();

        await().atMost(20, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 6);
        assertThat(subjects).containsExactly("small 1", "small 2", "small 3", "small 4", "small 5", "large");
        assertThat(bodies.get("small 3")).contains("text 3");
        assertThat(bodies.get("large")).contains(large);
        assertThat(commands("STORE")).containsExactly("UID STORE 1,2,3,4,5,6 +FLAGS.SILENT (\\Seen)");
        assertThat(commands("FETCH")).startsWith("UID FETCH 1,2,3,4,5,6 (UID FLAGS RFC822.SIZE BODY.PEEK[]<0.65537>)");
        assertThat(commands("FETCH")).filteredOn(command -> command.contains("BODY.PEEK[]")).hasSize(1);
        // only the message over 64 KiB is read on its own
        assertThat(commands("FETCH")).filteredOn(command -> command.contains("BODY.PEEK[TEXT]")).hasSize(1);
    }

    @Test
    void aFailureCommitsTheSuccessesBeforeItFirstAndTheRestAfterIt() throws Exception {
        deliver("one", "1");
        deliver("two", "2");
        deliver("bad three", "3");
        deliver("four", "4");
        consume();

        await().atMost(20, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 3);
        assertThat(subjects).startsWith("one", "two", "bad three", "four");
        assertThat(search("INBOX", "UNSEEN")).containsExactly(3L);
        assertThat(commands("STORE")).startsWith("UID STORE 1,2 +FLAGS.SILENT (\\Seen)",
                "UID STORE 4 +FLAGS.SILENT (\\Seen)");
    }

    @Test
    void aLargeBatchIsFetchedAndCommittedAHundredMessagesAtATime() throws Exception {
        int count = ImapConsumer.PREFETCH_SIZE + 5;
        for (int i = 1; i <= count; i++) {
            deliver("message " + i, "text " + i);
        }
        consume();

        await().atMost(30, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == count);
        assertThat(subjects).hasSize(count).doesNotHaveDuplicates();
        assertThat(commands("STORE")).hasSize(2);
        assertThat(commands("STORE").get(0)).startsWith("UID STORE 1,2,3,").contains(",100 ").doesNotContain(",101");
        assertThat(commands("STORE").get(1)).isEqualTo("UID STORE 101,102,103,104,105 +FLAGS.SILENT (\\Seen)");
        assertThat(commands("FETCH")).filteredOn(command -> command.contains("BODY.PEEK[]")).hasSize(2);
    }

    @Test
    void underMaxMessageSizeAMessageOfExactlyTheLimitComesWholeAndALargerOneIsNeverRead() throws Exception {
        deliver("edge", "e".repeat(500));
        long limit = wholeMessageOctets(1L);
        deliver("over", "o".repeat((int) limit + 100));
        consume("&maxMessageSize=" + limit);

        await().atMost(20, TimeUnit.SECONDS).until(() -> search("INBOX", "SEEN").size() == 1);
        assertThat(subjects).containsExactly("edge");
        assertThat(bodies.get("edge")).isEqualTo("e".repeat(500));
        assertThat(search("INBOX", "UNSEEN")).containsExactly(2L);
        // one fetch of at most limit + 1 octets per message, nothing read on its own afterwards
        assertThat(commands("FETCH")).containsExactly("UID FETCH 1,2 (UID FLAGS RFC822.SIZE BODY.PEEK[]<0." + (limit + 1)
                                                      + ">)");
    }

    /** The octets of BODY[] of a message (GreenMail's RFC822.SIZE counts only the body, so it is read whole here). */
    private long wholeMessageOctets(long uid) throws Exception {
        Exchange exchange = template.send(uri("mapMailMessage=false"), e -> {
            e.getIn().setHeader(ImapConstants.OPERATION, "fetch");
            e.getIn().setHeader(ImapConstants.UID, uid);
            e.getIn().setHeader(ImapConstants.FETCH_PARTS, "RFC822");
        });
        assertThat(exchange.getException()).isNull();
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            return in.readAllBytes().length;
        }
    }
}
