package io.netproto.testkit.ftp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ftpserver.DataConnectionConfiguration;
import org.apache.ftpserver.ssl.SslConfiguration;

/**
 * FtpServer's data connection settings, with every passive data connection on the next port of a range shared by the
 * embedded servers of this JVM, below the usual ephemeral ranges (Linux 32768-60999, Windows and macOS 49152-65535).
 * <p>
 * FtpServer can ask the system for any free port (passive ports {@code "0"}), but Linux's search for a free port
 * scans the bind table, and every data connection the server closes first (each {@code RETR}) stays there in
 * TIME_WAIT for 60 seconds: after a few thousand transfers each {@code PASV} costs the kernel a millisecond and more,
 * and a benchmark measures the kernel's port search instead of the client (seen with perf: over half of the busy CPU in
 * {@code inet_bhash2_conflict}). Binding a named port only looks at that port; the server socket's
 * {@code SO_REUSEADDR} (Java's default on Unix) lets it reuse a port whose earlier connections are in TIME_WAIT. A port
 * another process or server listens on is skipped (checked by binding it once); when the whole range is taken, the
 * system picks one after all. FtpServer's own fixed lists also log "Releasing unreserved passive port" at WARN after
 * every transfer; nothing here is reserved, so there is nothing to release.
 */
final class RotatingPassivePorts implements DataConnectionConfiguration {

    /** The first port of the range. */
    static final int FIRST_PORT = 20_000;

    /** How many ports the range has. */
    static final int PORT_COUNT = 10_000;

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final DataConnectionConfiguration delegate;
    private final String host;

    RotatingPassivePorts(DataConnectionConfiguration delegate, String host) {
        this.delegate = delegate;
        this.host = host;
    }

    @Override
    public int requestPassivePort() {
        for (int tries = 0; tries < PORT_COUNT; tries++) {
            int port = FIRST_PORT + Math.floorMod(NEXT.getAndIncrement(), PORT_COUNT);
            if (isFree(port)) {
                return port;
            }
        }
        return 0;
    }

    private boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void releasePassivePort(int port) {
        // nothing reserved
    }

    @Override
    public String getPassivePorts() {
        return FIRST_PORT + "-" + (FIRST_PORT + PORT_COUNT - 1);
    }

    @Override
    public int getIdleTime() {
        return delegate.getIdleTime();
    }

    @Override
    public boolean isActiveEnabled() {
        return delegate.isActiveEnabled();
    }

    @Override
    public boolean isActiveIpCheck() {
        return delegate.isActiveIpCheck();
    }

    @Override
    public String getActiveLocalAddress() {
        return delegate.getActiveLocalAddress();
    }

    @Override
    public int getActiveLocalPort() {
        return delegate.getActiveLocalPort();
    }

    @Override
    public String getPassiveAddress() {
        return delegate.getPassiveAddress();
    }

    @Override
    public String getPassiveExernalAddress() {
        return delegate.getPassiveExernalAddress();
    }

    @Override
    public boolean isPassiveIpCheck() {
        return delegate.isPassiveIpCheck();
    }

    @Override
    public SslConfiguration getSslConfiguration() {
        return delegate.getSslConfiguration();
    }

    @Override
    public boolean isImplicitSsl() {
        return delegate.isImplicitSsl();
    }
}
