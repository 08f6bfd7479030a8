package io.netproto.camel.smtp;

import java.nio.charset.StandardCharsets;

import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 7bit text/plain attachment sent through netsmtp reads back byte for byte over imap (consumer), pop3 (consumer) and
 * pop3 retr (producer, spooled): a final CRLF of the attachment is kept, and none is added.
 */
class AttachmentRoundTripTest extends SmtpTestSupport {

    @ParameterizedTest
    @ValueSource(strings = { "line one\r\nline two\r\nlast line\r\n", "line one\r\nline two\r\nlast line", "x", "\r\n" })
    void aTextAttachmentReadsBackIdenticallyOverPop3AndImap(String text) throws Exception {
        byte[] sent = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 2; i++) { // the pop3 consumer deletes what it read: one for it, one for retr
            Exchange sending = template.send(smtp("from=alice@example.org&to=bob@example.org&subject=a"), e -> {
                AttachmentMessage in = e.getIn(AttachmentMessage.class);
                in.setBody("see the attachment");
                in.addAttachment("a.txt", new DataHandler(new ByteArrayDataSource(sent, "text/plain")));
            });
            assertThat(sending.getException()).isNull();
        }
        String options = "://bob@" + mail.host() + ":%d?password=secret&startTls=optional&initialDelay=0&delay=50";
        String imap = "imap" + options.formatted(mail.imapPort());
        String pop3 = "pop3" + options.formatted(mail.pop3Port());
        Exchange overImap = context.createConsumerTemplate().receive(imap, 10_000);
        Exchange retr = template.request(pop3, e -> {
            e.getIn().setHeader("CamelPop3Operation", "retr");
            e.getIn().setHeader("CamelPop3MessageNumber", 1);
        });
        Exchange overPop3 = context.createConsumerTemplate().receive(pop3, 10_000);

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
