package io.netproto.testkit.ftp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLException;

import io.netproto.testkit.ftp.EmbeddedFtpServer.Tls;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.mina.transport.socket.SocketSessionConfig;
import org.junit.jupiter.api.Test;

import static io.netproto.testkit.ftp.FtpClients.closeQuietly;
import static io.netproto.testkit.ftp.FtpClients.connect;
import static io.netproto.testkit.ftp.FtpClients.loginTls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedFtpsServerTest {

    private static final byte[] CONTENT = "secret over loopback\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void explicitTlsUpgradesWithAuthTlsAndTransfersOverProtectedData() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").tls(Tls.EXPLICIT).start()) {
            assertRoundTripOverTls(server, false);
        }
    }

    @Test
    void implicitTlsSpeaksTlsFromTheFirstByte() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").tls(Tls.IMPLICIT).start()) {
            assertRoundTripOverTls(server, true);
        }
    }

    @Test
    void explicitTlsServerStillAcceptsPlainLogins() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").tls(Tls.EXPLICIT).start()) {
            FTPClient client = connect(server);
            try {
                assertThat(client.login("scott", "tiger")).isTrue();
            } finally {
                closeQuietly(client);
            }
        }
    }

    @Test
    void plainServerRefusesAuthTls() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            FTPSClient client = new FTPSClient("TLS", false);
            client.setTrustManager(FtpClients.testTrustManager());
            client.setConnectTimeout((int) FtpClients.TIMEOUT.toMillis());
            client.setDefaultTimeout((int) FtpClients.TIMEOUT.toMillis());
            try {
                assertThatThrownBy(() -> client.connect(server.host(), server.port()))
                        .isInstanceOf(SSLException.class);
            } finally {
                closeQuietly(client);
            }
        }
    }

    @Test
    void clientWithoutTheTestTrustStoreRejectsTheCertificate() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").tls(Tls.IMPLICIT).start()) {
            FTPSClient client = new FTPSClient("TLS", true);
            client.setConnectTimeout((int) FtpClients.TIMEOUT.toMillis());
            client.setDefaultTimeout((int) FtpClients.TIMEOUT.toMillis());
            client.setTrustManager(null); // JVM default trust: the self-signed test certificate is unknown
            try {
                assertThatThrownBy(() -> client.connect(server.host(), server.port()))
                        .isInstanceOf(SSLException.class);
            } finally {
                closeQuietly(client);
            }
        }
    }

    @Test
    void tlsControlConnectionsHaveNagleSwitchedOff() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").tls(Tls.IMPLICIT).start()) {
            FTPSClient client = loginTls(server, true, "scott", "tiger");
            try {
                assertThat(server.activeSessions()).hasSize(1).allSatisfy(session -> assertThat(
                        ((SocketSessionConfig) session.getConfig()).isTcpNoDelay()).as("TCP_NODELAY").isTrue());
            } finally {
                closeQuietly(client);
            }
        }
    }

    private static void assertRoundTripOverTls(EmbeddedFtpServer server, boolean implicit) throws IOException {
        FTPSClient client = loginTls(server, implicit, "scott", "tiger");
        try {
            assertThat(client.storeFile("secret.txt", new ByteArrayInputStream(CONTENT)))
                    .as(client.getReplyString()).isTrue();
            assertThat(server.root().resolve("secret.txt")).hasBinaryContent(CONTENT);

            ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
            assertThat(client.retrieveFile("secret.txt", downloaded)).as(client.getReplyString()).isTrue();
            assertThat(downloaded.toByteArray()).isEqualTo(CONTENT);
            assertThat(client.listNames()).containsExactly("secret.txt");
        } finally {
            closeQuietly(client);
        }
    }
}
