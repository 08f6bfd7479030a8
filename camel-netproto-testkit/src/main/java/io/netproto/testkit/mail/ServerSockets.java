package io.netproto.testkit.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import javax.net.ServerSocketFactory;

import io.netproto.testkit.tls.TestTls;

/**
 * Binds the embedded mail servers' listening sockets: plain, or TLS from the first byte with the test kit's
 * certificate ({@link TestTls#serverContext()}) instead of GreenMail's own key store and anonymous cipher suites.
 */
final class ServerSockets {

    private ServerSockets() {
    }

    static ServerSocket bind(boolean secure, InetAddress address, int port) throws IOException {
        ServerSocket socket = secure ? Tls.FACTORY.createServerSocket() : ServerSocketFactory.getDefault().createServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /** The server-side TLS socket factory, created once per JVM (holder idiom). */
    private static final class Tls {
        static final ServerSocketFactory FACTORY = TestTls.serverContext().getServerSocketFactory();

        private Tls() {
        }
    }
}
