package io.netproto.camel.mail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailBindingTest {

    private static final MailAddressing ENDPOINT = new MailAddressing("sender@example.org", "bob@example.org", null,
            null, null, "configured subject");
    private static CamelContext context;
    private final Session session = Session.getInstance(new Properties());

    @BeforeAll
    static void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stopContext() {
        context.stop();
    }

    @Test
    void plainTextTravelsAsTextPlainInUtf8AndMapsBack() throws Exception {
        Exchange exchange = exchange("Grüße aus Köln\n");

        MimeMessage mime = new MailBinding().toMimeMessage(session, exchange, ENDPOINT);

        assertThat(mime.getContentType()).startsWith("text/plain").contains("charset=UTF-8");
        assertThat(mime.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("sender@example.org");
        assertThat(mime.getSubject()).isEqualTo("configured subject");
        assertThat(mime.getSentDate()).isNotNull();
        assertThat(mime.getMessageID()).isNotNull();

        Message back = fill(mime, new MailBinding());
        assertThat(back.getBody(String.class)).isEqualTo("Grüße aus Köln\n");
        assertThat(back.getHeader("Content-Type", String.class)).startsWith("text/plain");
        assertThat(back.getHeader("To", String.class)).isEqualTo("bob@example.org");
    }

    @Test
    void htmlWithAPlainTextAlternativeBecomesMultipartAlternativeAndMapsBack() throws Exception {
        Exchange exchange = exchange("<p>Hello <b>world</b></p>");
        exchange.getMessage().setHeader("Content-Type", "text/html; charset=UTF-8");
        exchange.getMessage().setHeader(MailHeaders.ALTERNATIVE_BODY, "Hello world");

        MimeMessage mime = reparse(new MailBinding().toMimeMessage(session, exchange, ENDPOINT));

        assertThat(mime.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) mime.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();

        Message back = fill(mime, new MailBinding());
        assertThat(back.getBody(String.class)).isEqualTo("<p>Hello <b>world</b></p>");
        assertThat(back.getHeader("Content-Type", String.class)).startsWith("text/html");
        assertThat(back.getHeader(MailHeaders.ALTERNATIVE_BODY, String.class)).isEqualTo("Hello world");
    }

    @Test
    void attachmentsAndInlinePartsTravelAsMimePartsAndMapBackToCamelAttachments() throws Exception {
        Exchange exchange = exchange("<p>see <img src=\"cid:logo\"></p>");
        exchange.getMessage().setHeader("Content-Type", "text/html");
        exchange.getMessage().setHeader(MailHeaders.ALTERNATIVE_BODY, "see the logo");
        AttachmentMessage in = new DefaultAttachmentMessage(exchange.getMessage());
        exchange.setMessage(in);
        byte[] pdf = { '%', 'P', 'D', 'F', 0, 1, 2, (byte) 0xff };
        in.addAttachment("Übersicht.pdf", new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        DefaultAttachment logo = new DefaultAttachment(new ByteArrayDataSource(new byte[] { 1, 2, 3 }, "image/png"));
        logo.setHeader("Content-ID", "<logo>");
        in.addAttachmentObject("logo.png", logo);

        MimeMessage mime = reparse(new MailBinding().toMimeMessage(session, exchange, ENDPOINT));

        assertThat(mime.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) mime.getContent();
        assertThat(mixed.getBodyPart(0).isMimeType("multipart/related")).isTrue();
        assertThat(mixed.getBodyPart(1).getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("Übersicht.pdf");

        Message back = fill(mime, new MailBinding());
        assertThat(back).isInstanceOf(AttachmentMessage.class);
        assertThat(back.getBody(String.class)).isEqualTo("<p>see <img src=\"cid:logo\"></p>");
        assertThat(back.getHeader(MailHeaders.ALTERNATIVE_BODY, String.class)).isEqualTo("see the logo");
        AttachmentMessage attachments = (AttachmentMessage) back;
        assertThat(attachments.getAttachmentNames()).containsExactlyInAnyOrder("Übersicht.pdf", "logo.png");
        assertThat(read(attachments.getAttachment("Übersicht.pdf"))).isEqualTo(pdf);
        assertThat(attachments.getAttachment("Übersicht.pdf").getContentType()).isEqualTo("application/pdf");
        Attachment inline = attachments.getAttachmentObject("logo.png");
        assertThat(inline.getHeader("Content-ID")).isEqualTo("<logo>");
        assertThat(inline.getHeader("Content-Disposition")).startsWith("inline");
        assertThat(read(inline.getDataHandler())).containsExactly(1, 2, 3);
    }

    @Test
    void attachmentsAddedThroughAnyViewOfTheMessageTravelAndArriveOnTheExchangesMessage() throws Exception {
        Exchange exchange = exchange("x");
        exchange.getIn(AttachmentMessage.class)
                .addAttachment("a.txt", new DataHandler(new ByteArrayDataSource("A", "text/plain")));
        MimeMessage mime = reparse(new MailBinding().toMimeMessage(session, exchange, ENDPOINT));
        assertThat(mime.isMimeType("multipart/mixed")).isTrue();

        Exchange received = new DefaultExchange(context);
        Message in = received.getIn();
        new MailBinding().fill(in, mime, false);

        assertThat(received.getIn()).isSameAs(in);
        assertThat(received.getIn(AttachmentMessage.class).getAttachmentNames()).containsExactly("a.txt");
        assertThat(received.getIn().getBody(String.class)).isEqualTo("x");
    }

    @Test
    void nonAsciiSubjectIsEncodedOnTheWireAndDecodedBack() throws Exception {
        Exchange exchange = exchange("body");
        MailAddressing addressing = new MailAddressing("a@example.org", "b@example.org", null, null, null,
                "Prüfung ✓ 日本語");

        MimeMessage mime = new MailBinding().toMimeMessage(session, exchange, addressing);

        assertThat(mime.getHeader("Subject", null)).startsWith("=?UTF-8?").doesNotContain("Prüfung");
        assertThat(fill(reparse(mime), new MailBinding()).getHeader("Subject")).isEqualTo("Prüfung ✓ 日本語");
    }

    @Test
    void headerRecipientsSenderAndSubjectAreIgnoredUnlessAllowed() throws Exception {
        Exchange exchange = exchange("body");
        exchange.getMessage().setHeader("To", "evil@example.com");
        exchange.getMessage().setHeader("Bcc", "spy@example.com");
        exchange.getMessage().setHeader("From", "ceo@example.org");
        exchange.getMessage().setHeader("Reply-To", "phish@example.com");
        exchange.getMessage().setHeader("Subject", "from the header");

        MimeMessage locked = new MailBinding().toMimeMessage(session, exchange, ENDPOINT);
        assertThat(addresses(locked.getAllRecipients())).containsExactly("bob@example.org");
        assertThat(addresses(locked.getFrom())).containsExactly("sender@example.org");
        assertThat(addresses(locked.getReplyTo())).containsExactly("sender@example.org");
        assertThat(locked.getSubject()).isEqualTo("configured subject");

        MailBindingOptions open = MailBindingOptions.defaults().withUseHeaderRecipients(true).withUseHeaderFrom(true)
                .withUseHeaderReplyTo(true).withUseHeaderSubject(true);
        MimeMessage allowed = new MailBinding(open).toMimeMessage(session, exchange, ENDPOINT);
        assertThat(addresses(allowed.getRecipients(RecipientType.TO))).containsExactly("evil@example.com");
        assertThat(addresses(allowed.getRecipients(RecipientType.BCC))).containsExactly("spy@example.com");
        assertThat(addresses(allowed.getFrom())).containsExactly("ceo@example.org");
        assertThat(addresses(allowed.getReplyTo())).containsExactly("phish@example.com");
        assertThat(allowed.getSubject()).isEqualTo("from the header");
    }

    @Test
    void aMailWithoutRecipientFailsNamingTheOptions() {
        Exchange exchange = exchange("body");
        exchange.getMessage().setHeader("To", "someone@example.org");
        MailAddressing noRecipient = new MailAddressing("a@example.org", null, null, null, null, null);

        assertThatThrownBy(() -> new MailBinding().toMimeMessage(session, exchange, noRecipient))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option to, cc or bcc").hasMessageContaining("useHeaderRecipients=true");
    }

    @Test
    void lineBreaksInAHeaderValueAreRefusedNamingTheHeader() {
        Exchange exchange = exchange("body");
        exchange.getMessage().setHeader("X-Order", "42\r\nBcc: victim@example.com");
        assertThatThrownBy(() -> new MailBinding().toMimeMessage(session, exchange, ENDPOINT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Order");

        Exchange subject = exchange("body");
        subject.getMessage().setHeader("Subject", "hi\nBcc: victim@example.com");
        MailBinding binding = new MailBinding(MailBindingOptions.defaults().withUseHeaderSubject(true));
        assertThatThrownBy(() -> binding.toMimeMessage(session, subject, ENDPOINT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Subject");

        Exchange recipients = exchange("body");
        recipients.getMessage().setHeader("To", "a@example.org\r\nRCPT TO:<b@example.org>");
        MailBinding open = new MailBinding(MailBindingOptions.defaults().withUseHeaderRecipients(true));
        assertThatThrownBy(() -> open.toMimeMessage(session, recipients, ENDPOINT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("To");
    }

    @Test
    void customHeadersTravelButCamelHeadersNeverCrossInEitherDirection() throws Exception {
        Exchange exchange = exchange("body");
        exchange.getMessage().setHeader("X-Ticket", "T-1");
        exchange.getMessage().setHeader("X-Name", "Jörg");
        exchange.getMessage().setHeader("CamelFileName", "secret.txt");
        exchange.getMessage().setHeader("mail.smtp.host", "evil.example.com");

        MimeMessage mime = new MailBinding().toMimeMessage(session, exchange, ENDPOINT);
        assertThat(mime.getHeader("X-Ticket", null)).isEqualTo("T-1");
        assertThat(mime.getHeader("X-Name", null)).startsWith("=?UTF-8?");
        assertThat(mime.getHeader("CamelFileName")).isNull();
        assertThat(mime.getHeader("mail.smtp.host")).isNull();

        mime.setHeader("CamelFileName", "../../etc/passwd");
        mime.setHeader("camelHttpUri", "http://evil");
        Message back = fill(reparse(mime), new MailBinding());
        assertThat(back.getHeader("X-Name")).isEqualTo("Jörg");
        assertThat(back.getHeaders()).doesNotContainKeys("CamelFileName", "camelHttpUri");
    }

    @Test
    void aReceivedMultipartContentTypeDoesNotDescribeTheNewBody() throws Exception {
        Exchange exchange = exchange("forwarded text");
        exchange.getMessage().setHeader("Content-Type", "multipart/mixed; boundary=xyz");

        MimeMessage mime = new MailBinding().toMimeMessage(session, exchange, ENDPOINT);

        assertThat(mime.getContentType()).startsWith("text/plain");
    }

    @Test
    void rawFillDeliversTheWholeRfc822MessageAsAStream() throws Exception {
        MimeMessage mime = reparse(new MailBinding().toMimeMessage(session, exchange("raw body"), ENDPOINT));
        Exchange received = new DefaultExchange(context);

        new MailBinding().fill(received.getIn(), mime, true);

        String raw = new String(received.getIn().getBody(InputStream.class).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(raw).contains("Subject: configured subject").contains("\r\n\r\nraw body");
        assertThat(received.getIn().getHeader("Subject")).isEqualTo("configured subject");
    }

    @Test
    void repeatedHeadersMapToAListAndFoldedOnesAreUnfolded() throws Exception {
        MimeMessage mime = new MimeMessage(session);
        mime.addHeader("Comments", "from a by b");
        mime.addHeader("Comments", "from c\r\n by d");
        mime.setText("x");
        mime.saveChanges();

        Message back = fill(reparse(mime), new MailBinding());

        assertThat(back.getHeader("Comments")).isEqualTo(List.of("from a by b", "from c by d"));

    }

    private static Exchange exchange(String body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private MimeMessage reparse(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(session, new java.io.ByteArrayInputStream(bytes.toByteArray()));
    }

    private static Message fill(MimeMessage mime, MailBinding binding) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        return binding.fill(exchange.getIn(), mime, false);
    }

    private static List<String> addresses(jakarta.mail.Address[] addresses) {
        return java.util.Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static byte[] read(DataHandler handler) throws Exception {
        try (InputStream in = handler.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
