package io.netproto.camel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

/**
 * A TCP relay (on 127.0.0.1 unless told otherwise) in front of a test server, for tests: records every byte clients send (what reaches the
 * server), and optionally terminates TLS with its own server certificate, forwarding clear text to a plain port.
 */
public final class TestRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final StringBuffer received = new StringBuffer();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private TestRelay(ServerSocket listener, String upstreamHost, int upstreamPort) {
        this.listener = listener;
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        start("accept", this::acceptLoop);
    }

    /** A relay passing bytes through unchanged. */
    public static TestRelay plain(String upstreamHost, int upstreamPort) {
        return plain(InetAddress.getLoopbackAddress(), upstreamHost, upstreamPort);
    }

    /** A relay passing bytes through unchanged, listening on the given local address. */
    public static TestRelay plain(InetAddress bindAddress, String upstreamHost, int upstreamPort) {
        try {
            return new TestRelay(new ServerSocket(0, 50, bindAddress), upstreamHost, upstreamPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A relay speaking TLS from the first byte with the given server context, forwarding clear text upstream. */
    public static TestRelay tls(SSLContext serverContext, String upstreamHost, int upstreamPort) {
        try {
            return new TestRelay(serverContext.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                    upstreamHost, upstreamPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Everything clients have sent so far, all connections, decoded as ISO-8859-1. */
    public String received() {
        return received.toString();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstreamHost, upstreamPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                start("up", () -> pipe(client, server, true));
                start("down", () -> pipe(server, client, false));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean record) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (record) {
                    received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: end both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void start(String role, Runnable task) {
        Thread thread = new Thread(task, "test-relay-" + role);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(TestRelay::closeQuietly);
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
