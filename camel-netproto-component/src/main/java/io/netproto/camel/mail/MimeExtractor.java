package io.netproto.camel.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.DefaultAttachment;

/**
 * Takes a received MIME message apart: the body (the first text part that is not an attachment; in
 * {@code multipart/alternative} the HTML part, with the plain text as the alternative), and every other part as an
 * attachment, copied into memory so that it stays readable after the connection is closed.
 */
final class MimeExtractor {

    /** What a MIME message holds, in Camel terms. */
    record Extracted(Object body, String contentType, String alternative, Map<String, Attachment> attachments) {
    }

    /** The text types Angus Mail's content handlers read as a String (text/plain, text/html, text/xml). */
    private static final Set<String> HANDLED_TEXT = Set.of("text/plain", "text/html", "text/xml");

    private final String defaultCharset;
    private volatile StreamProvider streams;

    MimeExtractor(String defaultCharset) {
        this.defaultCharset = defaultCharset;
    }

    Extracted extract(Part message) throws MessagingException, IOException {
        State state = new State();
        walk(message, state, true);
        Object body = state.body == null ? "" : state.body;
        String contentType = state.contentType == null ? "text/plain; charset=" + defaultCharset : state.contentType;
        return new Extracted(body, contentType, state.alternative, state.attachments);
    }

