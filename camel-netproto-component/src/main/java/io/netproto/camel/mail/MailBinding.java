package io.netproto.camel.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.netproto.camel.support.ProtocolArguments;
import jakarta.mail.Header;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.apache.camel.converter.stream.CachedOutputStream;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Maps Camel messages to MIME messages and back, for every mail endpoint (smtp, pop3, imap).
 * <p>
 * Outgoing: the body becomes a {@code text/plain} part (or the type of the {@code Content-Type} header, e.g.
 * {@code text/html}), the header {@value MailHeaders#ALTERNATIVE_BODY} adds a plain-text alternative
 * ({@code multipart/alternative}), Camel attachments become MIME parts (inline ones, with a {@code Content-ID}, in
 * {@code multipart/related}). Sender, recipients, reply address and subject come from the endpoint's
 * {@link MailAddressing}, or from the headers {@code From}, {@code To}/{@code Cc}/{@code Bcc}, {@code Reply-To} and
 * {@code Subject} only where {@link MailBindingOptions} allows it. Other headers are copied as MIME headers unless the
 * {@link HeaderFilterStrategy} drops them. A header value with CR or LF is refused with an
 * {@link IllegalArgumentException} naming the header. Non-ASCII subjects and header values are encoded (RFC 2047).
 * <p>
 * Incoming: MIME headers become Camel headers (unfolded, RFC 2047 decoded, several values as a list), except those
 * the strategy drops (Camel's own names); the body is the text of the message, attachments become Camel attachments
 * ({@link AttachmentMessage}); or, raw, the body is the whole RFC 822 message as a re-readable stream.
 */
public class MailBinding {

    /** Headers the binding sets itself, never copied as they are. */
    private static final Set<String> RESERVED = Set.of("to", "cc", "bcc", "from", "sender", "reply-to", "subject",
            "content-type", "content-transfer-encoding", "content-disposition", "content-id", "content-length",
            "mime-version", "message-id", "return-path", MailHeaders.ALTERNATIVE_BODY.toLowerCase(Locale.ROOT));

    private final MailBindingOptions options;
    private final MimeComposer composer;
    private final MimeExtractor extractor;

    /** A binding with {@link MailBindingOptions#defaults()}. */
    public MailBinding() {
        this(MailBindingOptions.defaults());
    }

    /**
     * @param options how to map
     */
    public MailBinding(MailBindingOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.composer = new MimeComposer(options.defaultCharset());
        this.extractor = new MimeExtractor(options.defaultCharset());
    }

    /** @return the options of this binding */
    public MailBindingOptions options() {
        return options;
    }

    /**
     * Builds the MIME message to send for the exchange's message.
     *
     * @param  session                  the Jakarta Mail session of the endpoint
     * @param  exchange                 the exchange; its current message ({@link Exchange#getMessage()}) is sent
     * @param  defaults                 the endpoint's sender, recipients, reply address and subject
     * @return                          the message, with {@code saveChanges()} done
     * @throws IllegalArgumentException when a header value holds CR or LF, an address is invalid, or there is no
     *                                  recipient; the message names the header or option
     * @throws MessagingException       when the MIME message cannot be built
     */
    public MimeMessage toMimeMessage(Session session, Exchange exchange, MailAddressing defaults)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        populate(message, exchange, defaults);
        return message;
    }

    /**
     * Like {@link #toMimeMessage(Session, Exchange, MailAddressing)}, into a given empty message (for example a
     * subclass carrying protocol options).
     *
     * @param  target             the empty message to fill
     * @param  exchange           the exchange whose current message is sent
     * @param  defaults           the endpoint's sender, recipients, reply address and subject
     * @throws MessagingException when the MIME message cannot be built
     */
    public void populate(MimeMessage target, Exchange exchange, MailAddressing defaults) throws MessagingException {
        Message in = exchange.getMessage();
        MailAddressing configured = defaults == null ? MailAddressing.NONE : defaults;
        String charset = options.defaultCharset();
        copyHeaders(in, target, exchange, charset);
        address(in, target, configured);
        String subject = choose(in, MailHeaders.SUBJECT, options.useHeaderSubject(), configured.subject());
        if (subject != null) {
            target.setSubject(subject, charset);
        }
        try {
            composer.compose(target, in, contentType(in));
        } catch (IOException e) {
            throw new MessagingException("Cannot read the message body: " + e.getMessage(), e);
        }
        if (target.getSentDate() == null) {
            target.setSentDate(new Date());
        }
        target.saveChanges();
    }

    /**
     * Maps a received message: as {@link #fill(Message, MimeMessage, boolean)} with {@code raw} =
     * {@code !options().mapMailMessage()}.
     *
     * @param  target             the Camel message to fill
     * @param  source             the received message
     * @return                    the message holding the result, see {@link #fill(Message, MimeMessage, boolean)}
     * @throws MessagingException when the message cannot be read
     * @throws IOException        when the message content cannot be read
     */
    public Message fill(Message target, MimeMessage source) throws MessagingException, IOException {
        return fill(target, source, !options.mapMailMessage());
    }

    /**
     * Maps a received message onto a Camel message: headers always; then either the body and attachments, or
     * ({@code raw}) the whole RFC 822 message as the body, a re-readable stream (spooled to disk by Camel's stream
     * caching when large).
     * <p>
     * Attachments are stored on {@code target} itself, where every {@link AttachmentMessage} view of it sees them
     * (e.g. {@code exchange.getIn(AttachmentMessage.class)}, as with camel-mail); {@code target} stays the exchange's
     * message.
     *
     * @param  target             the Camel message to fill
     * @param  source             the received message
     * @param  raw                {@code true} for the raw RFC 822 stream as body
     * @return                    {@code target}, or when attachments arrived an {@link AttachmentMessage} view of it
     * @throws MessagingException when the message cannot be read
     * @throws IOException        when the message content cannot be read
     */
    public Message fill(Message target, MimeMessage source, boolean raw) throws MessagingException, IOException {
        Exchange exchange = target.getExchange();
        for (Map.Entry<String, Object> header : headers(source, exchange).entrySet()) {
            target.setHeader(header.getKey(), header.getValue());
        }
        if (raw) {
            target.setBody(rawStream(source, exchange));
            return target;
        }
        MimeExtractor.Extracted extracted = extractor.extract(source);
        target.setBody(extracted.body());
        target.setHeader(MailHeaders.CONTENT_TYPE, extracted.contentType());
        if (extracted.alternative() != null) {
            target.setHeader(MailHeaders.ALTERNATIVE_BODY, extracted.alternative());
        }
        if (extracted.attachments().isEmpty()) {
            return target;
        }
        AttachmentMessage attachments = attachmentMessage(target);
        extracted.attachments().forEach(attachments::addAttachmentObject);
        return attachments;
    }

    // ---- outgoing ----

    private void copyHeaders(Message in, MimeMessage target, Exchange exchange, String charset)
            throws MessagingException {
        HeaderFilterStrategy filter = options.headerFilterStrategy();
        for (Map.Entry<String, Object> header : in.getHeaders().entrySet()) {
            String name = header.getKey();
            ProtocolArguments.requireSingleLine("mail header name " + name, name);
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT)) || !isFieldName(name)
                    || filter.applyFilterToCamelHeaders(name, header.getValue(), exchange)) {
                continue;
            }
            for (String value : values(header.getValue())) {
                ProtocolArguments.requireSingleLine("mail header " + name, value);
                target.addHeader(name, encode(value, charset));
            }
        }
    }

    private void address(Message in, MimeMessage target, MailAddressing defaults) throws MessagingException {
        String from = choose(in, MailHeaders.FROM, options.useHeaderFrom(), defaults.from());
        if (from != null) {
            target.addFrom(parse(MailHeaders.FROM, from));
        }
        String sender = choose(in, MailHeaders.SENDER, options.useHeaderFrom(), null);
        if (sender != null) {
            InternetAddress[] parsed = parse(MailHeaders.SENDER, sender);
            if (parsed.length > 0) {
                target.setSender(parsed[0]);
            }
        }
        boolean fromHeaders = options.useHeaderRecipients() && (in.getHeader(MailHeaders.TO) != null
                || in.getHeader(MailHeaders.CC) != null || in.getHeader(MailHeaders.BCC) != null);
        recipients(target, RecipientType.TO, MailHeaders.TO, fromHeaders ? header(in, MailHeaders.TO) : defaults.to());
        recipients(target, RecipientType.CC, MailHeaders.CC, fromHeaders ? header(in, MailHeaders.CC) : defaults.cc());
        recipients(target, RecipientType.BCC, MailHeaders.BCC,
                fromHeaders ? header(in, MailHeaders.BCC) : defaults.bcc());
        Object[] all = target.getAllRecipients();
        if (all == null || all.length == 0) {
            throw new IllegalArgumentException("The mail has no recipient: set the option to, cc or bcc"
                                               + (options.useHeaderRecipients() ? ", or the header To, Cc or Bcc"
                                                       : " (headers To, Cc and Bcc are used only with useHeaderRecipients=true)"));
        }
        String replyTo = choose(in, MailHeaders.REPLY_TO, options.useHeaderReplyTo(), defaults.replyTo());
        if (replyTo != null) {
            target.setReplyTo(parse(MailHeaders.REPLY_TO, replyTo));
        }
    }

    private static void recipients(MimeMessage target, RecipientType type, String name, String value)
            throws MessagingException {
        if (value != null && !value.isBlank()) {
            target.addRecipients(type, parse(name, value));
        }
    }

    /** The header's value when allowed and present, else the endpoint's value; checked for line breaks. */
    private static String choose(Message in, String name, boolean allowed, String configured) {
        String value = allowed ? header(in, name) : null;
        return ProtocolArguments.requireSingleLine("mail header " + name, value != null ? value : configured);
    }

    private static String header(Message in, String name) {
        Object value = in.getHeader(name);
        if (value == null) {
            return null;
        }
        return String.join(", ", values(value));
    }

    private static InternetAddress[] parse(String name, String value) {
        ProtocolArguments.requireSingleLine("mail header " + name, value);
        try {
            return InternetAddress.parse(value, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Invalid address in " + name + " (" + value + "): " + e.getMessage(), e);
        }
    }

    private String contentType(Message in) {
        String type = in.getHeader(MailHeaders.CONTENT_TYPE, String.class);
        if (type == null || type.isBlank() || type.trim().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            // a received multipart message's type describes its old structure, not this body
            return options.contentType();
        }
        return ProtocolArguments.requireSingleLine("mail header " + MailHeaders.CONTENT_TYPE, type);
    }

    private static List<String> values(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> values.addAll(values(v)));
        } else if (value instanceof Object[] array) {
            for (Object v : array) {
                values.addAll(values(v));
            }
        } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>) {
            values.add(value.toString());
        }
        return values;
    }

    private static String encode(String value, String charset) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7e) {
                try {
                    return MimeUtility.fold(0, MimeUtility.encodeText(value, charset, null));
                } catch (UnsupportedEncodingException e) {
                    throw new IllegalArgumentException("Unsupported charset " + charset, e);
                }
            }
        }
        return value;
    }

    /** RFC 5322 field names: printable US-ASCII except colon. */
    private static boolean isFieldName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126 || c == ':') {
                return false;
            }
        }
        return true;
    }

    // ---- incoming ----

    private Map<String, Object> headers(MimeMessage source, Exchange exchange) throws MessagingException {
        Map<String, List<String>> collected = new LinkedHashMap<>();
        HeaderFilterStrategy filter = options.headerFilterStrategy();
        for (Enumeration<Header> all = source.getAllHeaders(); all.hasMoreElements();) {
            Header header = all.nextElement();
            String value = decode(header.getValue());
            if (!filter.applyFilterToExternalHeaders(header.getName(), value, exchange)) {
                collected.computeIfAbsent(header.getName(), n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        collected.forEach((name, list) -> headers.put(name, list.size() == 1 ? list.get(0) : List.copyOf(list)));
        return headers;
    }

    /** Unfolds and decodes (RFC 2047); line breaks a decoded value might carry become spaces. */
    private static String decode(String value) {
        if (value == null) {
            return "";
        }
        String text = MimeUtility.unfold(value);
        if (text.contains("=?")) {
            try {
                text = MimeUtility.decodeText(text);
            } catch (UnsupportedEncodingException e) {
                // unknown charset: keep the encoded form
            }
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(c == '\r' || c == '\n' || c == '\0' ? ' ' : c);
        }
        return clean.toString();
    }

    private static Object rawStream(MimeMessage source, Exchange exchange) throws MessagingException, IOException {
        if (exchange == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            source.writeTo(bytes);
            return new ByteArrayInputStream(bytes.toByteArray());
        }
        CachedOutputStream cached = new CachedOutputStream(exchange);
        try (cached) {
            source.writeTo(cached);
        }
        return cached.newStreamCache();
    }

    private static AttachmentMessage attachmentMessage(Message target) {
        return target instanceof AttachmentMessage attachments ? attachments : new DefaultAttachmentMessage(target);
    }
}
