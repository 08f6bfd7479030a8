package io.netproto.camel.support;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.netproto.testkit.tls.TestTls;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * A self-signed certificate for {@code other.invalid} only, made once per JVM with keytool: a trusted server reached
 * as {@code localhost} or {@code 127.0.0.1} then presents a certificate for another host name.
 */
public final class OtherHostCertificate {

    private static Path keyStore;

    private OtherHostCertificate() {
    }

    /** The PKCS12 key store (password {@link TestTls#password()}), created on first use. */
    public static synchronized Path keyStore() {
        if (keyStore == null) {
            try {
                Path dir = Files.createTempDirectory("netproto-other-host");
                Path store = dir.resolve("other.p12");
                Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                        "-dname", "CN=other.invalid", "-ext", "SAN=dns:other.invalid", "-storetype", "PKCS12",
                        "-keystore", store.toString(), "-storepass", TestTls.password(), "-keypass", TestTls.password())
                        .redirectErrorStream(true).start();
                String output = new String(keytool.getInputStream().readAllBytes());
                if (!keytool.waitFor(30, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
                store.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                keyStore = store;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create the other-host test certificate", e);
            }
        }
        return keyStore;
    }

    /** A server TLS context presenting the certificate. */
    public static SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TestTls.password().toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, TestTls.password().toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load the other-host test certificate", e);
        }
    }

    /** Camel TLS parameters trusting the certificate (JSSE trusts the certificates of a store's key entries). */
    public static SSLContextParameters trustingParameters() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keyStore());
        store.setType("PKCS12");
        store.setPassword(TestTls.password());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }
}
