package io.netproto.camel.nntp;

import java.util.List;

/**
 * One line of an OVER/XOVER reply (RFC 3977 section 8.3).
 *
 * @param number     the article number
 * @param subject    the Subject
 * @param from       the From
 * @param date       the Date, as sent
 * @param messageId  the Message-ID
 * @param references the References, possibly empty
 * @param bytes      the article size in octets (-1 when not reported)
 * @param lines      the body's line count (-1 when not reported)
 * @param extra      further fields the server lists in LIST OVERVIEW.FMT (e.g. {@code Xref: ...})
 */
public record NntpOverview(long number, String subject, String from, String date, String messageId, String references,
        long bytes, long lines, List<String> extra) {

    public NntpOverview {
        extra = List.copyOf(extra);
    }

    /** Parses a tab-separated overview line. */
    static NntpOverview parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 8) {
            throw new IllegalArgumentException("Malformed overview line: " + line);
        }
        return new NntpOverview(Long.parseLong(f[0].strip()), f[1], f[2], f[3], f[4], f[5], parseLong(f[6]), parseLong(f[7]),
                List.of(f).subList(8, f.length));
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
