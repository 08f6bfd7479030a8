package io.netproto.testkit.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.net.ssl.X509TrustManager;

import io.netproto.testkit.tls.TestTls;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Bare Commons Net clients for the test-kit tests. */
final class FtpClients {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private FtpClients() {
    }

    /** A plain client connected to the server, not logged in. */
    static FTPClient connect(EmbeddedFtpServer server) throws IOException {
        return configureAndConnect(new FTPClient(), server);
    }

    /** A plain client connected and logged in, binary, passive. */
    static FTPClient login(EmbeddedFtpServer server, String user, String password) throws IOException {
        FTPClient client = connect(server);
        assertThat(client.login(user, password)).as("login as %s: %s", user, client.getReplyString()).isTrue();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        return client;
    }

    /**
     * An FTPS client trusting only the test certificate, with host name verification on, connected; for explicit
     * TLS it has already sent AUTH TLS.
     */
    static FTPSClient connectTls(EmbeddedFtpServer server, boolean implicit) throws IOException {
        FTPSClient client = new FTPSClient("TLS", implicit);
        client.setTrustManager(testTrustManager());
        client.setEndpointCheckingEnabled(true);
        return configureAndConnect(client, server);
    }

    /** Connects a TLS client, logs in, and protects the data channel (PBSZ 0, PROT P). */
    static FTPSClient loginTls(EmbeddedFtpServer server, boolean implicit, String user, String password)
            throws IOException {
        FTPSClient client = connectTls(server, implicit);
        assertThat(client.login(user, password)).as("login: %s", client.getReplyString()).isTrue();
        client.execPBSZ(0);
        client.execPROT("P");
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        return client;
    }

    /** A trust manager trusting only the test certificate, from {@link TestTls#trustStore()}. */
    static X509TrustManager testTrustManager() {
        try (InputStream in = Files.newInputStream(TestTls.trustStore())) {
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(in, TestTls.password().toCharArray());
            return TrustManagerUtils.getDefaultTrustManager(trustStore);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes a client, ignoring a connection the server has already dropped. */
    static void closeQuietly(FTPClient client) {
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Waits until the condition holds, failing after {@link #TIMEOUT}. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static <C extends FTPClient> C configureAndConnect(C client, EmbeddedFtpServer server)
            throws IOException {
        client.setConnectTimeout((int) TIMEOUT.toMillis());
        client.setDefaultTimeout((int) TIMEOUT.toMillis());
        client.setDataTimeout(TIMEOUT);
        client.connect(server.host(), server.port());
        assertThat(FTPReply.isPositiveCompletion(client.getReplyCode())).as(client.getReplyString()).isTrue();
        client.setSoTimeout((int) TIMEOUT.toMillis());
        return client;
    }
}
