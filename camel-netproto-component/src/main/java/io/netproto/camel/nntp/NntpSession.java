package io.netproto.camel.nntp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.netproto.camel.support.CommonsNetTrace;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.PooledSession;
import io.netproto.camel.support.ProtocolArguments;
import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.camel.support.ProtocolTrace;
import io.netproto.camel.support.TlsContexts;
import org.apache.camel.CamelContext;
import org.apache.commons.net.io.CRLFLineReader;
import org.apache.commons.net.nntp.NNTPClient;

/**
 * One NNTP connection in reader mode, logged in when a user is configured: the only class that talks to Commons
 * Net's {@link NNTPClient}. Commands Commons Net 3.13 lacks (CAPABILITIES, MODE READER, OVER, HDR, DATE, LIST ACTIVE
 * with a wildmat) are sent with {@code sendCommand} and their data read here. Every refusal becomes a
 * {@link ProtocolReplyException}, every I/O failure a {@link ConnectionFailedException}; a 480 reply logs in with
 * AUTHINFO USER/PASS and repeats the command once.
 * <p>
 * Commons Net reads and writes NNTP as ISO-8859-1, which maps every byte to one char; this class turns those chars
 * back into UTF-8 text on the way in and encodes UTF-8 text into such chars on the way out, so articles are UTF-8 on
 * the wire both ways.
 */
final class NntpSession implements PooledSession {

    static final String PROTOCOL = "NNTP";
    private static final int STANDARD_PORT = 119;
    private static final int STANDARD_TLS_PORT = 563;
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss");

    /** Commons Net's client with access to the data lines of commands it has no method for. */
    private static final class Wire extends NNTPClient {

        List<String> readData() throws IOException {
            List<String> lines = new ArrayList<>();
            while (true) {
                String line = _reader_.readLine();
                if (line == null) {
                    throw new IOException("Connection closed in the middle of a multi-line reply");
                }
                if (line.equals(".")) {
                    return lines;
                }
                lines.add(line.startsWith("..") ? line.substring(1) : line);
            }
        }

        /** One data line as sent (dot-stuffing removed), or null at the terminating dot. */
        String readDataLine() throws IOException {
            String line = _reader_.readLine();
            if (line == null) {
                throw new IOException("Connection closed in the middle of a multi-line reply");
            }
            if (line.equals(".")) {
                return null;
            }
            return line.startsWith("..") ? line.substring(1) : line;
        }

        void writeData(String text) throws IOException {
            _writer_.write(text);
        }

        void flushData() throws IOException {
            _writer_.flush();
        }

