package io.netproto.camel.imap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.netproto.camel.support.ProtocolArguments;
import jakarta.mail.Flags;

/** IMAP flags and keywords: checked from headers, converted to and from Jakarta Mail's {@link Flags}. */
final class ImapFlags {

    private static final Pattern FLAG = Pattern.compile("\\\\?[A-Za-z0-9$_.\\-]+");

    private ImapFlags() {
    }

    /** The flags as IMAP names: {@code \Seen}, {@code \Flagged}, …, then the keywords. */
    static List<String> names(Flags flags) {
        List<String> names = new ArrayList<>();
        for (Flags.Flag flag : flags.getSystemFlags()) {
            names.add(systemFlagName(flag));
        }
        names.addAll(Arrays.asList(flags.getUserFlags()));
        return names;
    }

    private static String systemFlagName(Flags.Flag flag) {
        if (flag == Flags.Flag.ANSWERED) {
            return "\\Answered";
        } else if (flag == Flags.Flag.DELETED) {
            return "\\Deleted";
        } else if (flag == Flags.Flag.DRAFT) {
            return "\\Draft";
        } else if (flag == Flags.Flag.FLAGGED) {
            return "\\Flagged";
        } else if (flag == Flags.Flag.RECENT) {
            return "\\Recent";
        } else if (flag == Flags.Flag.SEEN) {
            return "\\Seen";
        }
        return "\\*";
    }

    /** Checks a flags list such as {@code \Seen $Label} and returns it space-separated. */
    static String flagList(String flags) {
        if (flags == null) {
            throw new IllegalArgumentException("This IMAP operation needs flags: set the header " + ImapConstants.FLAGS
                                               + " (such as \\Seen \\Flagged $Label)");
        }
        String text = ProtocolArguments.requireSingleLine("header " + ImapConstants.FLAGS, flags).trim();
        if (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).trim();
        }
        if (text.isEmpty()) {
            return "";
        }
        String[] words = text.split("[\\s,]+");
        for (String word : words) {
            if (!FLAG.matcher(word).matches()) {
                throw new IllegalArgumentException("Invalid IMAP flag or keyword '" + word + "' in header " + ImapConstants.FLAGS
                                                   + ": use \\Seen, \\Answered, \\Flagged, \\Deleted, \\Draft or a keyword atom");
            }
        }
        return String.join(" ", words);
    }

    /** The flags of a header such as {@code \Seen $Label} as Jakarta Mail {@link Flags}. */
    static Flags toFlags(String flags) {
        Flags result = new Flags();
        String list = flagList(flags);
        if (list.isEmpty()) {
            return result;
        }
        for (String word : list.split(" ")) {
            switch (word.toLowerCase(Locale.ROOT)) {
                case "\\seen" -> result.add(Flags.Flag.SEEN);
                case "\\answered" -> result.add(Flags.Flag.ANSWERED);
                case "\\flagged" -> result.add(Flags.Flag.FLAGGED);
                case "\\deleted" -> result.add(Flags.Flag.DELETED);
                case "\\draft" -> result.add(Flags.Flag.DRAFT);
                default -> {
                    if (word.startsWith("\\")) {
                        throw new IllegalArgumentException("Unknown IMAP system flag " + word);
                    }
                    result.add(word);
                }
            }
        }
        return result;
    }
}
