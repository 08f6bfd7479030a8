package io.netproto.testkit.ftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import io.netproto.testkit.tls.TestTls;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfiguration;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;

/**
 * An Apache FtpServer on {@code 127.0.0.1}, serving a directory of the local file system, for tests, examples and
 * benchmarks.
 * <p>
 * Passive mode binds loopback only and advertises {@code 127.0.0.1}, each time on the next free port of 20000-29999.
 * Users have write permission and unlimited concurrent logins; failed logins are neither delayed nor punished by a
 * disconnect.
 * Control connections have {@code TCP_NODELAY} set. Idle sessions are closed after 300 seconds.
 *
 * <pre>
 * try (EmbeddedFtpServer ftp = EmbeddedFtpServer.builder().user("scott", "tiger").tls(Tls.EXPLICIT).start()) {
 *     ftpsClient.connect(ftp.host(), ftp.port()); // trusting TestTls.trustStore()
 * }
 * </pre>
 */
public final class EmbeddedFtpServer implements AutoCloseable {

    /** The TLS mode of the control connection. */
    public enum Tls {
        /** Plain FTP; {@code AUTH TLS} is refused. */
        NONE,
        /** FTPES: plain connection, upgraded with {@code AUTH TLS} (RFC 4217). */
        EXPLICIT,
        /** FTPS: TLS from the first byte. */
        IMPLICIT
    }

    private static final String HOST = "127.0.0.1";
    private static final String LISTENER = "default";
    private static final int IDLE_TIMEOUT_SECONDS = 300;
    private static final int MAX_THREADS = 64;
    private static final int MAX_ANONYMOUS_LOGINS = 10_000;
    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

    private final Map<String, String> users;
    private final boolean anonymous;
    private final Tls tls;
    private final Path root;
    private final boolean ownsRoot;
    private int port;
    private FtpServer server;
    private Listener listener;
    private ControlSessions sessions;
    /** Appended to per command in constant time: a benchmark sends hundreds of thousands. */
    private final Queue<String> commands = new ConcurrentLinkedQueue<>();
    private final CommandRefusals refusals = new CommandRefusals();

    private EmbeddedFtpServer(Builder builder, Path root, boolean ownsRoot) {
        this.users = new LinkedHashMap<>(builder.users);
        this.anonymous = builder.anonymous;
        this.tls = builder.tls;
        this.root = root;
        this.ownsRoot = ownsRoot;
        this.port = builder.port;
    }

    /**
     * Starts configuring a server.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures and starts an {@link EmbeddedFtpServer}. */
    public static final class Builder {
        private final Map<String, String> users = new LinkedHashMap<>();
        private boolean anonymous;
        private Tls tls = Tls.NONE;
        private Path root;
        private Path tempRootParent;
        private int port;

        private Builder() {
        }

        /**
         * Adds a user with write permission whose home directory is {@link EmbeddedFtpServer#root()}. May be called
         * several times.
         *
         * @param  name     the login name
         * @param  password the password
         * @return          this builder
         */
        public Builder user(String name, String password) {
            users.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(password, "password"));
            return this;
        }

        /**
         * Whether {@code anonymous} may log in (with any password, with write permission). Default {@code false}.
         *
         * @param  allowed {@code true} to allow anonymous logins
         * @return         this builder
         */
        public Builder anonymous(boolean allowed) {
            this.anonymous = allowed;
            return this;
        }

