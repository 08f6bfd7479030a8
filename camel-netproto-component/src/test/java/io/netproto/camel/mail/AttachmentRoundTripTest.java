package io.netproto.camel.mail;

import java.nio.charset.StandardCharsets;

import io.netproto.testkit.mail.EmbeddedMailServer;
import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 7bit text/plain attachment sent through netsmtp reads back byte for byte over imap (consumer), pop3 (consumer) and
 * pop3 retr (producer, spooled): a final CRLF of the attachment is kept, and none is added.
 */
class AttachmentRoundTripTest {

    private EmbeddedMailServer server;
    private CamelContext context;

    @BeforeEach
    void start() {
        server = EmbeddedMailServer.start().user("alice@example.org", "alice", "s3cret!");
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "line one\r\nline two\r\nlast line\r\n", "line one\r\nline two\r\nlast line", "x", "\r\n" })
    void aTextAttachmentReadsBackIdenticallyOverPop3AndImap(String text) throws Exception {
        byte[] sent = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 2; i++) { // one for the pop3 consumer, one for retr
            Exchange sending = context.createProducerTemplate().send("netsmtp://" + server.host() + ":" + server.smtpPort()
                                                                     + "?from=bob@example.org&to=alice@example.org&subject=a",
                    e -> {
                        AttachmentMessage in = e.getIn(AttachmentMessage.class);
                        in.setBody("see the attachment");
                        in.addAttachment("a.txt", new DataHandler(new ByteArrayDataSource(sent, "text/plain")));
                    });
            assertThat(sending.getException()).isNull();
        }
        String options = "://alice@" + server.host() + ":%d?password=s3cret!&startTls=optional&initialDelay=0&delay=50";
        String imap = "imap" + options.formatted(server.imapPort());
        String pop3 = "pop3" + options.formatted(server.pop3Port());
        Exchange overImap = context.createConsumerTemplate().receive(imap, 10_000);
        Exchange overPop3 = context.createConsumerTemplate().receive(pop3 + "&maxMessagesPerPoll=1", 10_000);
        Exchange retr = context.createProducerTemplate().request(pop3, e -> {
            e.getIn().setHeader("CamelPop3Operation", "retr");
            e.getIn().setHeader("CamelPop3MessageNumber", 1);
        });

        assertThat(attachment(overImap)).as("imap").isEqualTo(sent);
        assertThat(attachment(overPop3)).as("pop3 consumer").isEqualTo(sent);
        assertThat(attachment(retr)).as("pop3 retr").isEqualTo(sent);
    }

    private static byte[] attachment(Exchange exchange) throws Exception {
        assertThat(exchange).isNotNull();
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage(AttachmentMessage.class).getAttachment("a.txt").getInputStream().readAllBytes();
    }
}
