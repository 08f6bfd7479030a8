package io.netproto.testkit.ftp;

import org.apache.ftpserver.DataConnectionConfiguration;
import org.apache.ftpserver.ssl.SslConfiguration;

/**
 * FtpServer's data connection settings, with every passive data connection on an ephemeral port picked by the
 * system when the client sends {@code PASV}/{@code EPSV}.
 * <p>
 * FtpServer supports this itself (passive ports {@code "0"}), but then logs "Releasing unreserved passive port" at WARN
 * after every transfer. A fixed list of ports instead clashes with other servers and with the ephemeral source ports
 * of outgoing connections ("Passive port in use by another process"). Asking the system for port 0 every time never
 * clashes and has no concurrency limit; there is nothing to release.
 */
final class EphemeralPassivePorts implements DataConnectionConfiguration {

    private final DataConnectionConfiguration delegate;

    EphemeralPassivePorts(DataConnectionConfiguration delegate) {
        this.delegate = delegate;
    }

    @Override
    public int requestPassivePort() {
        return 0;
    }

    @Override
    public void releasePassivePort(int port) {
        // nothing reserved
    }

    @Override
    public String getPassivePorts() {
        return "0";
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
