package io.netproto.testkit.fault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Random;

import io.netproto.testkit.ftp.EmbeddedFtpServer;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Passive data connections cross the proxy, so faults reach transfers too. */
class FtpThroughFaultProxyTest {

    private EmbeddedFtpServer server;
    private FaultProxy proxy;
    private final byte[] content = new byte[300_000];

    @BeforeEach
    void start() {
        new Random(1).nextBytes(content);
        server = EmbeddedFtpServer.builder().user("alice", "pw").start();
        proxy = FaultProxy.ftp(server.host(), server.port());
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.close();
    }

    private FTPClient login(boolean extendedPassive) throws IOException {
        FTPClient client = new FTPClient();
        client.setDefaultTimeout(5_000);
        client.setDataTimeout(java.time.Duration.ofSeconds(5));
        client.connect(proxy.host(), proxy.port());
        assertThat(client.login("alice", "pw")).isTrue();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        client.setUseEPSVwithIPv4(extendedPassive);
        return client;
    }

    @Test
    void pasvAndEpsvTransfersCrossTheProxy() throws IOException {
        for (boolean extended : new boolean[] { false, true }) {
            FTPClient client = login(extended);
            String name = "f" + extended + ".bin";
            assertThat(client.storeFile(name, new ByteArrayInputStream(content))).as(client.getReplyString()).isTrue();
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            assertThat(client.retrieveFile(name, back)).as(client.getReplyString()).isTrue();
            assertThat(back.toByteArray()).isEqualTo(content);
            assertThat(Files.readAllBytes(server.root().resolve(name))).isEqualTo(content);
            client.logout();
            client.disconnect();
        }
        assertThat(proxy.connectionCount()).as("2 control + 4 data connections").isEqualTo(6);
    }

    @Test
    void aResetDataConnectionFailsTheDownload() throws IOException {
        Files.write(server.root().resolve("big.bin"), content);
        // connection 1 is the control connection, 2 the data connection of RETR
        proxy.faults(FaultSource.sequence(Fault.none(), Fault.resetAfterBytes(Direction.SERVER_TO_CLIENT, 100_000)));
        FTPClient client = login(false);
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        boolean ok;
        try {
            ok = client.retrieveFile("big.bin", partial);
        } catch (IOException e) {
            ok = false;
        }
        assertThat(ok).isFalse();
        assertThat(partial.size()).isLessThan(content.length);
        assertThat(proxy.faultsInjected(Fault.Kind.RESET)).isEqualTo(1);
        client.disconnect();
    }
}
