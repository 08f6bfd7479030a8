package io.netproto.camel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.SocketFactory;

/**
 * Plain sockets whose input and output pass through a {@link ReplyGuard} each. The factory knows the sockets it
 * created that are still open, so the owner of a client can close them all (Angus Mail leaves a socket open when
 * a hostile reply makes its connect or folder open fail).
 */
public final class GuardedSocketFactory extends SocketFactory {

    private final ReplyLimits limits;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    GuardedSocketFactory(ReplyLimits limits) {
        this.limits = limits;
    }

    @Override
    public Socket createSocket() {
        GuardedSocket socket = new GuardedSocket(limits.newGuard(), open);
        open.add(socket);
        return socket;
    }

    /** Closes every socket of this factory still open. */
    public void closeAll() {
        closeOpenedBy(null);
    }

    /**
     * Closes the sockets still open that the given thread created (all of them when null): for a session shared by
     * connections of several threads, where one connection must not close the others' sockets.
     */
    public void closeOpenedBy(Thread owner) {
        for (Socket socket : open) {
            if (owner != null && ((GuardedSocket) socket).owner != owner) {
                continue;
            }
            try {
                socket.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /** A plain socket handing out its streams wrapped by the guard (the same wrappers on every call). */
    private static final class GuardedSocket extends Socket {
        private final ReplyGuard guard;
        private final Set<Socket> open;
        private final Thread owner = Thread.currentThread();
        private InputStream input;
        private OutputStream output;

        GuardedSocket(ReplyGuard guard, Set<Socket> open) {
            this.guard = guard;
            this.open = open;
        }

        @Override
        public synchronized void close() throws IOException {
            open.remove(this);
            super.close();
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = guard.input(super.getInputStream());
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = guard.output(super.getOutputStream());
            }
            return output;
        }
    }
}
