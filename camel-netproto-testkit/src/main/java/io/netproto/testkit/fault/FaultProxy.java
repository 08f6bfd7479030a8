package io.netproto.testkit.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting TCP proxy on loopback: every accepted connection is forwarded byte for byte to a target (so TLS
 * passes through unchanged), with the {@link Fault} its {@link FaultSource} chooses. For FTP ({@link #ftp}) the
 * passive replies of clear-text control connections are rewritten so that data connections cross the proxy too and
 * get faults of their own. {@link #refuseConnections(boolean)} simulates a server outage or restart. All threads are
 * daemons; {@link #close()} closes every socket.
 */
public final class FaultProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int DATA_ACCEPT_TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress target;
    private final boolean ftp;
    private final ServerSocket listener;
    private final Set<ProxiedConnection> open = ConcurrentHashMap.newKeySet();
    private final Set<ServerSocket> dataListeners = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<Fault.Kind, AtomicInteger> injected = new EnumMap<>(Fault.Kind.class);
    private volatile FaultSource faults = FaultSource.none();
    private volatile boolean refusing;
    private volatile boolean closed;

    private FaultProxy(String host, int port, boolean ftp) {
        this.target = new InetSocketAddress(Objects.requireNonNull(host, "host"), port);
        this.ftp = ftp;
        for (Fault.Kind kind : Fault.Kind.values()) {
            injected.put(kind, new AtomicInteger());
        }
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the proxy's port", e);
        }
        ProxiedConnection.daemon("fault-proxy-" + listener.getLocalPort(), this::acceptLoop).start();
    }

    /**
     * Starts a proxy forwarding bytes unchanged (apart from faults) to {@code host:port}.
     *
     * @param  host the target host
     * @param  port the target port
     * @return      the running proxy
     */
    public static FaultProxy to(String host, int port) {
        return new FaultProxy(host, port, false);
    }

    /**
     * Starts a proxy for an FTP server's control port that also relays passive data connections (PASV and EPSV
     * replies are rewritten); for FTPS the control connection is encrypted, so only it is proxied.
     *
     * @param  host the FTP server's host
     * @param  port the FTP server's control port
     * @return      the running proxy
     */
    public static FaultProxy ftp(String host, int port) {
        return new FaultProxy(host, port, true);
    }

    /** @return the proxy's address, {@code 127.0.0.1} */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /** @return the proxy's listening port */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Chooses the faults of connections accepted from now on.
     *
     * @param  source the fault source, e.g. {@link SeededFaults}
     * @return        this proxy
     */
    public FaultProxy faults(FaultSource source) {
        this.faults = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * Simulates a server that is down: while {@code true}, every open connection is reset and new ones are accepted
     * and reset at once. {@code false} serves connections again, as a restarted server would.
     *
     * @param refuse whether to refuse connections
     */
    public void refuseConnections(boolean refuse) {
        refusing = refuse;
        if (refuse) {
            closeAll();
        }
    }

    /** @return the number of connections proxied so far (control and data), refused ones not included */
    public int connectionCount() {
        return connections.get();
    }

    /** @return the number of connections currently open */
    public int openConnections() {
        return open.size();
    }

    /** @return the number of connections refused by {@link #refuseConnections(boolean)} */
    public int refusedCount() {
        return refused.get();
    }

    /** @return the number of faults that fired (a planned fault whose offset was never reached does not count) */
    public int faultsInjected() {
        return injected.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /**
     * @param  kind a fault kind
     * @return      how many faults of that kind fired
     */
    public int faultsInjected(Fault.Kind kind) {
        return injected.get(kind).get();
    }

    /** Resets every open connection, data relays included; the proxy keeps accepting. */
    public void closeAll() {
        for (ProxiedConnection connection : List.copyOf(open)) {
            connection.close(true);
        }
    }

    /** Stops accepting and closes every connection and socket. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (ServerSocket data : List.copyOf(dataListeners)) {
            closeQuietly(data);
        }
        closeAll();
    }

    @Override
    public String toString() {
        return "FaultProxy[127.0.0.1:" + port() + " -> " + target.getHostString() + ":" + target.getPort() + "]";
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    refused.incrementAndGet();
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                ProxiedConnection.daemon("fault-proxy-connect", () -> proxy(client, target, ftp)).start();
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    /** Connects to the target and starts copying; the client is reset when the target cannot be reached. */
    private void proxy(Socket client, InetSocketAddress to, boolean controlConnection) {
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(to, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            closeQuietly(server);
            reset(client);
            return;
        }
        int number = connections.incrementAndGet();
        Fault fault = faults.next(number);
        ProxiedConnection.ReplyFilter filter = controlConnection ? new PassiveReplies(this::openDataRelay) : null;
        ProxiedConnection[] self = new ProxiedConnection[1];
        self[0] = new ProxiedConnection(client, server, fault, filter,
                fired -> injected.get(fired.kind()).incrementAndGet(), () -> open.remove(self[0]));
        open.add(self[0]);
        if (closed || refusing) {
            self[0].close(true);
            return;
        }
        self[0].start("fault-proxy-" + number);
    }

    /** Listens for one data connection and relays it to {@code targetPort} of the target host. */
    private int openDataRelay(int targetPort) throws IOException {
        ServerSocket data = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        data.setSoTimeout(DATA_ACCEPT_TIMEOUT_MILLIS);
        dataListeners.add(data);
        InetSocketAddress to = new InetSocketAddress(target.getAddress(), targetPort);
        ProxiedConnection.daemon("fault-proxy-data-" + data.getLocalPort(), () -> {
            try (data) {
                Socket client = data.accept();
                if (refusing || closed) {
                    reset(client);
                } else {
                    proxy(client, to, false);
                }
            } catch (SocketTimeoutException e) {
                // the client never opened the data connection (its control connection failed first)
            } catch (IOException e) {
                // closed by close()
            } finally {
                dataListeners.remove(data);
            }
        }).start();
        return data.getLocalPort();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing to do
        }
    }
}
