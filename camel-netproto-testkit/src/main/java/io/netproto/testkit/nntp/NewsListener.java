package io.netproto.testkit.nntp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ServerSocketFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket and the open connections: accepts on its own thread, sets TCP_NODELAY and the read timeout on
 * each accepted socket, and runs each connection on a thread of its own (daemon threads, from a cached pool).
 */
final class NewsListener {

    private static final Logger LOG = LoggerFactory.getLogger(NewsListener.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final NewsStore store;
    private final ServerSwitches switches;
    private final ServerSettings settings;
    private final Set<NntpConnection> open = ConcurrentHashMap.newKeySet();
    private final ServerSocket socket;
    private final ExecutorService connectionThreads;
    private final Thread acceptor;
    private volatile boolean closed;

    NewsListener(InetAddress address, NewsStore store, ServerSwitches switches, ServerSettings settings)
            throws IOException {
        this.store = store;
        this.switches = switches;
        this.settings = settings;
        ServerSocketFactory factory = settings.implicitTls()
                ? ServerTls.context().getServerSocketFactory()
                : ServerSocketFactory.getDefault();
        socket = factory.createServerSocket();
        try {
            socket.bind(new InetSocketAddress(address, 0));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        connectionThreads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "nntp-connection-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        acceptor = new Thread(this::acceptConnections, "nntp-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connectionCount() {
        return open.size();
    }

    List<Socket> sockets() {
        return open.stream().map(NntpConnection::socket).toList();
    }

    void closeAllConnections() {
        List.copyOf(open).forEach(NntpConnection::close);
    }

    /** Stops accepting, drops every connection and waits (bounded) for their threads to end. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Cannot close the news server listener", e);
        }
        closeAllConnections();
        connectionThreads.shutdownNow();
        try {
            if (!connectionThreads.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("News server connection threads still running after close");
            }
            acceptor.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptConnections() {
        while (!closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("News server stopped accepting connections", e);
                }
                return;
            }
            try {
                client.setTcpNoDelay(true);
                client.setSoTimeout(settings.idleTimeoutMillis());
                if (switches.refusingNewConnections()) {
                    connectionThreads.execute(() -> refuse(client));
                } else {
                    NntpConnection connection = new NntpConnection(client, store, switches, settings, open);
                    open.add(connection);
                    if (closed) {
                        connection.close();
                    } else {
                        connectionThreads.execute(connection);
                    }
                }
            } catch (IOException | RejectedExecutionException e) {
                LOG.debug("Cannot serve news client {}", client.getRemoteSocketAddress(), e);
                closeQuietly(client);
            }
        }
    }

    private static void refuse(Socket client) {
        try (client; OutputStream out = client.getOutputStream()) {
            out.write("400 Service temporarily unavailable\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            LOG.debug("Cannot refuse news client {}", client.getRemoteSocketAddress(), e);
        }
    }

    private static void closeQuietly(Socket client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("Cannot close news client socket", e);
        }
    }
}
