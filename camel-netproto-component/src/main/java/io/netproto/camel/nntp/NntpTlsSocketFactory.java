package io.netproto.camel.nntp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.netproto.camel.support.TlsContexts;

/** Creates TLS sockets from the endpoint's context, verifying the host name unless told not to. */
final class NntpTlsSocketFactory extends SocketFactory {
    private final SSLContext context;
    private final boolean verifyHostname;

    NntpTlsSocketFactory(SSLContext context, boolean verifyHostname) {
        this.context = context;
        this.verifyHostname = verifyHostname;
    }

    private Socket prepare(Socket socket) {
        if (verifyHostname) {
            TlsContexts.verifyHostname((SSLSocket) socket);
        }
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return prepare(context.getSocketFactory().createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return prepare(context.getSocketFactory().createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return prepare(context.getSocketFactory().createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return prepare(context.getSocketFactory().createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return prepare(context.getSocketFactory().createSocket(address, port, localAddress, localPort));
    }
}
