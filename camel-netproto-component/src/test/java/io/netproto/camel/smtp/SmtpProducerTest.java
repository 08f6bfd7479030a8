package io.netproto.camel.smtp;

import java.util.List;
import java.util.Map;

import io.netproto.camel.mail.MailBinding;
import io.netproto.camel.mail.MailHeaders;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpProducerTest extends SmtpTestSupport {

    @Test
    void sendmailDeliversAndReportsEveryRecipientAccepted() throws Exception {
        Exchange exchange = send(smtp("from=alice@example.org&to=bob@example.org&cc=carol@example.org"
                                      + "&bcc=dave@example.org&subject=Hello"), "Hi Bob");

        SendResult result = exchange.getMessage().getHeader(SmtpConstants.SEND_RESULT, SendResult.class);
        assertThat(result.isComplete()).isTrue();
        assertThat(result.accepted()).containsExactly("bob@example.org", "carol@example.org", "dave@example.org");
        assertThat(result.refused()).isEmpty();
        assertThat(result.replyCode()).isEqualTo(250);
        assertThat(exchange.getMessage().getHeader(SmtpConstants.MESSAGE_ID, String.class)).isEqualTo(result.messageId());
        assertThat(exchange.getMessage().getHeader(SmtpConstants.REPLY_CODE, Integer.class)).isEqualTo(250);
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("Hi Bob");

        MimeMessage[] received = mail.greenMail().getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getSubject()).isEqualTo("Hello");
        assertThat(received[0].getMessageID()).isEqualTo(result.messageId());
        assertThat(received[0].getHeader("Bcc")).isNull();
        assertThat(((String) received[0].getContent()).trim()).isEqualTo("Hi Bob");
    }

    @Test
    void htmlWithTextAlternativeAttachmentsAndNonAsciiSubjectArriveIntact() throws Exception {
        byte[] pdf = { '%', 'P', 'D', 'F', '-', 0, (byte) 0x80, (byte) 0xff, '\r', '\n', 1 };
        String uri = smtp("from=alice@example.org&to=bob@example.org&subject=RAW(Grüße — Résumé ✓)");
        Exchange exchange = template.request(uri, e -> {
            AttachmentMessage in = e.getIn(AttachmentMessage.class);
            in.setBody("<html><body><p>Hallo <b>Bob</b> <img src=\"cid:logo\"></p></body></html>");
            in.setHeader(MailHeaders.CONTENT_TYPE, "text/html; charset=UTF-8");
            in.setHeader(MailHeaders.ALTERNATIVE_BODY, "Hallo Bob");
            in.addAttachment("Bericht ä.pdf", new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
            DefaultAttachment logo = new DefaultAttachment(new ByteArrayDataSource(new byte[] { 7, 8, 9 }, "image/png"));
            logo.setHeader("Content-ID", "<logo>");
            in.addAttachmentObject("logo.png", logo);
        });
        assertThat(exchange.getException()).isNull();

        MimeMessage received = mail.greenMail().getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Grüße — Résumé ✓");
        assertThat(received.getHeader("Subject", null)).startsWith("=?UTF-8?");
        Exchange read = new DefaultExchange(context);
        Message back = new MailBinding().fill(read.getIn(), received, false);
        assertThat(back.getBody(String.class)).contains("Hallo <b>Bob</b>");
        assertThat(back.getHeader(MailHeaders.CONTENT_TYPE, String.class)).startsWith("text/html");
        assertThat(back.getHeader(MailHeaders.ALTERNATIVE_BODY, String.class).trim()).isEqualTo("Hallo Bob");
        AttachmentMessage attachments = (AttachmentMessage) back;
        assertThat(attachments.getAttachmentNames()).containsExactlyInAnyOrder("Bericht ä.pdf", "logo.png");
        assertThat(attachments.getAttachment("Bericht ä.pdf").getInputStream().readAllBytes()).isEqualTo(pdf);
        assertThat(attachments.getAttachmentObject("logo.png").getHeader("Content-ID")).isEqualTo("<logo>");
    }

    @Test
    void ehloReturnsTheGreetingAndTheAdvertisedExtensions() {
        mail.advertiseSmtpExtensions("DSN", "SIZE 10485760", "8BITMIME");

        Exchange exchange = send(smtp("operation=ehlo"), null);

        SmtpGreeting greeting = exchange.getMessage().getBody(SmtpGreeting.class);
        assertThat(greeting.greeting()).startsWith("220 ");
        assertThat(greeting.command()).isEqualTo("EHLO");
        assertThat(greeting.replyCode()).isEqualTo(250);
        assertThat(greeting.extensions()).containsEntry("DSN", "").containsEntry("SIZE", "10485760")
                .containsKeys("8BITMIME", "AUTH");
        assertThat(greeting.supports("dsn")).isTrue();
        assertThat(greeting.extensions().get("AUTH")).contains("PLAIN");
        assertThat(exchange.getMessage().getBody(String.class)).startsWith("220 ").contains("250");
        assertThat(exchange.getMessage().getBody(Map.class).get("extensions")).isEqualTo(greeting.extensions());
        assertThat(mail.smtpCommands()).anyMatch(line -> line.startsWith("EHLO "));
    }

    @Test
    void heloReturnsTheGreetingWithoutExtensions() {
        mail.advertiseSmtpExtensions("DSN");

        Exchange exchange = template.request(smtp("to=bob@example.org"),
                e -> e.getMessage().setHeader(SmtpConstants.OPERATION, "helo"));

        SmtpGreeting greeting = exchange.getMessage().getBody(SmtpGreeting.class);
        assertThat(greeting.greeting()).startsWith("220 ");
        assertThat(greeting.command()).isEqualTo("HELO");
        assertThat(greeting.replyCode()).isEqualTo(250);
        assertThat(greeting.extensions()).isEmpty();
        assertThat(mail.smtpCommands()).anyMatch(line -> line.startsWith("HELO ")).noneMatch(l -> l.startsWith("EHLO"));
    }

    @Test
    void noopRepliesOnTheReusedConnection() {
        Exchange first = send(smtp("operation=noop"), null);
        Exchange second = send(smtp("operation=noop"), null);

        assertThat(first.getMessage().getBody(SmtpReply.class).code()).isEqualTo(250);
        assertThat(second.getMessage().getBody(String.class)).startsWith("250");
        assertThat(second.getMessage().getHeader(SmtpConstants.REPLY_CODE, Integer.class)).isEqualTo(250);
        assertThat(mail.smtpCommands()).filteredOn(line -> line.startsWith("EHLO")).hasSize(1);
        assertThat(mail.smtpCommands()).filteredOn("NOOP"::equals).hasSize(2);
    }

    @Test
    void dsnAndMailParametersReachTheServerAndHeadersOverrideThem() {
        mail.advertiseSmtpExtensions("DSN");
        String uri = smtp("from=alice@example.org&to=bob@example.org&envelopeFrom=bounces@example.org"
                          + "&dsnNotify=SUCCESS,FAILURE&dsnRet=HDRS&mailExtension=MT-PRIORITY=3");

        send(uri, "with dsn");
        template.send(uri, e -> {
            e.getMessage().setBody("never notify");
            e.getMessage().setHeader(SmtpConstants.DSN_NOTIFY, "never");
            e.getMessage().setHeader(SmtpConstants.DSN_RET, "FULL");
        });

        assertThat(mail.smtpCommands()).containsSubsequence(
                "MAIL FROM:<bounces@example.org> RET=HDRS MT-PRIORITY=3",
                "RCPT TO:<bob@example.org> NOTIFY=SUCCESS,FAILURE",
                "MAIL FROM:<bounces@example.org> RET=FULL MT-PRIORITY=3",
                "RCPT TO:<bob@example.org> NOTIFY=NEVER");
        assertThat(mail.greenMail().getReceivedMessages()).hasSize(2);
    }

    @Test
    void anUnknownOperationInTheHeaderFailsNamingTheValidOnes() {
        Exchange exchange = template.request(smtp("to=bob@example.org"),
                e -> e.getMessage().setHeader(SmtpConstants.OPERATION, "vrfy"));

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vrfy").hasMessageContaining("sendmail");
    }

    @Test
    void theOperationHeaderAcceptsTheEnum() {
        Exchange exchange = template.request(smtp("to=bob@example.org"),
                e -> e.getMessage().setHeader(SmtpConstants.OPERATION, SmtpOperation.noop));

        assertThat(exchange.getMessage().getBody(SmtpReply.class).code()).isEqualTo(250);
        assertThat(mail.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void headerRecipientsCannotRedirectMailUnlessAllowed() {
        template.send(smtp("from=alice@example.org&to=bob@example.org"), e -> {
            e.getMessage().setBody("locked");
            e.getMessage().setHeader("To", "mallory@example.com");
            e.getMessage().setHeader("Bcc", "eve@example.com");
        });
        assertThat(mail.smtpCommands()).filteredOn(line -> line.startsWith("RCPT"))
                .containsExactly("RCPT TO:<bob@example.org>");

        mail.clearSmtpCommands();
        template.send(smtp("from=alice@example.org&to=bob@example.org&useHeaderRecipients=true"), e -> {
            e.getMessage().setBody("allowed");
            e.getMessage().setHeader("To", "carol@example.org");
        });
        assertThat(mail.smtpCommands()).filteredOn(line -> line.startsWith("RCPT"))
                .containsExactly("RCPT TO:<carol@example.org>");
    }

    @Test
    void lineBreaksInAHeaderAreRefusedAndNothingIsSent() {
        Exchange exchange = template.request(smtp("from=alice@example.org&to=bob@example.org"), e -> {
            e.getMessage().setBody("injected");
            e.getMessage().setHeader("X-Campaign", "spring\r\nBcc: victim@example.com");
        });

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Campaign");
        assertThat(mail.smtpCommands()).noneMatch(line -> line.startsWith("MAIL") || line.startsWith("RCPT"));
        assertThat(mail.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void resultsConvertToStringAndMap() {
        Exchange exchange = send(smtp("to=bob@example.org"), "x");
        SendResult result = exchange.getMessage().getHeader(SmtpConstants.SEND_RESULT, SendResult.class);

        assertThat(context.getTypeConverter().convertTo(String.class, result)).startsWith("sent ");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = context.getTypeConverter().convertTo(Map.class, result);
        assertThat(map).containsEntry("sent", true).containsEntry("accepted", List.of("bob@example.org"));
    }
}
