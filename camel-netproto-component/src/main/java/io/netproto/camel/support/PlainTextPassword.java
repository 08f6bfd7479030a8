package io.netproto.camel.support;

import java.net.InetAddress;

/**
 * Whether a password may be sent over a connection that is not encrypted by TLS (the {@code plainTextPassword}
 * option). Implicit TLS and a completed STARTTLS upgrade count as encrypted.
 */
public enum PlainTextPassword {

    /** Never: a password is only ever sent over TLS. */
    never,
    /**
     * Only when the server address is a loopback address (the rule of Dovecot's {@code disable_plaintext_auth}), so
     * local test servers keep working; everywhere else TLS is needed.
     */
    loopback,
    /** Always: the explicit opt-out, for trusted networks. */
    always;

    /**
     * The policy decision.
     *
     * @param  encrypted whether the connection is encrypted by TLS
     * @param  address   the address of the server connected to (may be null when unknown: then not loopback)
     * @return           whether the password may be sent
     */
    public boolean allows(boolean encrypted, InetAddress address) {
        return encrypted || this == always || this == loopback && address != null && address.isLoopbackAddress();
    }
}
