package io.netproto.testkit.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

/**
 * A line server on 127.0.0.1 and a free port that runs the current {@link Script} on every connection it accepts,
 * one thread per connection. The script is swapped between test cases with {@link #script(Script)}; connections
 * already open keep theirs. A connection idle for {@value #IDLE_TIMEOUT_MILLIS} ms is closed, so a client that
 * never gives up cannot keep a thread forever.
 */
public final class HostileServer implements AutoCloseable {

    static final int IDLE_TIMEOUT_MILLIS = 60_000;

    private final ServerSocket serverSocket;
    private final SSLContext implicitTls;
    private final Thread acceptor;
    private final Map<Socket, Conversation> open = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Script script = Conversation::close;
    private volatile boolean closed;

    private HostileServer(ServerSocket serverSocket, SSLContext implicitTls) {
        this.serverSocket = serverSocket;
        this.implicitTls = implicitTls;
        this.acceptor = new Thread(this::acceptLoop, "hostile-server-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Starts a server that closes every connection until a script is set. */
    public static HostileServer start() {
        return open(null);
    }

    private static HostileServer open(SSLContext implicitTls) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            HostileServer server = new HostileServer(socket, implicitTls);
            server.acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the hostile server", e);
        }
    }

    /**
     * Starts a server speaking implicit TLS (pop3s, imaps, smtps) with the context's certificate: every connection is
     * a TLS server socket, the handshake runs before the script's first read or write.
     */
    public static HostileServer startImplicitTls(SSLContext context) {
        return open(context);
    }

    /** Starts a server running the script on every connection. */
    public static HostileServer start(Script script) {
        return start().script(script);
    }

    /** Runs this script on the connections accepted from now on. */
    public HostileServer script(Script next) {
        this.script = next;
        return this;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Connections accepted so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Connections whose script has not ended yet. */
    public int openConnections() {
        return open.size();
    }

    /** The connections whose script has not ended yet, each with the last line the client sent. */
    public List<String> openConversations() {
        List<String> lines = new ArrayList<>();
        open.forEach((socket, conversation) -> lines.add("port " + socket.getPort() + " after '" + conversation.lastLine() + "'"));
        return lines;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            Script current = script;
            Conversation conversation;
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
                conversation = new Conversation(implicitTls == null ? socket
                        : implicitTls.getSocketFactory().createSocket(socket, null, true));
            } catch (IOException e) {
                closeQuietly(socket);
                continue;
            }
            open.put(socket, conversation);
            Thread thread = new Thread(() -> converse(socket, conversation, current), "hostile-connection-" + socket.getPort());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void converse(Socket socket, Conversation conversation, Script current) {
        try (socket) {
            current.run(conversation);
        } catch (IOException e) {
            // the client went away or gave up: that is how most hostile conversations end
        } finally {
            open.remove(socket);
        }
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // nothing left to release
        }
        open.keySet().forEach(HostileServer::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
