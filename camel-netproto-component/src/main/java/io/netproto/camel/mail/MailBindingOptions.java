package io.netproto.camel.mail;

import java.nio.charset.Charset;
import java.util.Objects;

import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * How a {@link MailBinding} maps between Camel messages and MIME messages. Immutable; start from {@link #defaults()}
 * and change what differs:
 *
 * <pre>
 * MailBindingOptions.defaults().withUseHeaderRecipients(true).withDefaultCharset("ISO-8859-1")
 * </pre>
 *
 * The {@code useHeader…} names and defaults are camel-mail's (4.21 and later): message headers decide the sender,
 * recipients, reply address and subject of outgoing mail only when allowed, so data from an inbound message cannot
 * redirect outgoing mail.
 *
 * @param mapMailMessage       whether {@link MailBinding#fill(org.apache.camel.Message, jakarta.mail.internet.MimeMessage)}
 *                             maps the body and attachments (default {@code true}); {@code false} delivers the raw
 *                             RFC 822 message as a stream
 * @param useHeaderRecipients  whether the headers {@code To}, {@code Cc} and {@code Bcc}, when present, replace the
 *                             configured recipients (default {@code false})
 * @param useHeaderFrom        whether the headers {@code From} and {@code Sender} replace the configured sender
 *                             (default {@code false})
 * @param useHeaderReplyTo     whether the header {@code Reply-To} replaces the configured reply address (default
 *                             {@code false})
 * @param useHeaderSubject     whether the header {@code Subject} replaces the configured subject (default
 *                             {@code false})
 * @param defaultCharset       the charset of text parts when the {@code Content-Type} names none, and of encoded
 *                             headers (default {@code UTF-8})
 * @param contentType          the MIME type of outgoing bodies when the message has no {@code Content-Type} header
 *                             (default {@code text/plain})
 * @param headerFilterStrategy which headers are copied between Camel and MIME (default
 *                             {@link MailHeaderFilterStrategy}: everything except Camel's own)
 */
public record MailBindingOptions(
        boolean mapMailMessage,
        boolean useHeaderRecipients,
        boolean useHeaderFrom,
        boolean useHeaderReplyTo,
        boolean useHeaderSubject,
        String defaultCharset,
        String contentType,
        HeaderFilterStrategy headerFilterStrategy) {

    /** Checks the charset exists, the content type parses and the strategy is given. */
    public MailBindingOptions {
        Objects.requireNonNull(defaultCharset, "defaultCharset");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(headerFilterStrategy, "headerFilterStrategy");
        if (!Charset.isSupported(defaultCharset)) {
            throw new IllegalArgumentException("Unsupported charset " + defaultCharset);
        }
        MimeComposer.parse(contentType);
    }

    /**
     * The defaults: mapped messages, no header may change sender, recipients, reply address or subject, UTF-8,
     * {@code text/plain}, {@link MailHeaderFilterStrategy}.
     *
     * @return the default options
     */
    public static MailBindingOptions defaults() {
        return new MailBindingOptions(true, false, false, false, false, "UTF-8", "text/plain",
                new MailHeaderFilterStrategy());
    }

    /**
     * @param  value see {@link #mapMailMessage()}
     * @return       a copy with the value changed
     */
    public MailBindingOptions withMapMailMessage(boolean value) {
        return new MailBindingOptions(value, useHeaderRecipients, useHeaderFrom, useHeaderReplyTo, useHeaderSubject,
                defaultCharset, contentType, headerFilterStrategy);
    }

    /**
     * @param  value see {@link #useHeaderRecipients()}
     * @return       a copy with the value changed
     */
    public MailBindingOptions withUseHeaderRecipients(boolean value) {
        return new MailBindingOptions(mapMailMessage, value, useHeaderFrom, useHeaderReplyTo, useHeaderSubject,
                defaultCharset, contentType, headerFilterStrategy);
    }

    /**
     * @param  value see {@link #useHeaderFrom()}
     * @return       a copy with the value changed
     */
    public MailBindingOptions withUseHeaderFrom(boolean value) {
        return new MailBindingOptions(mapMailMessage, useHeaderRecipients, value, useHeaderReplyTo, useHeaderSubject,
                defaultCharset, contentType, headerFilterStrategy);
    }

    /**
     * @param  value see {@link #useHeaderReplyTo()}
     * @return       a copy with the value changed
     */
    public MailBindingOptions withUseHeaderReplyTo(boolean value) {
        return new MailBindingOptions(mapMailMessage, useHeaderRecipients, useHeaderFrom, value, useHeaderSubject,
                defaultCharset, contentType, headerFilterStrategy);
    }

    /**
     * @param  value see {@link #useHeaderSubject()}
     * @return       a copy with the value changed
     */
    public MailBindingOptions withUseHeaderSubject(boolean value) {
        return new MailBindingOptions(mapMailMessage, useHeaderRecipients, useHeaderFrom, useHeaderReplyTo, value,
                defaultCharset, contentType, headerFilterStrategy);
    }

    /**
     * @param  value see {@link #defaultCharset()}
     * @return       a copy with the value changed
     */
    public MailBindingOptions withDefaultCharset(String value) {
        return new MailBindingOptions(mapMailMessage, useHeaderRecipients, useHeaderFrom, useHeaderReplyTo,
                useHeaderSubject, value, contentType, headerFilterStrategy);
    }

    /**
     * @param  value see {@link #contentType()}
     * @return       a copy with the value changed
     */
    public MailBindingOptions withContentType(String value) {
        return new MailBindingOptions(mapMailMessage, useHeaderRecipients, useHeaderFrom, useHeaderReplyTo,
                useHeaderSubject, defaultCharset, value, headerFilterStrategy);
    }

    /**
     * @param  value see {@link #headerFilterStrategy()}
     * @return       a copy with the value changed
     */
    public MailBindingOptions withHeaderFilterStrategy(HeaderFilterStrategy value) {
        return new MailBindingOptions(mapMailMessage, useHeaderRecipients, useHeaderFrom, useHeaderReplyTo,
                useHeaderSubject, defaultCharset, contentType, value);
    }
}
