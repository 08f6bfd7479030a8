package io.netproto.testkit.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback front for the plain IMAP port of an {@link EmbeddedMailServer} that hides capabilities: GreenMail always
 * announces IDLE, and a client must be tested against a server that does not. The front listens on its own free port
 * on {@code 127.0.0.1} and relays bytes both ways, unchanged except that the hidden capabilities are removed from the
 * server's {@code * CAPABILITY ...} responses and from {@code [CAPABILITY ...]} response codes (in the greeting and in
 * tagged or untagged {@code OK} lines). Literals ({@code {n}} at the end of a line) are relayed as they are, never
 * filtered, in both directions.
 * <p>
 * The client's lines (commands, {@code DONE}, continuation data; not the contents of literals) are recorded verbatim,
 * credentials included, so that tests can prove which commands a client sent ({@link #clientLines()}). While
 * {@link #refuseConnections(boolean) refusing}, the front closes every new connection at once, before the greeting, as
 * an unreachable server would fail a client. Sockets have {@code TCP_NODELAY} set and a 60 second read timeout; each
 * connection has its own thread, plus one for the server-to-client direction.
 *
 * <pre>
 * try (EmbeddedMailServer mail = EmbeddedMailServer.start();
 *      CapabilityFilterFront front = CapabilityFilterFront.imapWithout(mail, "IDLE")) {
 *     // connect to front.host():front.port(): the server announces no IDLE
 * }
 * </pre>
 */
public final class CapabilityFilterFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CapabilityFilterFront.class);
    private static final int TIMEOUT_MILLIS = 60_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    private static final int MAX_LINE = 1024 * 1024;
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}\\r?\\n$");
    private static final Pattern UNTAGGED_CAPABILITY = Pattern.compile("^\\* CAPABILITY( .*?)?(\\r?\\n)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CAPABILITY_CODE = Pattern.compile("\\[CAPABILITY( [^\\]]*)?]", Pattern.CASE_INSENSITIVE);

    private final InetSocketAddress upstream;
    private final Set<String> hidden;
    private final ServerSocket serverSocket;
    private final List<String> clientLines = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;
    private volatile boolean closed;

    private CapabilityFilterFront(String upstreamHost, int upstreamPort, Set<String> hidden) {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.hidden = hidden;
        try {
            serverSocket = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open an IMAP capability filter front on 127.0.0.1", e);
        }
        start("accept", this::acceptLoop);
    }

    /**
     * Starts a front before the plain IMAP port of the server that hides the given capabilities.
     *
     * @param  mail         the running server
     * @param  capabilities the capabilities to hide, such as {@code IDLE} (case-insensitive; none hides nothing)
     * @return              the running front
     */
    public static CapabilityFilterFront imapWithout(EmbeddedMailServer mail, String... capabilities) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String capability : capabilities) {
            if (capability == null || capability.isBlank() || capability.contains(" ")) {
                throw new IllegalArgumentException("A capability is one atom such as IDLE, was '" + capability + "'");
            }
            names.add(capability);
        }
        return new CapabilityFilterFront(mail.host(), mail.imapPort(), names);
    }

    /** @return {@code "127.0.0.1"}, the address the front listens on */
    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    /** @return the front's port, to connect to instead of the server's IMAP port */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * The lines the clients sent, over all connections in arrival order, verbatim without the line end (credentials
     * included), for example {@code "A1 CAPABILITY"} or {@code "A5 IDLE"}. Literal contents are not recorded.
     *
     * @return a snapshot
     */
    public List<String> clientLines() {
        return List.copyOf(clientLines);
    }

    /** @return the number of connections accepted so far, refused ones included */
    public int acceptedConnections() {
        return accepted.get();
    }

    /**
     * While refusing, the front closes each new connection as soon as it is accepted, before any greeting, so clients
     * fail to connect; connections already relaying are left alone (see {@link #dropConnections()}).
     *
     * @param refuse whether to refuse new connections
     */
    public void refuseConnections(boolean refuse) {
        this.refusing = refuse;
    }

    /** Closes every connection relaying now, as a dropped network would; the front keeps listening. */
    public void dropConnections() {
        connections.forEach(Connection::close);
    }

    /** Stops listening, closes every connection and waits briefly for the front's threads to end. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        connections.forEach(Connection::close);
        for (Thread thread : threads) {
            try {
                thread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "CapabilityFilterFront[IMAP without " + hidden + ", 127.0.0.1:" + port() + " -> " + upstream.getPort() + "]";
    }

    /** Removes the hidden capabilities from one server line (with its line end); other lines are returned as they are. */
    String filter(String line) {
        Matcher untagged = UNTAGGED_CAPABILITY.matcher(line);
        if (untagged.matches()) {
            return "* CAPABILITY" + keep(untagged.group(1)) + untagged.group(2);
        }
        Matcher code = CAPABILITY_CODE.matcher(line);
        if (code.find()) {
            return line.substring(0, code.start()) + "[CAPABILITY" + keep(code.group(1)) + "]" + line.substring(code.end());
        }
        return line;
    }

    /** The atoms of " A B C" that are not hidden, each with its leading space. */
    private String keep(String atoms) {
        if (atoms == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String atom : atoms.trim().split(" +")) {
            if (!atom.isEmpty() && !hidden.contains(atom)) {
                kept.append(' ').append(atom);
            }
        }
        return kept.toString();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                accepted.incrementAndGet();
                if (refusing || closed) {
                    LOG.debug("{} refuses the connection from {}", this, socket.getRemoteSocketAddress());
                    closeQuietly(socket);
                    continue;
                }
                Connection connection = new Connection(socket);
                connections.add(connection);
                if (closed) {
                    connection.close();
                }
                start("connection", connection);
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("{} stopped accepting", this, e);
                }
                return;
            }
        }
    }

    private Thread start(String role, Runnable task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, "capability-filter-front-" + role + "-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    /**
     * Relays line by line until end of stream or failure, then closes both sockets, ending the other direction too.
     * Each line (decoded as ISO-8859-1, so bytes pass unchanged) goes through {@code edit}, then to {@code record};
     * the literal a line announces is copied as it is.
     */
    private void relay(Socket from, Socket to, boolean fromServer, Consumer<String> record) {
        try (from; to) {
            InputStream in = new BufferedInputStream(from.getInputStream());
            OutputStream out = to.getOutputStream();
            boolean responseStart = true;
            for (String line = readLine(in); line != null; line = readLine(in)) {
                String relayed = fromServer && responseStart ? filter(line) : line;
                if (record != null) {
                    record.accept(relayed.replaceFirst("\\r?\\n$", ""));
                }
                out.write(relayed.getBytes(StandardCharsets.ISO_8859_1));
                Matcher literal = LITERAL.matcher(line);
                if (literal.find()) {
                    copy(in, out, Long.parseLong(literal.group(1)));
                    // the rest of the response or command follows the literal: it starts nothing new
                    responseStart = false;
                } else {
                    responseStart = true;
                }
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: relay from {} ended: {}", this, from.getRemoteSocketAddress(), e.toString());
        }
    }

    /** One line including its LF (and CR), or the bytes before end of stream, or null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
            if (line.size() > MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " bytes");
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("end of stream inside a literal");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            LOG.trace("Closing {}: {}", closeable, e.toString());
        }
    }

    /** One client connection relayed to its own upstream connection. */
    private final class Connection implements Runnable {
        private final Socket client;
        private final Socket server = new Socket();

        Connection(Socket client) {
            this.client = client;
        }

        @Override
        public void run() {
            try {
                client.setTcpNoDelay(true);
                client.setSoTimeout(TIMEOUT_MILLIS);
                server.setTcpNoDelay(true);
                server.setSoTimeout(TIMEOUT_MILLIS);
                if (closed) {
                    return;
                }
                server.connect(upstream, CONNECT_TIMEOUT_MILLIS);
                Thread back = start("relay", () -> relay(server, client, true, null));
                relay(client, server, false, clientLines::add);
                back.join();
            } catch (IOException e) {
                LOG.debug("{}: connection from {} ended: {}", CapabilityFilterFront.this, client.getRemoteSocketAddress(),
                        e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
                connections.remove(this);
            }
        }

        void close() {
            closeQuietly(server);
            closeQuietly(client);
        }
    }
}
