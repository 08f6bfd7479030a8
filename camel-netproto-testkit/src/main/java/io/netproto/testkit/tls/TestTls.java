package io.netproto.testkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * The test kit's TLS material: a self-signed server certificate for {@code CN=localhost} (SAN {@code dns:localhost},
 * {@code ip:127.0.0.1}, RSA 2048, valid for 100 years) and a trust store holding that certificate.
 * <p>
 * Both stores are PKCS12 with the password {@link #password()}. They ship as class-path resources and are copied to a
 * temporary directory on first use, so servers and clients can refer to plain file paths. They were generated with:
 *
 * <pre>
 * keytool -genkeypair -alias localhost -keyalg RSA -keysize 2048 -sigalg SHA256withRSA -validity 36500 \
 *   -dname "CN=localhost, OU=camel-netproto test kit, O=netproto" \
 *   -ext "SAN=dns:localhost,ip:127.0.0.1" -ext "EKU=serverAuth" \
 *   -storetype PKCS12 -keystore server-keystore.p12 -storepass changeit -keypass changeit
 * keytool -exportcert -alias localhost -keystore server-keystore.p12 -storepass changeit -file server.cer
 * keytool -importcert -noprompt -alias localhost -file server.cer \
 *   -storetype PKCS12 -keystore truststore.p12 -storepass changeit
 * </pre>
 *
 * For tests only: the private key is public.
 */
public final class TestTls {

    private static final String PASSWORD = "changeit";
    private static final String TYPE = "PKCS12";
    private static final String RESOURCE_DIR = "/io/netproto/testkit/tls/";

    private TestTls() {
    }

    /**
     * The server key store (PKCS12, alias {@code localhost}), holding the private key and the self-signed certificate.
     *
     * @return the path of a temporary copy, the same for the lifetime of the JVM
     */
    public static Path serverKeyStore() {
        return Stores.SERVER_KEY_STORE;
    }

    /**
     * The trust store (PKCS12) holding only the server certificate, as a trusted certificate entry.
     *
     * @return the path of a temporary copy, the same for the lifetime of the JVM
     */
    public static Path trustStore() {
        return Stores.TRUST_STORE;
    }

    /**
     * The password of both stores and of the private key.
     *
     * @return {@code "changeit"}
     */
    public static String password() {
        return PASSWORD;
    }

    /**
     * Camel TLS parameters that trust the test certificate and nothing else (trust store only, no key managers).
     * Usable with or without a {@code CamelContext}: the trust store is loaded already.
     *
     * @return a new, mutable instance on each call
     */
    public static SSLContextParameters trustingParameters() {
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setType(TYPE);
        keyStore.setPassword(PASSWORD);
        keyStore.setKeyStore(load(trustStore()));
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(keyStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    /**
     * A server-side TLS context presenting the test certificate, for embedded servers that take an
     * {@link SSLContext}.
     *
     * @return a new, initialised context (protocol {@code TLS})
     */
    public static SSLContext serverContext() {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(load(serverKeyStore()), PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the test server TLS context", e);
        }
    }

    /**
     * A client-side TLS context trusting the test certificate only, for plain JSSE clients.
     *
     * @return a new, initialised context (protocol {@code TLS})
     */
    public static SSLContext clientContext() {
        try {
            TrustManagerFactory trustManagers
                    = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(load(trustStore()));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the test client TLS context", e);
        }
    }

    private static KeyStore load(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keyStore = KeyStore.getInstance(TYPE);
            keyStore.load(in, PASSWORD.toCharArray());
            return keyStore;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load key store " + path, e);
        }
    }

    /** Lazily copies the stores to a temporary directory, once per JVM (holder idiom). */
    private static final class Stores {
        static final Path DIRECTORY = createDirectory();
        static final Path SERVER_KEY_STORE = copy("server-keystore.p12");
        static final Path TRUST_STORE = copy("truststore.p12");

        private Stores() {
        }

        private static Path createDirectory() {
            try {
                Path dir = Files.createTempDirectory("netproto-testkit-tls");
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary directory for the test TLS stores", e);
            }
        }

        private static Path copy(String name) {
            Path target = DIRECTORY.resolve(name);
            try (InputStream in = TestTls.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing class-path resource " + RESOURCE_DIR + name);
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy " + name + " to " + target, e);
            }
            target.toFile().deleteOnExit();
            return target;
        }
    }
}
