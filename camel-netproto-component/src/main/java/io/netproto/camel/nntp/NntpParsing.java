package io.netproto.camel.nntp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses the data lines of NNTP replies (already decoded text, dot-stuffing removed). */
final class NntpParsing {

    private NntpParsing() {
    }

    /** The header fields of ARTICLE or HEAD data, unfolded, up to the empty line. */
    static List<Map.Entry<String, String>> headers(List<String> lines) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                headers.add(Map.entry(name, value.toString()));
            }
            int colon = line.indexOf(':');
            name = colon < 0 ? line : line.substring(0, colon);
            value = new StringBuilder(colon < 0 ? "" : line.substring(colon + 1).strip());
        }
        if (name != null) {
            headers.add(Map.entry(name, value.toString()));
        }
        return headers;
    }

    /** The body of ARTICLE data (after the first empty line) or of BODY data (all of it), lines ending in CRLF. */
    static String body(List<String> lines, boolean afterHeaders) {
        int index = 0;
        if (afterHeaders) {
            while (index < lines.size() && !lines.get(index).isEmpty()) {
                index++;
            }
            index++;
        }
        StringBuilder body = new StringBuilder();
        for (; index < lines.size(); index++) {
            body.append(lines.get(index)).append("\r\n");
        }
        return body.toString();
    }

    /** LIST ACTIVE / NEWGROUPS lines: {@code name high low status}. */
    static List<NntpGroup> active(List<String> lines) {
        List<NntpGroup> groups = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\\s+");
            if (f.length >= 3) {
                long last = Long.parseLong(f[1]);
                long first = Long.parseLong(f[2]);
                groups.add(new NntpGroup(Math.max(0, last - first + 1), first, last, f[0]));
            }
        }
        return groups;
    }
}
