package io.netproto.testkit.ftp;

import java.io.IOException;
import java.nio.file.Files;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;

import static io.netproto.testkit.ftp.FtpClients.closeQuietly;
import static io.netproto.testkit.ftp.FtpClients.login;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link EmbeddedFtpServer#refuse} answers a command with 550 without carrying it out, until {@link EmbeddedFtpServer#allow}. */
class CommandRefusalsTest {

    @Test
    void aRefusedCommandIsAnswered550AndNotCarriedOutUntilAllowed() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            Files.writeString(server.root().resolve("a.txt"), "a");
            server.refuse("dele");
            FTPClient client = login(server, "scott", "tiger");
            try {
                assertThat(client.deleteFile("/a.txt")).isFalse();
                assertThat(client.getReplyCode()).isEqualTo(550);
                assertThat(client.getReplyString()).contains("Refused by the test");
                assertThat(server.root().resolve("a.txt")).exists();
                assertThat(server.commands()).contains("DELE /a.txt");

                server.allow("DELE");
                assertThat(client.deleteFile("/a.txt")).isTrue();
                assertThat(server.root().resolve("a.txt")).doesNotExist();
            } finally {
                closeQuietly(client);
            }
        }
    }
}
