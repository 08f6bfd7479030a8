package io.netproto.testkit.mail;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.server.ProtocolHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open client connections of every embedded mail server, by protocol. A connection counts from the moment it is
 * accepted until its protocol handler ends (client quit or disconnect) or {@link #closeAll()} drops it.
 */
final class ClientConnections {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnections.class);

    private final Map<Tracked, String> open = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> accepted = new ConcurrentHashMap<>();

    /**
     * Wraps a protocol handler so that it counts as an open connection until it ends.
     *
     * @param  protocol the server's protocol, e.g. {@code "smtp"}
     * @param  socket   the accepted client socket
     * @param  handler  GreenMail's handler for the socket
     * @return          the handler to run instead
     */
    ProtocolHandler track(String protocol, Socket socket, ProtocolHandler handler) {
        Tracked tracked = new Tracked(socket, handler);
        accepted.computeIfAbsent(protocol, p -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        open.put(tracked, protocol);
        return tracked;
    }

    int accepted(String protocol) {
        java.util.concurrent.atomic.AtomicInteger count = accepted.get(protocol);
        return count == null ? 0 : count.get();
    }

    int count(String protocol) {
        return (int) open.values().stream().filter(protocol::equals).count();
    }

    List<Socket> sockets(String protocol) {
        List<Socket> sockets = new ArrayList<>();
        open.forEach((tracked, p) -> {
            if (p.equals(protocol)) {
                sockets.add(tracked.socket);
            }
        });
        return sockets;
    }

    /**
     * Drops every connection. Closing a TLS socket can block while its handler thread is reading it, so
     * each connection is closed on a daemon thread of its own; the call waits at most two seconds.
     */
    void closeAll() {
        List<Tracked> all = List.copyOf(open.keySet());
        all.forEach(open::remove);
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(all.size());
        for (Tracked tracked : all) {
            Thread closer = new Thread(() -> {
                try {
                    tracked.close();
                } finally {
                    closed.countDown();
                }
            }, "mail-connection-closer");
            closer.setDaemon(true);
            closer.start();
        }
        try {
            closed.await(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Tracked implements ProtocolHandler {
        private final Socket socket;
        private final ProtocolHandler delegate;

        Tracked(Socket socket, ProtocolHandler delegate) {
            this.socket = socket;
            this.delegate = delegate;
        }

        @Override
        public void run() {
            try {
                delegate.run();
            } catch (RuntimeException e) {
                // GreenMail rethrows a client's abrupt disconnect; the thread would print it to stderr
                LOG.debug("Mail client connection {} ended abruptly", socket.getRemoteSocketAddress(), e);
            } finally {
                open.remove(this);
            }
        }

        @Override
        public void close() {
            open.remove(this);
            try {
                // the handler may be blocked reading: closing the socket first ends the connection at once
                socket.close();
            } catch (java.io.IOException e) {
                LOG.debug("Closing mail client connection {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
            }
            delegate.close();
        }
    }
}
