package io.netproto.camel.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets whose decrypted input and output pass through a {@link ReplyGuard} each, so replies received over
 * implicit TLS or after STARTTLS are bounded like those on a plain connection. The TLS itself (handshake, trust,
 * host-name verification, protocols, ciphers, session) is the wrapped factory's: every socket it creates is wrapped
 * in a {@link GuardedSslSocket} that delegates all of it. Like {@link GuardedSocketFactory}, the factory knows the
 * sockets it created that are still open, so the owner of a client can close them all.
 */
public final class GuardedSslSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory tls;
    private final ReplyLimits limits;
    private final Set<GuardedSslSocket> open = ConcurrentHashMap.newKeySet();

    GuardedSslSocketFactory(SSLSocketFactory tls, ReplyLimits limits) {
        this.tls = tls;
        this.limits = limits;
    }

    /** Closes the sockets still open that the given thread created (all of them when null). */
    public void closeOpenedBy(Thread owner) {
        for (GuardedSslSocket socket : open) {
            if (owner == null || socket.owner() == owner) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closed anyway
                }
            }
        }
    }

    private Socket guarded(Socket socket) {
        return guarded(socket, null);
    }

    private Socket guarded(Socket socket, Socket transport) {
        GuardedSslSocket guarded = new GuardedSslSocket((SSLSocket) socket, transport, limits.newGuard(), open::remove);
        open.add(guarded);
        return guarded;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return guarded(tls.createSocket());
    }

    /** Layers TLS over a connected socket: implicit TLS and STARTTLS both come here (Angus Mail's SocketFetcher). */
    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return guarded(tls.createSocket(socket, host, port, autoClose), autoClose ? socket : null);
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
        return guarded(tls.createSocket(socket, consumed, autoClose), autoClose ? socket : null);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return guarded(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return guarded(tls.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return guarded(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return guarded(tls.createSocket(address, port, localAddress, localPort));
    }
}
