package io.netproto.camel.pop3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Properties;

import io.netproto.camel.mail.MailBinding;
import io.netproto.camel.mail.MailBindingOptions;
import io.netproto.camel.support.NetprotoException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Message;

/**
 * Puts a received message onto a Camel message with the shared {@link MailBinding}: mapped (headers, body,
 * attachments), or raw: the mail headers as Camel headers and the body a stream over the spooled RFC 822 message,
 * read from disk rather than copied into memory.
 */
final class Pop3Mapping {

    private static final byte[] CRLF = { '\r', '\n' };

    private final MailBinding binding;
    private final boolean mapped;
    private final Session parsing = Session.getInstance(new Properties());

    Pop3Mapping(Pop3Configuration cfg) {
        this.mapped = cfg.isMapMailMessage();
        this.binding = new MailBinding(MailBindingOptions.defaults().withMapMailMessage(mapped));
    }

    /** Whether messages are mapped (mapMailMessage=true) rather than delivered raw. */
    boolean isMapped() {
        return mapped;
    }

    /**
     * Maps a whole message; returns the Camel message holding the result (an attachment message may replace target).
     *
     * @param raw the raw message as a stream, used as the body when not mapped (then {@code source} only gives the
     *            headers)
     */
    Message fill(Message target, MimeMessage source, InputStream raw) {
        try {
            if (mapped) {
                return binding.fill(target, source, false);
            }
            Message result = binding.fill(target, headersOnly(source), true);
            result.setBody(raw);
            return result;
        } catch (MessagingException | IOException e) {
            throw new NetprotoException("Cannot map the POP3 message: " + e.getMessage(), e);
        }
    }

    /** The answer to TOP: the message's headers as Camel headers, the body the text the server sent. */
    Message fillTop(Message target, byte[] top) {
        try {
            MimeMessage message = new MimeMessage(parsing, new ByteArrayInputStream(top));
            Message result = binding.fill(target, headersOnly(message), true);
            result.setBody(new String(top, StandardCharsets.UTF_8));
            return result;
        } catch (MessagingException | IOException e) {
            throw new NetprotoException("Cannot map the POP3 TOP answer: " + e.getMessage(), e);
        }
    }

    /** Parses a message from a stream (the producer's spool); its content is read from the stream when needed. */
    MimeMessage parse(InputStream in) {
        try {
            return new MimeMessage(parsing, in);
        } catch (MessagingException e) {
            throw new NetprotoException("Cannot parse the retrieved POP3 message: " + e.getMessage(), e);
        }
    }

    /**
     * A message with the same header block and an empty body, so that the binding maps the headers alone. The header
     * lines were read as ISO-8859-1 (byte for byte), and are written back the same way.
     */
    private MimeMessage headersOnly(MimeMessage source) throws MessagingException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (Enumeration<String> lines = source.getAllHeaderLines(); lines.hasMoreElements();) {
            block.writeBytes(lines.nextElement().getBytes(StandardCharsets.ISO_8859_1));
            block.writeBytes(CRLF);
        }
        block.writeBytes(CRLF);
        return new MimeMessage(parsing, new ByteArrayInputStream(block.toByteArray()));
    }
}
