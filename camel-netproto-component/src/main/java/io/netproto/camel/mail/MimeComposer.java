package io.netproto.camel.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netproto.camel.support.ProtocolArguments;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachmentMessage;

/**
 * Builds the content of an outgoing MIME message from a Camel message: the body as a text or binary part, a
 * plain-text alternative as {@code multipart/alternative}, inline attachments (those with a {@code Content-ID} or an
 * inline disposition) in {@code multipart/related}, other attachments in {@code multipart/mixed}.
 */
final class MimeComposer {

    private static final String CONTENT_ID = "Content-ID";
    private static final String CONTENT_DISPOSITION = "Content-Disposition";

    private final String defaultCharset;

    MimeComposer(String defaultCharset) {
        this.defaultCharset = defaultCharset;
    }

    /**
     * Sets the content of {@code target} from the body, the alternative text and the attachments of {@code message}.
     *
     * @param contentType the MIME type of the body, e.g. {@code text/html; charset=UTF-8}
     */
    void compose(MimePart target, Message message, String contentType) throws MessagingException, IOException {
        ContentType type = parse(contentType);
        List<MimeBodyPart> inline = new ArrayList<>();
        List<MimeBodyPart> attached = new ArrayList<>();
        // attachments live on the message itself (a message trait), whichever view added them
        AttachmentMessage attachments = message instanceof AttachmentMessage view ? view
                : new DefaultAttachmentMessage(message);
        if (attachments.hasAttachments()) {
            for (Map.Entry<String, Attachment> entry : attachments.getAttachmentObjects().entrySet()) {
                MimeBodyPart part = attachmentPart(entry.getKey(), entry.getValue());
                (Part.INLINE.equalsIgnoreCase(part.getDisposition()) ? inline : attached).add(part);
            }
        }
        String alternative = message.getHeader(MailHeaders.ALTERNATIVE_BODY, String.class);
        if (inline.isEmpty() && attached.isEmpty()) {
            body(target, message, type, alternative);
            return;
        }
        MimeBodyPart content = new MimeBodyPart();
        body(content, message, type, alternative);
        if (!inline.isEmpty()) {
            MimeMultipart related = new MimeMultipart("related");
            related.addBodyPart(content);
            for (MimeBodyPart part : inline) {
                related.addBodyPart(part);
            }
            if (attached.isEmpty()) {
                target.setContent(related);
                return;
            }
            content = new MimeBodyPart();
            content.setContent(related);
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(content);
        for (MimeBodyPart part : attached) {
            mixed.addBodyPart(part);
        }
        target.setContent(mixed);
    }

    private void body(MimePart target, Message message, ContentType type, String alternative)
            throws MessagingException, IOException {
        if (alternative == null) {
            single(target, message, type);
            return;
        }
        MimeMultipart multipart = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(alternative, charset(type), "plain");
        multipart.addBodyPart(plain);
        MimeBodyPart main = new MimeBodyPart();
        single(main, message, type);
        multipart.addBodyPart(main);
        target.setContent(multipart);
    }

    private void single(MimePart target, Message message, ContentType type) throws MessagingException, IOException {
        if (type.match("text/*")) {
            String charset = charset(type);
            String text = text(message, charset);
            target.setText(text, charset, type.getSubType().toLowerCase(Locale.ROOT));
            return;
        }
        byte[] bytes = message.getBody(byte[].class);
        target.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes == null ? new byte[0] : bytes,
                type.toString())));
    }

    private static String text(Message message, String charset) {
        Exchange exchange = message.getExchange();
        Object previous = exchange == null ? null : exchange.getProperty(Exchange.CHARSET_NAME);
        if (exchange != null && previous == null) {
            // byte bodies are text in the charset the message is sent in
            exchange.setProperty(Exchange.CHARSET_NAME, charset);
        }
        try {
            String text = message.getBody(String.class);
            return text == null ? "" : text;
        } finally {
            if (exchange != null && previous == null) {
                exchange.removeProperty(Exchange.CHARSET_NAME);
            }
        }
    }

    private String charset(ContentType type) {
        String charset = type.getParameter("charset");
        return charset == null ? defaultCharset : charset;
    }

    private static MimeBodyPart attachmentPart(String name, Attachment attachment) throws MessagingException {
        ProtocolArguments.requireSingleLine("attachment name " + name, name);
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(attachment.getDataHandler());
        boolean inline = false;
        for (String header : attachment.getHeaderNames()) {
            boolean first = true;
            ProtocolArguments.requireSingleLine("header name " + header + " of attachment " + name, header);
            for (String value : attachment.getHeaderAsList(header)) {
                ProtocolArguments.requireSingleLine("header " + header + " of attachment " + name, value);
                if (first) {
                    part.setHeader(header, value);
                    first = false;
                } else {
                    part.addHeader(header, value);
                }
            }
            inline |= header.equalsIgnoreCase(CONTENT_ID) || header.equalsIgnoreCase(CONTENT_DISPOSITION)
                    && attachment.getHeader(header).trim().toLowerCase(Locale.ROOT).startsWith(Part.INLINE);
        }
        part.setDisposition(inline ? Part.INLINE : Part.ATTACHMENT);
        part.setFileName(name);
        return part;
    }

    static ContentType parse(String contentType) {
        try {
            return new ContentType(contentType);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Invalid Content-Type " + contentType + ": " + e.getMessage(), e);
        }
    }
}
