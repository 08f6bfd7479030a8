package io.netproto.camel.imap;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A part of a message the fetch operation can ask for, with its IMAP FETCH item. */
public enum ImapFetchPart {
    /** The whole message: mapped onto the Camel message (one UID only), like the consumer delivers it. */
    RFC822("BODY.PEEK[]"),
    /** The header block, as text. */
    HEADER("BODY.PEEK[HEADER]"),
    /** The body without the header block, as bytes. */
    TEXT("BODY.PEEK[TEXT]"),
    /** The flags and keywords. */
    FLAGS("FLAGS"),
    /** The envelope (date, subject, addresses, message id). */
    ENVELOPE("ENVELOPE"),
    /** The MIME structure. */
    BODYSTRUCTURE("BODYSTRUCTURE"),
    /** The size in octets. */
    SIZE("RFC822.SIZE");

    private final String item;

    ImapFetchPart(String item) {
        this.item = item;
    }

    /** The FETCH item sent to the server (bodies are always fetched with PEEK, so fetching never sets \Seen). */
    String item() {
        return item;
    }

    /**
     * Parses a parts list such as {@code (FLAGS ENVELOPE BODY[HEADER])} or {@code RFC822.SIZE,FLAGS}: IMAP names
     * (RFC822, BODY[], BODY[HEADER], RFC822.HEADER, BODY[TEXT], RFC822.TEXT, FLAGS, ENVELOPE, BODYSTRUCTURE,
     * RFC822.SIZE) and this enum's names are accepted, case-insensitively.
     */
    static Set<ImapFetchPart> parse(String parts) {
        Set<ImapFetchPart> result = EnumSet.noneOf(ImapFetchPart.class);
        String text = parts.trim();
        if (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1);
        }
        for (String word : text.split("[\\s,]+")) {
            if (word.isEmpty()) {
                continue;
            }
            result.add(of(word.toUpperCase(Locale.ROOT).replace(".PEEK", "")));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("No fetch parts given in '" + parts + "'");
        }
        return result;
    }

    private static ImapFetchPart of(String word) {
        switch (word) {
            case "RFC822", "BODY[]":
                return RFC822;
            case "HEADER", "BODY[HEADER]", "RFC822.HEADER":
                return HEADER;
            case "TEXT", "BODY[TEXT]", "RFC822.TEXT":
                return TEXT;
            case "FLAGS":
                return FLAGS;
            case "ENVELOPE":
                return ENVELOPE;
            case "BODYSTRUCTURE":
                return BODYSTRUCTURE;
            case "SIZE", "RFC822.SIZE":
                return SIZE;
            default:
                throw new IllegalArgumentException("Unknown or unsupported IMAP fetch part '" + word + "'; valid: RFC822,"
                                                   + " BODY[], BODY[HEADER], BODY[TEXT], FLAGS, ENVELOPE, BODYSTRUCTURE,"
                                                   + " RFC822.SIZE");
        }
    }
}
