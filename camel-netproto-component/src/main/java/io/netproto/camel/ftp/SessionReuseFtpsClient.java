package io.netproto.camel.ftp;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.util.Objects;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.netproto.camel.support.ReplyLimits;
import io.netproto.camel.support.TlsContexts;
import org.apache.commons.net.ftp.FTPCmd;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * FTPS client whose data connections resume the control connection's TLS session, as servers
 * requiring TLS session reuse (vsftpd's default {@code require_ssl_reuse=YES}) demand. A stock
 * {@link FTPSClient} makes a full handshake per data connection, which such servers answer with
 * {@code 522 SSL connection failed: session reuse required}. No reflection is involved:
 * <ul>
 * <li>JSSE looks a session up by peer host and port, taking the port from the socket TLS is layered
 * over. With {@code PROT P} this client opens plain data sockets and layers TLS over a view of each
 * that reports the control connection's port, with the control connection's host string and
 * {@link SSLContext}, so the handshake offers the control session. With endpoint checking enabled
 * the data connections verify the host name too, as the control connection did (JSSE resumes a
 * session only under the same endpoint identification).</li>
 * <li>TLS 1.3 tickets are single-use and JSSE only takes the server's replacement ticket when it
 * reads from the socket. Downloads and listings read to the end anyway; an upload's socket is closed
 * by half-closing its output and reading to the end of the stream (at most
 * {@value #FINISH_TIMEOUT_MILLIS} ms), one extra round trip per upload.</li>
 * <li>TLS 1.2: JSSE 17 discards the session tickets vsftpd issues (lifetime 2<sup>31</sup>-1 s), so
 * resumption by session ID needs the JVM-wide system property
 * {@code jdk.tls.client.enableSessionTicketExtension=false}, set before the first TLS connection of
 * the JVM (e.g. {@code java -Djdk.tls.client.enableSessionTicketExtension=false}). TLS 1.3 does not
 * need it.</li>
 * </ul>
 * Servers that do not require reuse are unaffected: they resume or make a full handshake, as they
 * choose. Client mode only; the {@link SSLContext} must be given, and should not be shared with
 * other connections to the same server (its session cache holds one session per host and port).
 */
final class SessionReuseFtpsClient extends FTPSClient implements ListingConnections {

    /** How long closing an upload waits for the server's end of a TLS 1.3 data stream. */
    static final int FINISH_TIMEOUT_MILLIS = 1_000;

    private final SSLContext context;
    private boolean privateData;

    SessionReuseFtpsClient(boolean implicit, SSLContext context) {
        super(implicit, Objects.requireNonNull(context, "context"));
        this.context = context;
    }

    /** Sends PROT; for any level but {@code C} data sockets stay plain until TLS is layered on them. */
    @Override
    public void execPROT(String prot) throws IOException {
        super.execPROT(prot);
        privateData = prot != null && !"C".equals(prot);
        if (privateData) {
            setSocketFactory(null);
            setServerSocketFactory(null);
        }
    }

    /**
     * After the TLS handshake of the control connection (implicit TLS, before the greeting, or AUTH TLS) its replies are
     * bounded by {@link ReplyLimits#FTP} on the decrypted stream; before AUTH TLS the plain socket's guard applies.
     */
    @Override
    protected void sslNegotiation() throws IOException {
        Socket transport = _socket_;
        super.sslNegotiation();
        _socket_ = ReplyLimits.FTP.guardedTls((SSLSocket) _socket_, transport);
        _controlInput_ = new BufferedReader(new InputStreamReader(_socket_.getInputStream(), getControlEncoding()));
        _controlOutput_ = new BufferedWriter(new OutputStreamWriter(_socket_.getOutputStream(), getControlEncoding()));
    }

    @Override
    public void disconnect() throws IOException {
        privateData = false;
        super.disconnect();
    }

    @Override
    public Socket openListing(FTPCmd command, String argument) throws IOException {
        return _openDataConnection_(command, argument);
    }

    @Override
    protected Socket _openDataConnection_(String command, String arg) throws IOException {
        Socket socket = super._openDataConnection_(command, arg);
        if (!privateData || socket == null || socket instanceof SSLSocket) {
            return socket; // clear data, refused, or already TLS (through a proxy)
        }
        SSLSocket tls;
        try {
            int controlPort = getRemotePort();
            tls = (SSLSocket) context.getSocketFactory().createSocket(new ControlPortView(socket, controlPort), _hostname_,
                    controlPort, true);
            tls.setUseClientMode(true);
            tls.setEnableSessionCreation(isCreation());
            if (getSuites() != null) {
                tls.setEnabledCipherSuites(getSuites());
            }
            if (getProtocols() != null) {
                tls.setEnabledProtocols(getProtocols());
            }
            if (isEndpointCheckingEnabled()) {
                TlsContexts.verifyHostname(tls);
            }
            tls.startHandshake();
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        boolean upload = "STOR".equals(command) || "APPE".equals(command) || "STOU".equals(command);
        return upload && "TLSv1.3".equals(tls.getSession().getProtocol()) ? new Tls13Upload(tls) : tls;
    }

    /** The plain data socket as seen by JSSE: the control connection's port, everything else as is. */
    private static final class ControlPortView extends DelegatingSocket {
        private final int controlPort;

        ControlPortView(Socket socket, int controlPort) {
            super(socket);
            this.controlPort = controlPort;
        }

        @Override
        public int getPort() {
            return controlPort;
        }
    }

    /**
     * A TLS 1.3 upload socket whose close (also through its output stream) half-closes the output and
     * reads to the end of the stream, so JSSE takes the replacement session ticket for the next data
     * connection.
     */
    private static final class Tls13Upload extends DelegatingSocket {
        private boolean closed;

        Tls13Upload(SSLSocket tls) {
            super(tls);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                    Tls13Upload.this.close();
                }
            };
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                delegate.shutdownOutput();
                delegate.setSoTimeout(FINISH_TIMEOUT_MILLIS);
                InputStream in = delegate.getInputStream();
                byte[] discard = new byte[512];
                while (in.read(discard) >= 0) {
                    // the server sends nothing but its ticket and close_notify
                }
            } catch (IOException e) {
                // only the next data connection's resumption is at stake: it may need a full handshake
            } finally {
                delegate.close();
            }
        }
    }

    /** A {@link Socket} forwarding every call to another, connected socket. */
    private static class DelegatingSocket extends Socket {
        final Socket delegate;

        DelegatingSocket(Socket delegate) {
            this.delegate = delegate;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return delegate.getInputStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return delegate.getOutputStream();
        }

        @Override
        public InetAddress getInetAddress() {
            return delegate.getInetAddress();
        }

        @Override
        public int getPort() {
            return delegate.getPort();
        }

        @Override
        public InetAddress getLocalAddress() {
            return delegate.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return delegate.getLocalPort();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return delegate.getRemoteSocketAddress();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return delegate.getLocalSocketAddress();
        }

        @Override
        public boolean isConnected() {
            return delegate.isConnected();
        }

        @Override
        public boolean isBound() {
            return delegate.isBound();
        }

        @Override
        public boolean isClosed() {
            return delegate.isClosed();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }

        @Override
        public void shutdownInput() throws IOException {
            delegate.shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            delegate.shutdownOutput();
        }

        @Override
        public boolean isInputShutdown() {
            return delegate.isInputShutdown();
        }

        @Override
        public boolean isOutputShutdown() {
            return delegate.isOutputShutdown();
        }

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            delegate.setSoTimeout(timeout);
        }

        @Override
        public int getSoTimeout() throws SocketException {
            return delegate.getSoTimeout();
        }

        @Override
        public void setSoLinger(boolean on, int linger) throws SocketException {
            delegate.setSoLinger(on, linger);
        }

        @Override
        public int getSoLinger() throws SocketException {
            return delegate.getSoLinger();
        }

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            delegate.setTcpNoDelay(on);
        }

        @Override
        public boolean getTcpNoDelay() throws SocketException {
            return delegate.getTcpNoDelay();
        }

        @Override
        public void setKeepAlive(boolean on) throws SocketException {
            delegate.setKeepAlive(on);
        }

        @Override
        public boolean getKeepAlive() throws SocketException {
            return delegate.getKeepAlive();
        }

        @Override
        public void setSendBufferSize(int size) throws SocketException {
            delegate.setSendBufferSize(size);
        }

        @Override
        public int getSendBufferSize() throws SocketException {
            return delegate.getSendBufferSize();
        }

        @Override
        public void setReceiveBufferSize(int size) throws SocketException {
            delegate.setReceiveBufferSize(size);
        }

        @Override
        public int getReceiveBufferSize() throws SocketException {
            return delegate.getReceiveBufferSize();
        }

        @Override
        public void setTrafficClass(int tc) throws SocketException {
            delegate.setTrafficClass(tc);
        }

        @Override
        public int getTrafficClass() throws SocketException {
            return delegate.getTrafficClass();
        }

        @Override
        public void setReuseAddress(boolean on) throws SocketException {
            delegate.setReuseAddress(on);
        }

        @Override
        public boolean getReuseAddress() throws SocketException {
            return delegate.getReuseAddress();
        }

        @Override
        public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
            delegate.setOption(name, value);
            return this;
        }

        @Override
        public <T> T getOption(SocketOption<T> name) throws IOException {
            return delegate.getOption(name);
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return delegate.supportedOptions();
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