        /**
         * The TLS mode, default {@link Tls#NONE}. With TLS the server presents the certificate of
         * {@link TestTls#serverKeyStore()}, speaks TLS 1.2 (FtpServer's default), and supports {@code PBSZ 0} /
         * {@code PROT P} data connections; plain logins stay possible in {@link Tls#EXPLICIT} mode.
         *
         * @param  mode the TLS mode
         * @return      this builder
         */
        public Builder tls(Tls mode) {
            this.tls = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The directory users see as {@code /}; created if missing, and kept on {@link EmbeddedFtpServer#close()}.
         * Default: a fresh temporary directory, deleted on {@link EmbeddedFtpServer#close()}.
         *
         * @param  dir the root directory
         * @return     this builder
         */
        public Builder root(Path dir) {
            this.root = Objects.requireNonNull(dir, "dir");
            this.tempRootParent = null;
            return this;
        }

        /**
         * The root is a fresh temporary directory inside {@code parent} (instead of the system's temporary directory),
         * deleted on {@link EmbeddedFtpServer#close()}; for example a RAM-backed file system, so that a benchmark
         * measures the clients and not the disk.
         *
         * @param  parent an existing directory
         * @return        this builder
         */
        public Builder tempRootIn(Path parent) {
            this.tempRootParent = Objects.requireNonNull(parent, "parent");
            this.root = null;
            return this;
        }

        /**
         * The control port, default {@code 0}: a free port chosen by the system.
         *
         * @param  port the port, or 0
         * @return      this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Creates and starts the server.
         *
         * @return                       the running server
         * @throws IllegalStateException if the server cannot start, for example because the port is taken
         * @throws UncheckedIOException  if the root directory cannot be created
         */
        public EmbeddedFtpServer start() {
            boolean ownsRoot = root == null;
            Path dir;
            try {
                dir = !ownsRoot ? Files.createDirectories(root)
                        : tempRootParent != null ? Files.createTempDirectory(tempRootParent, "netproto-ftp")
                        : Files.createTempDirectory("netproto-ftp");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the FTP root directory", e);
            }
            EmbeddedFtpServer server = new EmbeddedFtpServer(this, dir.toAbsolutePath().normalize(), ownsRoot);
            try {
                server.startServer();
            } catch (RuntimeException e) {
                if (ownsRoot) {
                    deleteRecursively(dir);
                }
                throw e;
            }
            return server;
        }
    }

    /**
     * The address the server listens on.
     *
     * @return {@code "127.0.0.1"}
     */
    public String host() {
        return HOST;
    }

    /**
     * The control port; stays the same across {@link #restart()}.
     *
     * @return the bound port
     */
    public synchronized int port() {
        return port;
    }

    /**
     * The directory users see as {@code /}.
     *
     * @return the absolute root directory
     */
    public Path root() {
        return root;
    }

    /**
     * The number of currently open control connections, logged in or not. A client's own disconnect is seen a moment
     * later; {@link #closeAllConnections()} is seen at once.
     *
     * @return the number of open sessions, 0 when stopped
     */
    public synchronized int connectionCount() {
        return activeSessions().size();
    }

    /**
     * The control command lines received since start (or {@link #clearCommands()}), over all connections in arrival
     * order, for example {@code "USER alice"}, {@code "CWD /in"} or {@code "STOR a.txt"}; {@code PASS} is recorded as
     * {@code "PASS ****"}. A command is recorded before it is carried out.
     *
     * @return a snapshot
     */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /**
     * Refuses a command with {@code 550 Refused by the test} from now on (across {@link #restart()}), without carrying
     * it out; the command is still recorded in {@link #commands()}.
     *
     * @param verb the command, such as {@code "DELE"}
     */
    public void refuse(String verb) {
        refusals.refuse(verb);
    }

    /**
     * Carries out a command {@link #refuse refused} before again.
     *
     * @param verb the command, such as {@code "DELE"}
     */
    public void allow(String verb) {
        refusals.allow(verb);
    }

    /** Forgets the command lines recorded so far, see {@link #commands()}. */
    public void clearCommands() {
        commands.clear();
    }

    /**
     * Abruptly closes every client control connection (and with it any data connection), without a reply, as a
     * dropped connection would; the server keeps accepting new connections. Returns once the sessions are closed.
     */
    public synchronized void closeAllConnections() {
        List<Long> closed = new ArrayList<>();
        for (FtpIoSession session : activeSessions()) {
            session.closeNow().awaitUninterruptibly(CLOSE_TIMEOUT_MILLIS);
            // FtpServer would close the data connection only after a transfer in progress has finished
            session.getDataConnection().closeDataConnection();
            closed.add(session.getId());
        }
        if (sessions != null) {
            sessions.awaitClosed(closed, CLOSE_TIMEOUT_MILLIS);
        }
    }

    /** Stops the server, closing every connection and releasing the port. Does nothing when already stopped. */
    public synchronized void stop() {
        if (server != null) {
            // unbind and close every session first, then let FtpServer finish closing them before its worker pool
            // shuts down (otherwise MINA logs the rejected close events)
            server.suspend();
            sessions.awaitAllClosed(CLOSE_TIMEOUT_MILLIS);
            server.stop();
            server = null;
            listener = null;
            sessions = null;
        }
    }

    /** Stops the server, then starts it again on the same port with the same root and users. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    /** Stops the server and deletes the root directory if it is a temporary one created by the builder. */
    @Override
    public synchronized void close() {
        stop();
        if (ownsRoot) {
            deleteRecursively(root);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedFtpServer[" + HOST + ":" + port() + ", tls=" + tls + ", root=" + root + "]";
    }

    /** The server side of the open control connections; package-private for tests. */
    synchronized Set<FtpIoSession> activeSessions() {
        return listener == null || listener.isStopped() ? Set.of() : listener.getActiveSessions();
    }

    private void startServer() {
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress(HOST);
        listenerFactory.setPort(port);
        listenerFactory.setIdleTimeout(IDLE_TIMEOUT_SECONDS);
        ControlSessions newSessions = new ControlSessions(commands);
        listenerFactory.setSessionFilter(newSessions);
        listenerFactory.setDataConnectionConfiguration(dataConnections());
        if (tls != Tls.NONE) {
            listenerFactory.setSslConfiguration(ServerTls.CONFIGURATION);
            listenerFactory.setImplicitSsl(tls == Tls.IMPLICIT);
        }
        Listener newListener = listenerFactory.createListener();

        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setMaxLogins(0);
        connections.setAnonymousLoginEnabled(anonymous);
        connections.setMaxAnonymousLogins(MAX_ANONYMOUS_LOGINS);
        connections.setMaxLoginFailures(0);
        connections.setLoginFailureDelay(0);
        connections.setMaxThreads(MAX_THREADS);

        NativeFileSystemFactory fileSystem = new NativeFileSystemFactory();
        fileSystem.setCreateHome(true);

        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener(LISTENER, newListener);
        factory.setConnectionConfig(connections.createConnectionConfig());
        factory.setFileSystem(fileSystem);
        factory.setUserManager(new InMemoryUserManager(users, anonymous, root.toString(), IDLE_TIMEOUT_SECONDS));
        Map<String, Ftplet> ftplets = new LinkedHashMap<>(); // FtpServer clears it on stop
        ftplets.put("controlSessions", newSessions);
        ftplets.put("refusals", refusals);
        factory.setFtplets(ftplets);

        FtpServer newServer = factory.createServer();
        try {
            newServer.start();
        } catch (FtpException | RuntimeException e) {
            newServer.stop();
            throw new IllegalStateException("Cannot start the embedded FTP server on " + HOST + ":" + port, e);
        }
        server = newServer;
        listener = newListener;
        sessions = newSessions;
        port = newListener.getPort();
    }

    /** FtpServer's TLS configuration for the test certificate, loaded once per JVM (holder idiom). */
    private static final class ServerTls {
        static final SslConfiguration CONFIGURATION = create();

        private ServerTls() {
        }

        private static SslConfiguration create() {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(TestTls.serverKeyStore().toFile());
            ssl.setKeystoreType("PKCS12");
            ssl.setKeystorePassword(TestTls.password());
            ssl.setKeyPassword(TestTls.password());
            return ssl.createSslConfiguration();
        }
    }

    private static DataConnectionConfiguration dataConnections() {
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress(HOST);
        data.setPassiveExternalAddress(HOST);
        data.setIdleTime(IDLE_TIMEOUT_SECONDS);
        return new RotatingPassivePorts(data.createDataConnectionConfiguration(), HOST);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
