package io.netproto.testkit.tls;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TestTlsTest {

    @Test
    void storesArePkcs12FilesSharingOnePassword() throws Exception {
        KeyStore server = load(TestTls.serverKeyStore());
        KeyStore trust = load(TestTls.trustStore());

        assertThat(TestTls.serverKeyStore()).isRegularFile();
        assertThat(TestTls.trustStore()).isRegularFile();
        assertThat(server.isKeyEntry("localhost")).isTrue();
        assertThat(server.getKey("localhost", TestTls.password().toCharArray())).isNotNull();
        assertThat(trust.isCertificateEntry("localhost")).isTrue();
        assertThat(trust.getCertificate("localhost")).isEqualTo(server.getCertificate("localhost"));
    }

    @Test
    void certificateNamesLocalhostByNameAndAddressForDecades() throws Exception {
        X509Certificate cert = (X509Certificate) load(TestTls.trustStore()).getCertificate("localhost");

        assertThat(cert.getSubjectX500Principal().getName()).startsWith("CN=localhost");
        assertThat(cert.getSubjectAlternativeNames())
                .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(cert.getNotAfter().toInstant())
                .isAfter(Instant.now().plus(Duration.ofDays(365L * 50)));
    }

    @Test
    void trustingParametersBuildAContextWithoutCamelContext() throws Exception {
        SSLContext context = TestTls.trustingParameters().createSSLContext(null);

        assertThat(handshake(context, "localhost")).isEqualTo("pong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void serverContextAndClientContextHandshakeWithHostnameVerification(String host) throws Exception {
        assertThat(handshake(TestTls.clientContext(), host)).isEqualTo("pong");
    }

    private static KeyStore load(Path path) throws Exception {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, TestTls.password().toCharArray());
            return keyStore;
        }
    }

    /** One TLS exchange between TestTls.serverContext() and the given client context, verifying the host name. */
    private static String handshake(SSLContext clientContext, String host) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) TestTls.serverContext().getServerSocketFactory()
                .createServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.getInputStream().read();
                    OutputStream out = accepted.getOutputStream();
                    out.write("pong".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket client
                    = (SSLSocket) clientContext.getSocketFactory().createSocket(host, server.getLocalPort())) {
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                client.setSoTimeout(5_000);
                client.getOutputStream().write('p');
                client.getOutputStream().flush();
                String reply = new String(client.getInputStream().readNBytes(4), StandardCharsets.US_ASCII);
                serving.get(5, TimeUnit.SECONDS);
                return reply;
            }
        }
    }
}
