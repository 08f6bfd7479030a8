package io.netproto.testkit.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import io.netproto.testkit.tls.TestTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A STARTTLS front for the plain SMTP, POP3 or IMAP port of an {@link EmbeddedMailServer}, whose servers do not offer
 * STARTTLS themselves. The front listens on its own free port on {@code 127.0.0.1} and, per connection:
 * <ol>
 * <li>greets the client itself and answers in clear text: SMTP {@code EHLO}/{@code HELO} (advertising
 * {@code STARTTLS} and {@code AUTH PLAIN LOGIN}), {@code NOOP} and {@code QUIT}; POP3 {@code CAPA} (advertising
 * {@code USER}, {@code UIDL}, {@code TOP} and {@code STLS}) and {@code QUIT}; IMAP {@code CAPABILITY} (advertising
 * {@code STARTTLS} and {@code LOGINDISABLED}), {@code NOOP} and {@code LOGOUT}. Every other command is refused
 * ({@code 530 Must issue a STARTTLS command first}, {@code -ERR} or a tagged {@code NO}), so neither credentials nor
 * mail pass in clear;</li>
 * <li>on {@code STARTTLS} or {@code STLS} accepts and performs the TLS handshake as the server, presenting the test
 * certificate ({@link TestTls#serverContext()});</li>
 * <li>then connects to the upstream plain port, discards its greeting, and relays bytes both ways until either side
 * closes: the client's second {@code EHLO}, its {@code CAPA} or its {@code CAPABILITY} goes to GreenMail.</li>
 * </ol>
 * Every command line received in clear text is recorded verbatim, credentials included, so that tests can prove that
 * none travelled in clear ({@link #clearTextCommands()}). Sockets have {@code TCP_NODELAY} set and a 60 second read
 * timeout; each connection has its own thread, plus one for the upstream-to-client direction once relaying.
 *
 * <pre>
 * try (EmbeddedMailServer mail = EmbeddedMailServer.start(); StartTlsFront front = StartTlsFront.smtp(mail)) {
 *     // connect to front.host():front.port() with STARTTLS, trusting TestTls.trustStore()
 * }
 * </pre>
 */
public final class StartTlsFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartTlsFront.class);
    private static final int TIMEOUT_MILLIS = 60_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final StartTlsDialog dialog;
    private final InetSocketAddress upstream;
    private final SSLSocketFactory tls;
    private final ServerSocket serverSocket;
    private final Queue<String> clearText = new ConcurrentLinkedQueue<>();
    private final AtomicInteger upgrades = new AtomicInteger();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private StartTlsFront(StartTlsDialog dialog, String upstreamHost, int upstreamPort) {
        this(dialog, upstreamHost, upstreamPort, TestTls.serverContext());
    }

    private StartTlsFront(StartTlsDialog dialog, String upstreamHost, int upstreamPort, SSLContext certificate) {
        this.dialog = dialog;
        this.tls = certificate.getSocketFactory();
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        try {
            serverSocket = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a " + dialog.protocol() + " STARTTLS front on 127.0.0.1", e);
        }
        start("accept", this::acceptLoop);
    }

    /**
     * Starts a front offering STARTTLS before the plain SMTP port of the server.
     *
     * @param  mail the running server
     * @return      the running front
     */
    public static StartTlsFront smtp(EmbeddedMailServer mail) {
        return new StartTlsFront(StartTlsDialog.SMTP, mail.host(), mail.smtpPort());
    }

    /**
     * Starts a front offering STLS before the plain POP3 port of the server.
     *
     * @param  mail the running server
     * @return      the running front
     */
    public static StartTlsFront pop3(EmbeddedMailServer mail) {
        return new StartTlsFront(StartTlsDialog.POP3, mail.host(), mail.pop3Port());
    }

    /**
     * Starts a front offering STARTTLS (and LOGINDISABLED in clear text) before the plain IMAP port of the server.
     *
     * @param  mail the running server
     * @return      the running front
     */
    public static StartTlsFront imap(EmbeddedMailServer mail) {
        return new StartTlsFront(StartTlsDialog.IMAP, mail.host(), mail.imapPort());
    }

    /**
     * As {@link #imap(EmbeddedMailServer)}, presenting the certificate of the given context instead of the test
     * certificate (such as one naming another host).
     *
     * @param  mail        the running server
     * @param  certificate the server's TLS context
     * @return             the running front
     */
    public static StartTlsFront imap(EmbeddedMailServer mail, SSLContext certificate) {
        return new StartTlsFront(StartTlsDialog.IMAP, mail.host(), mail.imapPort(), certificate);
    }

    /** @return {@code "127.0.0.1"}, the address the front listens on */
    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    /** @return the front's port, to connect to instead of the upstream plain port */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * The command lines received in clear text, before any upgrade, over all connections in arrival order and
     * verbatim (credentials included), for example {@code "EHLO client"}, {@code "STARTTLS"}, {@code "CAPA"}.
     *
     * @return a snapshot
     */
    public List<String> clearTextCommands() {
        return List.copyOf(clearText);
    }

    /** @return the number of completed TLS handshakes, i.e. connections upgraded so far */
    public int upgrades() {
        return upgrades.get();
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
        return "StartTlsFront[" + dialog.protocol() + ", 127.0.0.1:" + port() + " -> " + upstream.getPort() + "]";
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Connection connection = new Connection(serverSocket.accept());
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
        }, "starttls-front-" + dialog.protocol() + "-" + role + "-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** Copies bytes until end of stream or failure, then closes both sockets, ending the other direction too. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("{}: relay from {} ended: {}", this, from.getRemoteSocketAddress(), e.toString());
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

    /** One client connection: the clear-text dialog, the upgrade, then the relay to the upstream server. */
    private final class Connection implements Runnable {
        private final Socket client;
        private volatile SSLSocket secure;
        private volatile Socket server;

        Connection(Socket client) {
            this.client = client;
        }

        @Override
        public void run() {
            try {
                client.setTcpNoDelay(true);
                client.setSoTimeout(TIMEOUT_MILLIS);
                if (!dialog.talk(client.getInputStream(), client.getOutputStream(), clearText::add)) {
                    return;
                }
                secure = (SSLSocket) tls.createSocket(client, client.getInetAddress().getHostAddress(),
                        client.getPort(), true);
                failIfClosed();
                secure.setUseClientMode(false);
                secure.startHandshake();
                upgrades.incrementAndGet();
                server = new Socket();
                failIfClosed();
                connectUpstream();
                Thread back = start("relay", () -> pump(server, secure));
                pump(secure, server);
                back.join();
            } catch (IOException e) {
                LOG.debug("{}: connection from {} ended: {}", StartTlsFront.this, client.getRemoteSocketAddress(),
                        e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
                connections.remove(this);
            }
        }

        /** Called after each new socket: none may outlive {@link StartTlsFront#close()}. */
        private void failIfClosed() throws IOException {
            if (closed) {
                throw new IOException("the front is closed");
            }
        }

        private void connectUpstream() throws IOException {
            try {
                server.setTcpNoDelay(true);
                server.setSoTimeout(TIMEOUT_MILLIS);
                server.connect(upstream, CONNECT_TIMEOUT_MILLIS);
                dialog.skipGreeting(server.getInputStream());
            } catch (IOException e) {
                StartTlsDialog.write(secure.getOutputStream(), dialog.unavailable());
                throw e;
            }
        }

        void close() {
            closeQuietly(server);
            closeQuietly(secure);
            closeQuietly(client);
        }
    }
}
