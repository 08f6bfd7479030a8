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
            return defaultTrustContext();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new NetprotoException("Cannot create the TLS context from sslContextParameters: " + e.getMessage(), e);
        }
    }

    /**
     * A new context with the JVM's default trust (and the javax.net.ssl.keyStore client key, if set).
     * Not the shared {@code SSLContext.getDefault()}: each context has its own session cache, and FTPS
     * session reuse needs the control connection's session to stay in it while other sessions run.
     */
    private static SSLContext defaultTrustContext() throws GeneralSecurityException, java.io.IOException {
        javax.net.ssl.KeyManager[] keyManagers = null;
        String keyStore = System.getProperty("javax.net.ssl.keyStore");
        if (keyStore != null && !keyStore.isEmpty() && !"NONE".equals(keyStore)) {
            String password = System.getProperty("javax.net.ssl.keyStorePassword", "");
            java.security.KeyStore store = java.security.KeyStore.getInstance(
                    System.getProperty("javax.net.ssl.keyStoreType", java.security.KeyStore.getDefaultType()));
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(keyStore))) {
                store.load(in, password.toCharArray());
            }
            javax.net.ssl.KeyManagerFactory factory
                    = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password.toCharArray());
            keyManagers = factory.getKeyManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, null, null);
        return context;
    }

    /**
     * A hint to append to a connection failure caused by TLS (an {@link javax.net.ssl.SSLException} in
     * the cause chain), naming the options that decide trust; empty for other failures.
     */
    public static String trustHint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return " (TLS: the server certificate must be trusted by sslContextParameters or the JVM trust store"
                       + " and, unless verifyHostname=false, name the host connected to)";
            }
        }
        return "";
    }

    /** Turns on host-name verification (the HTTPS rules of RFC 2818) on a client socket. */
    public static void verifyHostname(SSLSocket socket) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
    }
}
