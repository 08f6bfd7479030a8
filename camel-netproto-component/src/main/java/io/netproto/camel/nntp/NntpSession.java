package io.netproto.camel.nntp;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.PooledSession;
import io.netproto.camel.support.ProtocolArguments;
import io.netproto.camel.support.ProtocolReplyException;
import org.apache.camel.CamelContext;

/**
 * One NNTP connection in reader mode, logged in when a user is configured: the reader and poster commands of RFC
 * 3977, including those Commons Net 3.13 lacks (CAPABILITIES, OVER, HDR, DATE, LIST ACTIVE with a wildmat), with
 * their replies and data lines parsed. The wire work (set-up, STARTTLS, login, 480 handling, data lines, UTF-8) is
 * {@link NntpConnection}'s; together they are the nntp session layer, the only code that talks to Commons Net. Every
 * refusal becomes a {@link ProtocolReplyException}, every I/O failure a {@link ConnectionFailedException}.
 */
final class NntpSession implements PooledSession {

    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss");

    private final NntpConnection connection;
    private boolean reused;
    private boolean overUnknown;
    private boolean hdrUnknown;
    private String selectedGroup;

    private NntpSession(NntpConnection connection) {
        this.connection = connection;
    }

    /**
     * Connects (implicit TLS for nntps, STARTTLS on nntp with startTls=true), switches to reader mode and logs in
     * when a user is configured.
     */
    static NntpSession open(CamelContext camelContext, NntpConfiguration cfg, boolean secure) {
        return new NntpSession(NntpConnection.open(camelContext, cfg, secure));
    }

    /** A command argument: one word, no CR, LF, NUL, space or tab; names {@code what} otherwise. */
    static String arg(String what, String value) {
        ProtocolArguments.requireValue(what, value);
        if (value.chars().anyMatch(c -> c == ' ' || c == '\t')) {
            throw new IllegalArgumentException("The " + what + " must not contain spaces, was '" + value + "'");
        }
        return value;
    }

    /** Whether the session served an exchange before (an idle pooled connection the server may have closed). */
    boolean isReused() {
        return reused;
    }

    void markReused() {
        reused = true;
    }

    int lastReplyCode() {
        return connection.replyCode();
    }

    String lastReplyText() {
        return connection.replyText();
    }

    NntpGroup group(String name) {
        String g = arg("group", name);
        return connection.io("GROUP", () -> {
            connection.expect("GROUP " + g, 211);
            String[] w = connection.words();
            selectedGroup = g;
            return new NntpGroup(Long.parseLong(w[1]), Long.parseLong(w[2]), Long.parseLong(w[3]), w.length > 4 ? w[4] : g);
        });
    }

    /** Selects the group unless it is selected already. */
    private void ensureGroup(String name) {
        if (!name.equals(selectedGroup)) {
            group(name);
        }
    }

    List<String> capabilities() {
        return connection.io("CAPABILITIES", () -> {
            connection.expect("CAPABILITIES", 101);
            return connection.readData();
        });
    }