    private void walk(Part part, State state, boolean top) throws MessagingException, IOException {
        if (part.isMimeType("multipart/alternative") && state.body == null) {
            alternative(part, state);
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), state, false);
            }
        } else if (state.body == null && !isAttachment(part) && part.isMimeType("text/*")) {
            state.body = text(part);
            state.contentType = part.getContentType();
        } else if (top && !isAttachment(part)) {
            state.body = bytes(part);
            state.contentType = part.getContentType();
        } else {
            state.attach(part, bytes(part));
        }
    }

    /** The last part is the richest (RFC 2046): HTML (or HTML with inline parts) wins over plain text. */
    private void alternative(Part part, State state) throws MessagingException, IOException {
        Multipart multipart = (Multipart) part.getContent();
        Part plain = null;
        Part rich = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            Part candidate = multipart.getBodyPart(i);
            if (candidate.isMimeType("text/plain") && plain == null) {
                plain = candidate;
            } else if (candidate.isMimeType("text/html") || candidate.isMimeType("multipart/related")) {
                rich = candidate;
            }
        }
        if (rich == null) {
            if (plain != null) {
                walk(plain, state, false);
            }
            return;
        }
        walk(rich, state, false);
        if (plain != null) {
            state.alternative = text(plain);
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
    }

    private String text(Part part) throws MessagingException, IOException {
        String decoded = decodedText(part);
        if (decoded != null) {
            return decoded;
        }
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (UnsupportedEncodingException e) {
            // an unknown charset: fall back to the default one below
        }
        return new String(bytes(part), charset(part));
    }

    /**
     * The text of a text/plain, text/html or text/xml part decoded here as Angus Mail's handlers for these types decode
     * it (the transfer encoding, then the charset parameter, US-ASCII when there is none), or null for anything else
     * (then {@link Part#getContent()} decodes it). Done here because Jakarta Mail looks its stream provider up anew
     * for every content it decodes (see {@link MailStreamProviders}); the provider is looked up once per extractor.
     */
    private String decodedText(Part part) throws MessagingException, IOException {
        if (!(part instanceof MimeMessage || part instanceof MimeBodyPart)) {
            return null;
        }
        ContentType type;
        String charset;
        try {
            type = new ContentType(part.getContentType());
            String name = type.getParameter("charset");
            charset = MimeUtility.javaCharset(name == null ? "us-ascii" : name);
            if (!HANDLED_TEXT.contains(type.getBaseType().toLowerCase(Locale.ROOT)) || !Charset.isSupported(charset)) {
                return null;
            }
        } catch (ParseException | IllegalArgumentException e) {
            return null; // unreadable type or charset name: Jakarta Mail's own path decides
        }
        MimePart mime = (MimePart) part;
        String encoding = mime.getEncoding();
        InputStream raw = rawStream(mime);
        if (raw == null) {
            return null;
        }
        try (raw; InputStream in = decode(raw, encoding)) {
            return in == null ? null : new String(in.readAllBytes(), Charset.forName(charset));
        }
    }

    /** The part's content as received, or null for a part built in memory (it has no such bytes). */
    private static InputStream rawStream(MimePart part) {
        try {
            return part instanceof MimeMessage message ? message.getRawInputStream()
                    : ((MimeBodyPart) part).getRawInputStream();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The content of a raw stream in this transfer encoding, or null when it is one left to Jakarta Mail. */
    private InputStream decode(InputStream raw, String encoding) {
        if (encoding == null) {
            return raw;
        }
        return switch (encoding.toLowerCase(Locale.ROOT)) {
            case "7bit", "8bit", "binary" -> raw;
            case "base64" -> streams().inputBase64(raw);
            case "quoted-printable" -> streams().inputQP(raw);
            default -> null;
        };
    }

    private StreamProvider streams() {
        StreamProvider provider = streams;
        if (provider == null) {
            provider = StreamProvider.provider();
            streams = provider;
        }
        return provider;
    }

    private Charset charset(Part part) throws MessagingException {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null && Charset.isSupported(MimeUtility.javaCharset(name))) {
                return Charset.forName(MimeUtility.javaCharset(name));
            }
        } catch (ParseException | IllegalArgumentException e) {
            // unreadable Content-Type: the default charset
        }
        return Charset.forName(defaultCharset);
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return "application/octet-stream";
        }
    }

    /** The walk's findings so far. */
    private static final class State {
        private Object body;
        private String contentType;
        private String alternative;
        private final Map<String, Attachment> attachments = new LinkedHashMap<>();

        void attach(Part part, byte[] content) throws MessagingException {
            String name = uniqueName(safe(name(part), attachments.size() + 1));
            ByteArrayDataSource source = new ByteArrayDataSource(content, baseType(part));
            source.setName(name);
            DefaultAttachment attachment = new DefaultAttachment(source);
            for (Enumeration<Header> headers = part.getAllHeaders(); headers.hasMoreElements();) {
                Header header = headers.nextElement();
                attachment.addHeader(header.getName(), MimeUtility.unfold(header.getValue()));
            }
            attachments.put(name, attachment);
        }

        private String name(Part part) throws MessagingException {
            String fileName = part.getFileName();
            if (fileName != null) {
                try {
                    return MimeUtility.decodeText(fileName);
                } catch (UnsupportedEncodingException e) {
                    return fileName;
                }
            }
            String[] contentId = part.getHeader("Content-ID");
            if (contentId != null && contentId.length > 0) {
                String id = contentId[0].trim();
                return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
            }
            String subType = baseType(part).substring(baseType(part).indexOf('/') + 1);
            String extension = part.isMimeType("message/rfc822") ? "eml" : subType.equals("plain") ? "txt" : subType;
            return "part-" + (attachments.size() + 1) + "." + extension;
        }

        /**
         * No line breaks (the name becomes a header parameter when sent on), no path separators, and never "", "." or
         * "..": a route writing attachments under their names cannot leave its directory.
         */
        private static String safe(String name, int index) {
            StringBuilder safe = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                safe.append(c < 0x20 || c == 0x7f || c == '/' || c == '\\' ? '_' : c);
            }
            String result = safe.toString().strip();
            return result.isEmpty() || result.equals(".") || result.equals("..") ? "part-" + index + ".bin" : result;
        }

        private String uniqueName(String name) {
            String unique = name;
            for (int n = 2; attachments.containsKey(unique); n++) {
                int dot = name.lastIndexOf('.');
                unique = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
            }
            return unique;
        }
    }
}
