package io.netproto.camel.support;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Applies the {@code plainTextPassword} option where a protocol client is about to send a password. */
public final class PlainTextPasswords {

    private PlainTextPasswords() {
    }

    /**
     * Checks the connection right before the password would be sent: after any STARTTLS upgrade, on the address of
     * the connected socket. Does nothing when no password is configured.
     *
     * @param  cfg                        the endpoint's settings
     * @param  protocol                   the protocol name for the message, e.g. {@code "FTP"}
     * @param  server                     {@code host:port} for the message
     * @param  encrypted                  whether the connection is encrypted by TLS (implicit or upgraded)
     * @param  address                    the address of the connected server
     * @throws PlainTextPasswordException when the option refuses to send the password
     */
    public static void check(NetConfiguration cfg, String protocol, String server, boolean encrypted, InetAddress address) {
        if (cfg.getPassword() != null && !cfg.getPlainTextPassword().allows(encrypted, address)) {
            throw refused(cfg, protocol, server);
        }
    }

    /**
     * For a client library that connects and logs in in one step (no hook between them): whether the connection must
     * be encrypted because the option refuses a password over clear text to this host. Decided on every address the
     * host name resolves to, so that whichever the client connects to, the rule holds; false when no password is
     * configured.
     *
     * @param  cfg the endpoint's settings
     * @return     whether a password may only be sent over TLS to this host
     */
    public static boolean requireTls(NetConfiguration cfg) {
        if (cfg.getPassword() == null || cfg.getPlainTextPassword() == PlainTextPassword.always) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(cfg.getHost())) {
                if (!cfg.getPlainTextPassword().allows(false, address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return true; // the connection fails anyway; the client reports the unknown host
        }
    }

    /**
     * Like {@link #check}, for a client library that does not expose its socket: decided on every address the host
     * name resolves to (see {@link #requireTls}).
     *
     * @throws PlainTextPasswordException when the option refuses to send the password
     */
    public static void checkResolved(NetConfiguration cfg, String protocol, String server, boolean encrypted) {
        if (!encrypted && requireTls(cfg)) {
            throw refused(cfg, protocol, server);
        }
    }

    /** The exception for a refused password, naming the option and the ways out. */
    public static PlainTextPasswordException refused(NetConfiguration cfg, String protocol, String server) {
        return new PlainTextPasswordException("Refused to send the password to the " + protocol + " server " + server
                                              + " over a connection that is not encrypted by TLS (option plainTextPassword="
                                              + cfg.getPlainTextPassword() + ", which allows it "
                                              + (cfg.getPlainTextPassword() == PlainTextPassword.never
                                                      ? "nowhere" : "only to a loopback address")
                                              + "): nothing of the credentials was sent. Use TLS (the secure scheme or"
                                              + " STARTTLS) or set plainTextPassword=always");
    }
}