    Instant date() {
        return connection.io("DATE", () -> {
            connection.expect("DATE", 111);
            String stamp = connection.words()[1];
            return LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC);
        });
    }

    /** OVER (XOVER after a 500) for a range of the group. */
    List<NntpOverview> over(String group, String range) {
        String r = arg("range", range);
        ensureGroup(group);
        return connection.io("OVER", () -> {
            int code = overUnknown ? 500 : connection.send("OVER " + r);
            if (code == 500) {
                overUnknown = true;
                code = connection.send("XOVER " + r);
            }
            if (code == 423 || code == 420) {
                return List.of(); // no articles in the range
            }
            if (code != 224) {
                throw connection.refused("OVER/XOVER " + r);
            }
            List<NntpOverview> entries = new ArrayList<>();
            for (String line : connection.readText()) {
                entries.add(NntpOverview.parse(line));
            }
            return entries;
        });
    }

    /** HDR (XHDR after a 500) of one field for a range of the group. */
    List<NntpHeaderValue> hdr(String group, String field, String range) {
        String f = arg("header name", field);
        String r = arg("range", range);
        ensureGroup(group);
        return connection.io("HDR", () -> {
            int code = hdrUnknown ? 500 : connection.send("HDR " + f + " " + r);
            if (code == 500) {
                hdrUnknown = true;
                code = connection.send("XHDR " + f + " " + r);
            }
            if (code == 423 || code == 420) {
                return List.of();
            }
            if (code != 225 && code != 221) {
                throw connection.refused("HDR/XHDR " + f + " " + r);
            }
            List<NntpHeaderValue> values = new ArrayList<>();
            for (String line : connection.readText()) {
                int space = line.indexOf(' ');
                String number = space < 0 ? line : line.substring(0, space);
                String value = space < 0 ? "" : line.substring(space + 1);
                values.add(new NntpHeaderValue(Long.parseLong(number), "(none)".equals(value) ? "" : value));
            }
            return values;
        });
    }

    /** The argument of ARTICLE/HEAD/BODY/STAT: a Message-ID as is, a number after selecting the group. */
    private String target(String group, String id) {
        String a = arg("article id", id);
        if (a.startsWith("<")) {
            if (!a.endsWith(">")) {
                throw new IllegalArgumentException("The Message-ID must be enclosed in angle brackets, was " + a);
            }
            return a;
        }
        try {
            Long.parseLong(a);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The article id must be a Message-ID in angle brackets or a number, was " + a, e);
        }
        if (group == null) {
            throw new IllegalArgumentException("An article number needs a group: set the header " + NntpConstants.GROUP
                                               + " or name a group in the endpoint URI");
        }
        ensureGroup(group);
        return a;
    }

    /** The pointer of a 22x reply ({@code code number message-id}). */
    private NntpPointer pointer(String group, boolean byMessageId) {
        String[] w = connection.words();
        long number = Long.parseLong(w[1]);
        return new NntpPointer(byMessageId && number == 0 ? null : group, number, w.length > 2 ? w[2] : null);
    }

    /** STAT of an article, or of the current article (after GROUP: the first) when id is null. */
    NntpPointer stat(String group, String id) {
        if (id == null) {
            if (group == null) {
                throw new IllegalArgumentException("stat needs a group or an article id");
            }
            group(group);
            return connection.io("STAT", () -> {
                connection.expect("STAT", 223);
                return pointer(group, false);
            });
        }
        String t = target(group, id);
        return connection.io("STAT", () -> {
            connection.expect("STAT " + t, 223);
            return pointer(t.startsWith("<") ? null : group, t.startsWith("<"));
        });
    }

    /**
     * NEXT (forward) or LAST (backward) from article {@code from} of the group (re-established with GROUP and STAT on
     * this connection), or from the group's first article when {@code from} is null. Null when there is no further
     * article (421/422). When article {@code from} has gone meanwhile (423), the neighbour is found in the overview.
     */
    NntpPointer move(String group, Long from, boolean forward) {
        String command = forward ? "NEXT" : "LAST";
        NntpGroup status = group(group);
        return connection.io(command, () -> {
            if (from != null) {
                int code = connection.send("STAT " + from);
                if (code == 423) {
                    return neighbour(group, status, from, forward);
                }
                if (code != 223) {
                    throw connection.refused("STAT " + from);
                }
            }
            int code = connection.send(command);
            if (code == 421 || code == 422) {
                return null;
            }
            if (code != 223) {
                throw connection.refused(command);
            }
            return pointer(group, false);
        });
    }

    /** The first article after (or the last before) a number that no longer exists, made the current one. */
    private NntpPointer neighbour(String group, NntpGroup status, long from, boolean forward) throws IOException {
        long low = forward ? from + 1 : status.first();
        long high = forward ? status.last() : from - 1;
        if (low > high) {
            return null;
        }
        List<NntpOverview> entries = over(group, low + "-" + high);
        if (entries.isEmpty()) {
            return null;
        }
        long number = (forward ? entries.get(0) : entries.get(entries.size() - 1)).number();
        connection.expect("STAT " + number, 223);
        return pointer(group, false);
    }

    /** HEAD (body false, headersOnly true), BODY (headersOnly false, withHeaders false) or ARTICLE. */
    NntpArticle fetch(String group, String id, boolean withHeaders, boolean withBody) {
        String t = target(group, id);
        String command = withHeaders && withBody ? "ARTICLE" : withHeaders ? "HEAD" : "BODY";
        int expected = withHeaders && withBody ? 220 : withHeaders ? 221 : 222;
        return connection.io(command, () -> {
            connection.expect(command + " " + t, expected);
            NntpPointer pointer = pointer(t.startsWith("<") ? null : group, t.startsWith("<"));
            List<String> lines = connection.readText();
            List<Map.Entry<String, String>> headers = withHeaders ? NntpParsing.headers(lines) : List.of();
            String body = withBody ? NntpParsing.body(lines, withHeaders) : null;
            String messageId = pointer.messageId();
            if (messageId == null) {
                messageId = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("Message-ID"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            return new NntpArticle(new NntpPointer(pointer.group(), pointer.number(), messageId), headers, body);
        });
    }

    /**
     * ARTICLE (withHeaders) or BODY with the body left on the connection: the headers of ARTICLE are read, the body is
     * a stream of its bytes (lines ending in CRLF) handed to {@code body}; it must be read to its end or closed before
     * the next command on this session (closing reads what is left).
     */
    NntpArticle fetchStreaming(String group, String id, boolean withHeaders, Consumer<InputStream> body) {
        String t = target(group, id);
        String command = withHeaders ? "ARTICLE" : "BODY";
        return connection.io(command, () -> {
            connection.expect(command + " " + t, withHeaders ? 220 : 222);
            NntpPointer pointer = pointer(t.startsWith("<") ? null : group, t.startsWith("<"));
            List<String> headerLines = new ArrayList<>();
            boolean ended = false;
            if (withHeaders) {
                String line;
                while ((line = connection.readTextLine()) != null && !line.isEmpty()) {
                    headerLines.add(line);
                }
                ended = line == null;
            }
            List<Map.Entry<String, String>> headers = NntpParsing.headers(headerLines);
            String messageId = pointer.messageId();
            if (messageId == null) {
                messageId = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("Message-ID"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            body.accept(connection.dataStream(ended));
            return new NntpArticle(new NntpPointer(pointer.group(), pointer.number(), messageId), headers, null);
        });
    }

    /** LIST ACTIVE, optionally with a wildmat. */
    List<NntpGroup> listActive(String wildmat) {
        String w = wildmat == null ? null : arg("wildmat", wildmat);
        return connection.io("LIST ACTIVE", () -> {
            connection.expect(w == null ? "LIST ACTIVE" : "LIST ACTIVE " + w, 215);
            return NntpParsing.active(connection.readText());
        });
    }

    /** NEWGROUPS since the given time (sent in GMT). */
    List<NntpGroup> newgroups(Instant since) {
        String time = WIRE_TIME.format(since.atOffset(ZoneOffset.UTC));
        return connection.io("NEWGROUPS", () -> {
            connection.expect("NEWGROUPS " + time + " GMT", 231);
            return NntpParsing.active(connection.readText());
        });
    }

    /** NEWNEWS for a wildmat since the given time (sent in GMT): Message-IDs. */
    List<String> newnews(String wildmat, Instant since) {
        String w = arg("wildmat", wildmat);
        String time = WIRE_TIME.format(since.atOffset(ZoneOffset.UTC));
        return connection.io("NEWNEWS", () -> {
            connection.expect("NEWNEWS " + w + " " + time + " GMT", 230);
            List<String> ids = new ArrayList<>();
            for (String line : connection.readText()) {
                ids.add(line.strip());
            }
            return ids;
        });
    }

    /** POST of a complete article (header lines, empty line, body); line ends are normalised and dots stuffed. */
    void post(String article) {
        connection.io("POST", () -> {
            connection.expect("POST", 340);
            int code = connection.sendData(dotStuffed(article));
            if (code != 240) {
                throw connection.refused("POST");
            }
            return null;
        });
    }

    /**
     * The article as NNTP data: every line ended by CRLF (whatever break it had: CRLF, CR or LF), a line starting with a
     * dot gets another one, and the terminating dot line at the end.
     */
    static String dotStuffed(String article) {
        int length = article.length();
        StringBuilder out = new StringBuilder(length + length / 32 + 8);
        boolean lineStart = true;
        for (int i = 0; i < length; i++) {
            char c = article.charAt(i);
            if (c == '\r' || c == '\n') {
                out.append("\r\n");
                lineStart = true;
                if (c == '\r' && i + 1 < length && article.charAt(i + 1) == '\n') {
                    i++;
                }
                continue;
            }
            if (lineStart && c == '.') {
                out.append('.');
            }
            out.append(c);
            lineStart = false;
        }
        if (!lineStart || length == 0) {
            out.append("\r\n");
        }
        return out.append(".\r\n").toString();
    }

    // ---- lifecycle

    @Override
    public boolean isConnected() {
        return connection.isConnected();
    }

    @Override
    public void check() {
        connection.check();
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "NntpSession[" + connection.label() + "]";
    }
}
