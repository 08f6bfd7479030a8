package io.netproto.camel.support;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The connection settings every netproto endpoint shares: where the server is, who logs in, how long
 * to wait, how to trust it and whether to trace the dialogue.
 */
@UriParams
public abstract class NetConfiguration {

    @UriPath(description = "Host name or IP address of the server")
    @Metadata(required = true)
    private String host;
    @UriPath(description = "Port of the server; the protocol's standard port when omitted")
    private int port;
    @UriParam(label = "security", secret = true)
    private String username;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(defaultValue = "30000", javaType = "java.time.Duration")
    private long readTimeout = 30_000;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security", defaultValue = "true")
    private boolean verifyHostname = true;
    @UriParam(label = "security", defaultValue = "loopback")
    private PlainTextPassword plainTextPassword = PlainTextPassword.loopback;
    @UriParam(label = "advanced", defaultValue = "0", enums = "0,1,2")
    private int debugLevel;

    public String getHost() {
        return host;
    }

    /** Host name or IP address of the server. */
    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    /** Port of the server; the protocol's standard port when omitted. */
    public void setPort(int port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    /** User name to log in with. */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /**
     * Password to log in with. Never logged by the component (not even at debugLevel=2) and never shown in endpoint
     * URIs, exceptions or toString. Camel core's own DEBUG logging of endpoint creation shows a URI as written: to keep
     * the password out of it too, set it on the component rather than in the URI.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for the TCP connection (and TLS handshake) to be established. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /**
     * How long to wait for data from the server on any socket (control and data connections) before
     * the operation fails. Never infinite by default.
     */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Camel TLS configuration (key and trust material, protocols, cipher suites) for secure
     * connections. Without it the JVM's default trust store is used.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isVerifyHostname() {
        return verifyHostname;
    }

    /**
     * Whether the server certificate must match the host name connected to. Turn off only for test
     * servers whose certificate names another host.
     */
    public void setVerifyHostname(boolean verifyHostname) {
        this.verifyHostname = verifyHostname;
    }

    public PlainTextPassword getPlainTextPassword() {
        return plainTextPassword;
    }

    /**
     * Whether a password may be sent over a connection that is not encrypted by TLS (neither implicit TLS nor
     * STARTTLS): loopback allows it only when the server address is a loopback address, the same rule as Dovecot's
     * disable_plaintext_auth, so local test servers keep working; never refuses it everywhere; always is the explicit
     * opt-out. A refused password fails the connection before any credential is sent.
     */
    public void setPlainTextPassword(PlainTextPassword plainTextPassword) {
        this.plainTextPassword = plainTextPassword;
    }

    public int getDebugLevel() {
        return debugLevel;
    }

    /**
     * Protocol trace, logged through SLF4J at INFO on the logger io.netproto.camel.trace.PROTOCOL (for example
     * io.netproto.camel.trace.ftp):
     * 0 = off, 1 = every command and the first line of every reply, 2 = complete multi-line replies.
     * Passwords and authentication data are always masked.
     */
    public void setDebugLevel(int debugLevel) {
        this.debugLevel = debugLevel;
    }

    /** Checks the shared settings; a subclass adds its own checks. Messages name the option. */
    public void validate() {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The host is required in the endpoint URI");
        }
        ProtocolArguments.requireSingleLine("username option", username);
        ProtocolArguments.requireSingleLine("password option", password);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Option port must be between 1 and 65535, was " + port);
        }
        if (connectTimeout <= 0) {
            throw new IllegalArgumentException("Option connectTimeout must be positive (a finite timeout), was " + connectTimeout);
        }
        if (readTimeout <= 0) {
            throw new IllegalArgumentException("Option readTimeout must be positive (a finite timeout), was " + readTimeout);
        }
        if (plainTextPassword == null) {
            throw new IllegalArgumentException("Option plainTextPassword must be never, loopback or always");
        }
        if (debugLevel < 0 || debugLevel > 2) {
            throw new IllegalArgumentException("Option debugLevel must be 0, 1 or 2, was " + debugLevel);
        }
    }

    /** The port to connect to: the configured one, or {@code standardPort} when none was given. */
    public int effectivePort(int standardPort) {
        return port > 0 ? port : standardPort;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[host=" + host + ", port=" + port + ", username=" + username + "]";
    }
}
