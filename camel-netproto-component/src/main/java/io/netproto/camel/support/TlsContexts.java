package io.netproto.camel.support;

import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Builds the {@link SSLContext} of an endpoint from Camel's {@code sslContextParameters}, or the JVM
 * default (certificate verification against the default trust store) when none is configured.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** The SSL context to use for the given settings. */
    public static SSLContext create(CamelContext camelContext, NetConfiguration configuration) {
        SSLContextParameters parameters = configuration.getSslContextParameters();
        if (parameters == null && camelContext != null) {
            parameters = camelContext.getSSLContextParameters();
        }
        try {
            if (parameters != null) {
                return parameters.createSSLContext(camelContext);
            }
            return SSLContext.getDefault();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new NetprotoException("Cannot create the TLS context from sslContextParameters: " + e.getMessage(), e);
        }
    }

    /** Turns on host-name verification (the HTTPS rules of RFC 2818) on a client socket. */
    public static void verifyHostname(SSLSocket socket) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
    }
}
