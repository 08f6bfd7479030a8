package io.netproto.camel.nntp;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

/**
 * Keeps posted header fields in US-ASCII as RFC 5536 asks: non-ASCII text in unstructured fields (Subject,
 * Organization, X- fields...) becomes RFC 2047 encoded-words, in address fields (From, Reply-To, Sender) only the
 * display name is encoded, and structured fields (Newsgroups, Message-ID, References...) must be ASCII already.
 * The consumer decodes encoded-words back into text.
 */
final class NntpHeaderEncoding {

    private static final Set<String> ADDRESS_FIELDS = Set.of("from", "reply-to", "sender", "approved");
    private static final Set<String> STRUCTURED_FIELDS = Set.of("newsgroups", "message-id", "references", "date",
            "followup-to", "distribution", "expires", "supersedes", "content-type", "content-transfer-encoding",
            "mime-version");

    private NntpHeaderEncoding() {
    }

    /** The field's value as it goes on the wire; fails naming the field when it cannot be represented. */
    static String encode(String name, String value) {
        if (isAscii(value)) {
            return value;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (STRUCTURED_FIELDS.contains(lower)) {
            throw new IllegalArgumentException("The header " + name + " must be US-ASCII (RFC 5536); it contains "
                                               + "other characters: " + value);
        }
        try {
            if (ADDRESS_FIELDS.contains(lower)) {
                InternetAddress address = new InternetAddress(value, false);
                if (address.getPersonal() == null || !isAscii(address.getAddress())) {
                    throw new IllegalArgumentException("The header " + name + " has an address that is not US-ASCII: "
                                                       + value);
                }
                return new InternetAddress(address.getAddress(), address.getPersonal(),
                        StandardCharsets.UTF_8.name()).toString();
            }
            return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, StandardCharsets.UTF_8.name(), null));
        } catch (AddressException e) {
            throw new IllegalArgumentException("The header " + name + " is not a valid address: " + value, e);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** A field value with RFC 2047 encoded-words decoded; the value itself when it has none or a broken one. */
    static String decode(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
