package io.netproto.camel.nntp;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.netproto.camel.support.ProtocolArguments;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * Builds the article of a post from a Camel message: From, Newsgroups and Subject are required (Newsgroups defaults
 * to the plain groups of the endpoint URI); the RFC 5536 fields below and any X- field are passed on; a Message-ID is
 * generated when none is given and kept in an exchange property, so a redelivery posts the same Message-ID and the
 * server recognises the retry (441 duplicate) instead of posting twice. Non-ASCII header text is RFC 2047 encoded
 * ({@link NntpHeaderEncoding}); a non-ASCII body without a Content-Type is declared as UTF-8 text.
 */
final class NntpPost {

    /** Exchange property holding the Message-ID generated for the exchange's post. */
    static final String GENERATED_ID = "CamelNntpGeneratedMessageId";

    private static final Set<String> PASSED_ON = Set.of("from", "newsgroups", "subject", "message-id", "date", "references",
            "reply-to", "followup-to", "organization", "distribution", "expires", "keywords", "summary", "sender",
            "content-type", "content-transfer-encoding", "mime-version", "user-agent", "approved", "supersedes");

    /** The fields composed first, from their own rules; skipped when passing the other headers on. */
    private static final Set<String> COMPOSED = Set.of("from", "newsgroups", "subject", "message-id");

    /** RFC 5322 field name: printable ASCII except the colon. */
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");

    private NntpPost() {
    }

    record Composed(String messageId, String article) {
    }

    static Composed compose(Exchange exchange, NntpConfiguration cfg) throws InvalidPayloadException {
        Message in = exchange.getIn();
        String from = required(in, "From", null);
        String groups = required(in, "Newsgroups", plainGroups(cfg));
        String subject = required(in, "Subject", null);
        String messageId = in.getHeader("Message-ID", String.class);
        if (messageId == null) {
            messageId = exchange.getProperty(GENERATED_ID, String.class);
        }
        if (messageId == null) {
            messageId = "<" + UUID.randomUUID() + "@" + cfg.getMessageIdDomain() + ">";
            exchange.setProperty(GENERATED_ID, messageId);
        }
        ProtocolArguments.requireSingleLine("header Message-ID", messageId);
        if (!messageId.startsWith("<") || !messageId.endsWith(">") || messageId.contains(" ")) {
            throw new IllegalArgumentException("The header Message-ID must look like <id@domain>, was " + messageId);
        }
        StringBuilder article = new StringBuilder();
        field(article, "From", from);
        field(article, "Newsgroups", groups);
        field(article, "Subject", subject);
        field(article, "Message-ID", messageId);
        for (Map.Entry<String, Object> h : in.getHeaders().entrySet()) {
            String name = h.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean passed = PASSED_ON.contains(lower) || lower.startsWith("x-");
            if (!passed || COMPOSED.contains(lower) || h.getValue() == null) {
                continue;
            }
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("The header name '" + name + "' is not a valid article field name");
            }
            field(article, name, exchange.getContext().getTypeConverter().convertTo(String.class, exchange, h.getValue()));
        }
        String body = in.getMandatoryBody(String.class);
        if (!NntpHeaderEncoding.isAscii(body) && in.getHeader("Content-Type") == null) {
            field(article, "MIME-Version", "1.0");
            field(article, "Content-Type", "text/plain; charset=UTF-8");
            field(article, "Content-Transfer-Encoding", "8bit");
        }
        article.append("\r\n");
        article.append(body);
        return new Composed(messageId, article.toString());
    }

    private static String plainGroups(NntpConfiguration cfg) {
        if (cfg.getGroups() == null || cfg.groupList().stream().anyMatch(NntpConfiguration::isWildmat)) {
            return null;
        }
        return String.join(",", cfg.groupList());
    }

    private static String required(Message in, String name, String fallback) {
        String value = in.getHeader(name, String.class);
        if (value == null || value.isBlank()) {
            value = fallback;
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Operation post needs the header " + name + " (required fields: From, "
                                               + "Newsgroups, Subject); it is missing");
        }
        return value;
    }

    private static void field(StringBuilder article, String name, String value) {
        ProtocolArguments.requireSingleLine("header " + name, value);
        article.append(name).append(": ").append(NntpHeaderEncoding.encode(name, value)).append("\r\n");
    }
}
