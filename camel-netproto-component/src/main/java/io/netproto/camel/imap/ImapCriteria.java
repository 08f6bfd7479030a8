package io.netproto.camel.imap;

import java.util.regex.Pattern;

import io.netproto.camel.support.ProtocolArguments;

/** Checks IMAP search criteria before they become part of a UID SEARCH command line. */
final class ImapCriteria {

    private static final Pattern LITERAL = Pattern.compile("\\{\\d+\\+?}");

    private ImapCriteria() {
    }

    /** Returns the criteria when they are one line of printable ASCII with balanced quotes and no literal. */
    static String check(String what, String criteria) {
        ProtocolArguments.requireValue(what, criteria);
        boolean quoted = false;
        for (int i = 0; i < criteria.length(); i++) {
            char c = criteria.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("The " + what + " must be printable ASCII (character " + (int) c
                                                   + " at " + i + "): non-ASCII search text is not supported yet");
            }
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("The " + what + " has an unterminated quoted string: " + criteria);
        }
        if (LITERAL.matcher(criteria).find()) {
            throw new IllegalArgumentException("The " + what + " must not contain IMAP literals ({n}): quote the text");
        }
        return criteria;
    }
}
