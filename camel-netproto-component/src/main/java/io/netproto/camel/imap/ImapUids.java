package io.netproto.camel.imap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import io.netproto.camel.support.ProtocolArguments;

/** UID sets: parsed from headers, checked, written as IMAP sequence sets. */
final class ImapUids {

    private static final String NUMBER = "(?:[1-9]\\d{0,9}|\\*)";
    private static final Pattern SET = Pattern.compile(NUMBER + "(?::" + NUMBER + ")?(?:," + NUMBER + "(?::" + NUMBER + ")?)*");

    private ImapUids() {
    }

    /** The UID set in a header value: a set string (1,3,5:9), a number, an array or a collection of numbers. */
    static String toSet(String what, Object raw) {
        if (raw == null) {
            throw new IllegalArgumentException("This IMAP operation needs UIDs: set the header " + ImapConstants.UID
                                               + " (such as 1,3,5:9 or a list of numbers)");
        }
        String set;
        if (raw instanceof Collection<?> values) {
            StringJoiner joiner = new StringJoiner(",");
            values.forEach(v -> joiner.add(String.valueOf(v).trim()));
            set = joiner.toString();
        } else if (raw instanceof long[] values) {
            StringJoiner joiner = new StringJoiner(",");
            for (long v : values) {
                joiner.add(Long.toString(v));
            }
            set = joiner.toString();
        } else {
            set = ProtocolArguments.requireSingleLine(what, raw.toString()).replace(" ", "");
        }
        if (!SET.matcher(set).matches()) {
            throw new IllegalArgumentException("The " + what + " must be a UID set such as 1,3,5:9 (positive numbers), was '"
                                               + set + "'");
        }
        return set;
    }

    /** The UIDs of a set without {@code *}, such as the ones in a COPYUID response. */
    static List<Long> expand(String set) {
        List<Long> result = new ArrayList<>();
        for (String range : set.split(",")) {
            int colon = range.indexOf(':');
            if (colon < 0) {
                result.add(Long.parseLong(range));
            } else {
                long a = Long.parseLong(range.substring(0, colon));
                long b = Long.parseLong(range.substring(colon + 1));
                for (long uid = Math.min(a, b); uid <= Math.max(a, b); uid++) {
                    result.add(uid);
                }
            }
        }
        return result;
    }

    /** A set string of UIDs. */
    static String of(Collection<Long> uids) {
        StringJoiner joiner = new StringJoiner(",");
        uids.forEach(uid -> joiner.add(Long.toString(uid)));
        return joiner.toString();
    }
}
