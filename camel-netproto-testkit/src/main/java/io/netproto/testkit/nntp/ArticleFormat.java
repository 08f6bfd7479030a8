package io.netproto.testkit.nntp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Article text on the wire: parsing a posted article into header fields and body, and rendering the lines of HEAD,
 * BODY, OVER and HDR responses (RFC 3977 section 8).
 */
final class ArticleFormat {

    /** The fields of LIST OVERVIEW.FMT, in the order of every OVER line. */
    static final List<String> OVERVIEW_FORMAT = List.of("Subject:", "From:", "Date:", "Message-ID:", "References:",
            ":bytes", ":lines", "Xref:full");

    private static final String CRLF = "\r\n";

    /** A parsed article: header fields in order, and the body with each line terminated by CRLF. */
    record Parsed(List<Map.Entry<String, String>> headers, String body) {
    }

    private ArticleFormat() {
    }

    /**
     * Parses the lines of a posted article (dot-stuffing already removed): header fields up to the first empty line,
     * then the body. Continuation lines keep their folding.
     *
     * @throws ArticleRejectedException if a header line is malformed
     */
    static Parsed parse(List<String> lines) throws ArticleRejectedException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int index = 0;
        while (index < lines.size()) {
            String line = lines.get(index++);
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (headers.isEmpty()) {
                    throw new ArticleRejectedException("Continuation line before the first header field");
                }
                Map.Entry<String, String> last = headers.remove(headers.size() - 1);
                headers.add(Map.entry(last.getKey(), last.getValue() + CRLF + line));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !validFieldName(line.substring(0, colon))) {
                throw new ArticleRejectedException("Malformed header line " + (headers.size() + 1));
            }
            headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        StringBuilder body = new StringBuilder();
        for (String line : lines.subList(index, lines.size())) {
            body.append(line).append(CRLF);
        }
        return new Parsed(headers, body.toString());
    }

    /**
     * Checks the fields POST requires: From, Newsgroups and Subject, each present and not blank.
     *
     * @throws ArticleRejectedException naming the first missing field
     */
    static void requirePostingFields(List<Map.Entry<String, String>> headers) throws ArticleRejectedException {
        for (String name : List.of("From", "Newsgroups", "Subject")) {
            if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase(name) && !h.getValue().isBlank())) {
                throw new ArticleRejectedException("Missing " + name + " header");
            }
        }
    }

    static boolean validFieldName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c > ' ' && c < 0x7f && c != ':');
    }

    /** Converts any line breaks (CRLF, LF or CR) to CRLF and terminates the last line. */
    static String normalizeBody(String text) {
        if (text.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\r|\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        StringBuilder body = new StringBuilder();
        lines.forEach(line -> body.append(line).append(CRLF));
        return body.toString();
    }

    static List<String> headLines(Article article) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> header : article.headers()) {
            lines.addAll(Arrays.asList((header.getKey() + ": " + header.getValue()).split(CRLF, -1)));
        }
        return lines;
    }

    static List<String> bodyLines(Article article) {
        String body = article.body();
        if (body.isEmpty()) {
            return List.of();
        }
        List<String> lines = Arrays.asList(body.split(CRLF, -1));
        return lines.subList(0, lines.size() - 1);
    }

    /** The article's size in octets as sent (header lines, empty line, body), CRLF counted as two. */
    static long bytes(Article article) {
        long bytes = 2;
        for (String line : headLines(article)) {
            bytes += line.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        return bytes + article.body().getBytes(StandardCharsets.UTF_8).length;
    }

    /** One line of OVER output, in the order of {@link #OVERVIEW_FORMAT}; without sizes the :bytes field is empty. */
    static String overview(long number, Article article, boolean withSizes) {
        String xref = article.header("Xref").map(v -> "Xref: " + clean(v)).orElse("");
        return String.join("\t", Long.toString(number), field(article, "Subject"), field(article, "From"),
                field(article, "Date"), field(article, "Message-ID"), field(article, "References"),
                withSizes ? field(article, ":bytes") : "", field(article, ":lines"), xref);
    }

    /**
     * The value HDR reports: the metadata items {@code :bytes} and {@code :lines}, or the first header field of that
     * name, unfolded with TABs turned into spaces; empty when the article has no such field.
     */
    static String field(Article article, String name) {
        if (name.equalsIgnoreCase(":bytes")) {
            return Long.toString(bytes(article));
        }
        if (name.equalsIgnoreCase(":lines")) {
            return Integer.toString(bodyLines(article).size());
        }
        return article.header(name).map(ArticleFormat::clean).orElse("");
    }

    private static String clean(String value) {
        return value.replace(CRLF, "").replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