        /** After a 382 reply to STARTTLS: the TLS handshake on the open socket, then the streams over TLS. */
        void upgrade(SSLContext context, boolean verifyHostname) throws IOException {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(_socket_, _hostname_, getRemotePort(), true);
            if (verifyHostname) {
                TlsContexts.verifyHostname(tls);
            }
            tls.setUseClientMode(true);
            tls.startHandshake();
            _socket_ = tls;
            _input_ = tls.getInputStream();
            _output_ = tls.getOutputStream();
            _reader_ = new CRLFLineReader(new InputStreamReader(_input_, StandardCharsets.ISO_8859_1));
            _writer_ = new BufferedWriter(new OutputStreamWriter(_output_, StandardCharsets.ISO_8859_1));
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private final Wire client;
    private final String label;
    private final String user;
    private final String password;
    private boolean broken;
    private boolean reused;
    private boolean overUnknown;
    private boolean hdrUnknown;
    private String selectedGroup;

    private NntpSession(Wire client, String label, String user, String password) {
        this.client = client;
        this.label = label;
        this.user = user;
        this.password = password;
    }

    /**
     * Connects (implicit TLS for nntps, STARTTLS on nntp with startTls=true), switches to reader mode and logs in
     * when a user is configured.
     */
    static NntpSession open(CamelContext camelContext, NntpConfiguration cfg, boolean secure) {
        int port = cfg.effectivePort(secure ? STANDARD_TLS_PORT : STANDARD_PORT);
        String label = cfg.getHost() + ":" + port;
        Wire client = new Wire();
        client.setConnectTimeout(Math.toIntExact(cfg.getConnectTimeout()));
        client.setDefaultTimeout(Math.toIntExact(cfg.getReadTimeout()));
        if (secure) {
            client.setSocketFactory(new NntpTlsSocketFactory(TlsContexts.create(camelContext, cfg), cfg.isVerifyHostname()));
        }
        if (cfg.getDebugLevel() > 0) {
            client.addProtocolCommandListener(new CommonsNetTrace(new ProtocolTrace("nntp", cfg.getDebugLevel(), label)));
        }
        NntpSession session = new NntpSession(client, label, cfg.getUsername(), cfg.getPassword());
        try {
            client.connect(cfg.getHost(), port);
            int greeting = client.getReplyCode();
            if (greeting != 200 && greeting != 201) {
                throw new ProtocolReplyException(PROTOCOL, "connect to " + label, greeting, client.getReplyString());
            }
            client.setSoTimeout(Math.toIntExact(cfg.getReadTimeout()));
            if (!secure && cfg.isStartTls()) {
                if (client.sendCommand("STARTTLS") != 382) {
                    throw session.refused("STARTTLS");
                }
                client.upgrade(TlsContexts.create(camelContext, cfg), cfg.isVerifyHostname());
            }
            int mode = client.sendCommand("MODE READER");
            if (mode == 480 && session.user != null) {
                session.login();
                client.sendCommand("MODE READER");
            } else if (session.user != null) {
                session.login();
            }
            return session;
        } catch (IOException e) {
            session.close();
            throw new ConnectionFailedException("Cannot connect to NNTP server " + label + ": " + describe(e)
                                                + TlsContexts.trustHint(e), e);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
    }

    private void login() throws IOException {
        int code = client.sendCommand("AUTHINFO USER " + wire(user));
        if (code == 381) {
            code = client.sendCommand("AUTHINFO PASS " + wire(password == null ? "" : password));
        }
        if (code != 281) {
            throw refused("AUTHINFO USER " + user);
        }
    }

    // ---- encoding: Commons Net's ISO-8859-1 chars <-> UTF-8 text

    private static String wire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String text(String wire) {
        return new String(wire.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static List<String> decoded(List<String> wireLines) {
        List<String> lines = new ArrayList<>(wireLines.size());
        for (String line : wireLines) {
            lines.add(text(line));
        }
        return lines;
    }

    // ---- plumbing

    private <T> T io(String command, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            broken = true;
            throw new ConnectionFailedException("NNTP " + command + " failed on " + label + ": " + describe(e), e);
        }
    }

    private ProtocolReplyException refused(String command) {
        int code = client.getReplyCode();
        if (code == 400) {
            broken = true; // the server closes the connection after 400
        }
        return new ProtocolReplyException(PROTOCOL, command, code, client.getReplyString());
    }

    /** Sends a command (arguments already checked), logging in and repeating once on 480. */
    private int send(String command) throws IOException {
        int code = client.sendCommand(wire(command));
        if (code == 480 && user != null) {
            login();
            code = client.sendCommand(wire(command));
        }
        if (code == 400) {
            broken = true;
        }
        return code;
    }

    /** Sends a command and requires one of the expected codes. */
    private int expect(String command, int... expected) throws IOException {
        int code = send(command);
        for (int e : expected) {
            if (code == e) {
                return code;
            }
        }
        throw refused(command);
    }

    private static String arg(String what, String value) {
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
        return client.getReplyCode();
    }

    String lastReplyText() {
        String reply = client.getReplyString();
        return reply == null ? "" : reply.strip();
    }

    /** The reply line split into words, after the code. */
    private String[] words() {
        return lastReplyText().split("\\s+");
    }

    // ---- operations

    NntpGroup group(String name) {
        String g = arg("group", name);
        return io("GROUP", () -> {
            expect("GROUP " + g, 211);
            String[] w = words();
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
        return io("CAPABILITIES", () -> {
            expect("CAPABILITIES", 101);
            return client.readData();
        });
    }

    Instant date() {
        return io("DATE", () -> {
            expect("DATE", 111);
            String stamp = words()[1];
            return LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC);
        });
    }

    /** OVER (XOVER after a 500) for a range of the group. */
    List<NntpOverview> over(String group, String range) {
        String r = arg("range", range);
        ensureGroup(group);
        return io("OVER", () -> {
            int code = overUnknown ? 500 : send("OVER " + r);
            if (code == 500) {
                overUnknown = true;
                code = send("XOVER " + r);
            }
            if (code == 423 || code == 420) {
                return List.of(); // no articles in the range
            }
            if (code != 224) {
                throw refused("OVER/XOVER " + r);
            }
            List<NntpOverview> entries = new ArrayList<>();
            for (String line : client.readData()) {
                entries.add(NntpOverview.parse(text(line)));
            }
            return entries;
        });
    }

    /** HDR (XHDR after a 500) of one field for a range of the group. */
    List<NntpHeaderValue> hdr(String group, String field, String range) {
        String f = arg("header name", field);
        String r = arg("range", range);
        ensureGroup(group);
        return io("HDR", () -> {
            int code = hdrUnknown ? 500 : send("HDR " + f + " " + r);
            if (code == 500) {
                hdrUnknown = true;
                code = send("XHDR " + f + " " + r);
            }
            if (code == 423 || code == 420) {
                return List.of();
            }
            if (code != 225 && code != 221) {
                throw refused("HDR/XHDR " + f + " " + r);
            }
            List<NntpHeaderValue> values = new ArrayList<>();
            for (String line : client.readData()) {
                String decoded = text(line);
                int space = decoded.indexOf(' ');
                String number = space < 0 ? decoded : decoded.substring(0, space);
                String value = space < 0 ? "" : decoded.substring(space + 1);
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
        String[] w = words();
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
            return io("STAT", () -> {
                expect("STAT", 223);
                return pointer(group, false);
            });
        }
        String t = target(group, id);
        return io("STAT", () -> {
            expect("STAT " + t, 223);
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
        return io(command, () -> {
            if (from != null) {
                int code = send("STAT " + from);
                if (code == 423) {
                    return neighbour(group, status, from, forward);
                }
                if (code != 223) {
                    throw refused("STAT " + from);
                }
            }
            int code = send(command);
            if (code == 421 || code == 422) {
                return null;
            }
            if (code != 223) {
                throw refused(command);
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
        expect("STAT " + number, 223);
        return pointer(group, false);
    }

    /** HEAD (body false, headersOnly true), BODY (headersOnly false, withHeaders false) or ARTICLE. */
    NntpArticle fetch(String group, String id, boolean withHeaders, boolean withBody) {
        String t = target(group, id);
        String command = withHeaders && withBody ? "ARTICLE" : withHeaders ? "HEAD" : "BODY";
        int expected = withHeaders && withBody ? 220 : withHeaders ? 221 : 222;
        return io(command, () -> {
            expect(command + " " + t, expected);
            NntpPointer pointer = pointer(t.startsWith("<") ? null : group, t.startsWith("<"));
            List<String> lines = decoded(client.readData());
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
     * ARTICLE with the body left on the connection: the headers are read, the body is a stream of its bytes (lines
     * ending in CRLF) that must be closed before the next command on this session; closing reads what is left.
     */
    NntpArticle fetchStreaming(String group, String id, java.util.function.Consumer<java.io.InputStream> body) {
        String t = target(group, id);
        return io("ARTICLE", () -> {
            expect("ARTICLE " + t, 220);
            NntpPointer pointer = pointer(t.startsWith("<") ? null : group, t.startsWith("<"));
            List<String> headerLines = new ArrayList<>();
            String line;
            boolean ended = false;
            while ((line = client.readDataLine()) != null) {
                if (line.isEmpty()) {
                    break;
                }
                headerLines.add(text(line));
            }
            if (line == null) {
                ended = true;
            }
            List<Map.Entry<String, String>> headers = NntpParsing.headers(headerLines);
            body.accept(new BodyStream(ended));
            String messageId = pointer.messageId();
            if (messageId == null) {
                messageId = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("Message-ID"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            return new NntpArticle(new NntpPointer(pointer.group(), pointer.number(), messageId), headers, null);
        });
    }

    /** The rest of a multi-line reply as bytes; a failure to read marks the session broken. */
    private final class BodyStream extends java.io.InputStream {
        private byte[] buffer = new byte[0];
        private int position;
        private boolean ended;

        BodyStream(boolean ended) {
            this.ended = ended;
        }

        private boolean fill() throws IOException {
            while (position >= buffer.length) {
                if (ended) {
                    return false;
                }
                String line;
                try {
                    line = client.readDataLine();
                } catch (IOException e) {
                    broken = true;
                    ended = true;
                    throw e;
                }
                if (line == null) {
                    ended = true;
                    return false;
                }
                buffer = (line + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                position = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? buffer[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            while (fill()) {
                position = buffer.length;
            }
        }
    }

    /** LIST ACTIVE, optionally with a wildmat. */
    List<NntpGroup> listActive(String wildmat) {
        String w = wildmat == null ? null : arg("wildmat", wildmat);
        return io("LIST ACTIVE", () -> {
            expect(w == null ? "LIST ACTIVE" : "LIST ACTIVE " + w, 215);
            return NntpParsing.active(decoded(client.readData()));
        });
    }

    /** NEWGROUPS since the given time (sent in GMT). */
    List<NntpGroup> newgroups(Instant since) {
        String time = WIRE_TIME.format(since.atOffset(ZoneOffset.UTC));
        return io("NEWGROUPS", () -> {
            expect("NEWGROUPS " + time + " GMT", 231);
            return NntpParsing.active(decoded(client.readData()));
        });
    }

    /** NEWNEWS for a wildmat since the given time (sent in GMT): Message-IDs. */
    List<String> newnews(String wildmat, Instant since) {
        String w = arg("wildmat", wildmat);
        String time = WIRE_TIME.format(since.atOffset(ZoneOffset.UTC));
        return io("NEWNEWS", () -> {
            expect("NEWNEWS " + w + " " + time + " GMT", 230);
            List<String> ids = new ArrayList<>();
            for (String line : client.readData()) {
                ids.add(text(line).strip());
            }
            return ids;
        });
    }

    /** POST of a complete article (header lines, empty line, body); line ends are normalised and dots stuffed. */
    void post(String article) {
        io("POST", () -> {
            expect("POST", 340);
            StringBuilder out = new StringBuilder(article.length() + 64);
            for (String line : article.split("\r\n|\r|\n", -1)) {
                out.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
            }
            if (article.endsWith("\n") || article.endsWith("\r")) {
                out.setLength(out.length() - 2); // the split left an empty last line
            }
            out.append(".\r\n");
            client.writeData(wire(out.toString()));
            client.flushData();
            int code = client.getReply();
            if (code != 240) {
                throw refused("POST");
            }
            return null;
        });
    }

    // ---- lifecycle

    @Override
    public boolean isConnected() {
        return !broken && client.isConnected();
    }

    @Override
    public void check() {
        io("DATE", () -> {
            int code = client.sendCommand("DATE");
            if (code != 111) {
                broken = true;
                throw refused("DATE");
            }
            return null;
        });
    }

    @Override
    public void close() {
        try {
            if (client.isConnected() && !broken) {
                client.sendCommand("QUIT");
            }
        } catch (IOException e) {
            // closing anyway
        }
        try {
            client.disconnect();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    @Override
    public String toString() {
        return "NntpSession[" + label + "]";
    }
}
