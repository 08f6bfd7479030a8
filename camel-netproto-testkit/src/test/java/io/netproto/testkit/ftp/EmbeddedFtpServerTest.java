package io.netproto.testkit.ftp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.mina.transport.socket.SocketSessionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.netproto.testkit.ftp.FtpClients.await;
import static io.netproto.testkit.ftp.FtpClients.closeQuietly;
import static io.netproto.testkit.ftp.FtpClients.connect;
import static io.netproto.testkit.ftp.FtpClients.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedFtpServerTest {

    private static final byte[] CONTENT = "hello over loopback\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void listensOnLoopbackOnAFreePortByDefault() {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive();
            assertThat(server.root()).isDirectory().isAbsolute();
        }
    }

    @Test
    void aTemporaryRootInAChosenDirectoryIsDeletedOnClose(@TempDir Path parent) {
        Path root;
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").tempRootIn(parent).start()) {
            root = server.root();
            assertThat(root.getParent()).isEqualTo(parent.toAbsolutePath().normalize());
            assertThat(root).isDirectory();
        }
        assertThat(root).doesNotExist();
        assertThat(parent).isDirectory();
    }

    @Test
    void storedFileLandsUnderRootAndReadsBackIdentically() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            FTPClient client = login(server, "scott", "tiger");
            try {
                assertThat(client.makeDirectory("inbox")).isTrue();
                assertThat(client.storeFile("/inbox/a.txt", new ByteArrayInputStream(CONTENT))).isTrue();
                assertThat(server.root().resolve("inbox/a.txt")).hasBinaryContent(CONTENT);

                ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
                assertThat(client.retrieveFile("/inbox/a.txt", downloaded)).isTrue();
                assertThat(downloaded.toByteArray()).isEqualTo(CONTENT);
            } finally {
                closeQuietly(client);
            }
        }
    }

    @Test
    void passiveModeAdvertisesLoopback() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            FTPClient client = login(server, "scott", "tiger");
            try {
                assertThat(client.pasv()).isEqualTo(FTPReply.ENTERING_PASSIVE_MODE);
                assertThat(client.getReplyString()).contains("(127,0,0,1,");
            } finally {
                closeQuietly(client);
            }
        }
    }

    @Test
    void concurrentClientsTransferInParallel() throws Exception {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<byte[]>> downloads = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String name = "parallel-" + i + ".txt";
                    downloads.add(pool.submit(() -> {
                        FTPClient client = login(server, "scott", "tiger");
                        try {
                            for (int round = 0; round < 5; round++) {
                                assertThat(client.storeFile(name, new ByteArrayInputStream(CONTENT))).isTrue();
                            }
                            ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
                            assertThat(client.retrieveFile(name, downloaded)).isTrue();
                            return downloaded.toByteArray();
                        } finally {
                            closeQuietly(client);
                        }
                    }));
                }
                for (Future<byte[]> download : downloads) {
                    assertThat(download.get(10, TimeUnit.SECONDS)).isEqualTo(CONTENT);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void wrongPasswordIsRefusedWithoutDisconnecting() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            FTPClient client = connect(server);
            try {
                for (int attempt = 0; attempt < 4; attempt++) {
                    assertThat(client.login("scott", "wrong")).isFalse();
                    assertThat(client.getReplyCode()).isEqualTo(FTPReply.NOT_LOGGED_IN);
                }
                assertThat(client.login("scott", "tiger")).isTrue();
            } finally {
                closeQuietly(client);
            }
        }
    }

    @Test
    void anonymousMayLogInAndWriteOnlyWhenAllowed() throws IOException {
        try (EmbeddedFtpServer closed = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            FTPClient client = connect(closed);
            try {
                assertThat(client.login("anonymous", "guest@example.com")).isFalse();
            } finally {
                closeQuietly(client);
            }
        }
        try (EmbeddedFtpServer open = EmbeddedFtpServer.builder().anonymous(true).start()) {
            FTPClient client = login(open, "anonymous", "guest@example.com");
            try {
                assertThat(client.storeFile("anon.txt", new ByteArrayInputStream(CONTENT))).isTrue();
                assertThat(open.root().resolve("anon.txt")).hasBinaryContent(CONTENT);
            } finally {
                closeQuietly(client);
            }
        }
    }

    @Test
    void commandsAreRecordedWithoutThePassword() throws Exception {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            assertThat(server.commands()).isEmpty();
            FTPClient client = login(server, "scott", "tiger");
            client.changeWorkingDirectory("/");
            closeQuietly(client);
            assertThat(server.commands()).startsWith("USER scott", "PASS ****").contains("CWD /")
                    .noneMatch(c -> c.contains("tiger"));
            server.clearCommands();
            assertThat(server.commands()).isEmpty();
        }
    }

    @Test
    void connectionCountFollowsOpenControlConnections() throws Exception {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            assertThat(server.connectionCount()).isZero();
            FTPClient first = connect(server);
            FTPClient second = login(server, "scott", "tiger");
            assertThat(server.connectionCount()).isEqualTo(2);

            first.logout();
            closeQuietly(first);
            await("one connection left", () -> server.connectionCount() == 1);
            closeQuietly(second);
            await("no connection left", () -> server.connectionCount() == 0);
        }
    }

    @Test
    void closeAllConnectionsDropsClientsButKeepsServing() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            FTPClient dropped = login(server, "scott", "tiger");
            FTPClient notLoggedIn = connect(server);

            server.closeAllConnections();

            assertThat(server.connectionCount()).isZero();
            assertThatThrownBy(dropped::sendNoOp).isInstanceOf(IOException.class);
            assertThatThrownBy(notLoggedIn::sendNoOp).isInstanceOf(IOException.class);
            closeQuietly(dropped);
            closeQuietly(notLoggedIn);

            FTPClient fresh = login(server, "scott", "tiger");
            try {
                assertThat(fresh.sendNoOp()).isTrue();
            } finally {
                closeQuietly(fresh);
            }
        }
    }

    @Test
    void closeAllConnectionsAbortsATransferInProgress() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            byte[] large = new byte[16 * 1024 * 1024]; // more than loopback socket buffers hold
            Files.write(server.root().resolve("large.bin"), large);
            FTPClient client = login(server, "scott", "tiger");
            client.setReceieveDataSocketBufferSize(64 * 1024);
            try (InputStream download = client.retrieveFileStream("large.bin")) {
                assertThat(download).as(client.getReplyString()).isNotNull();
                long received = download.readNBytes(1024).length;

                server.closeAllConnections();

                received += drain(download);
                assertThat(received).isLessThan(large.length);
            } finally {
                closeQuietly(client);
            }
        }
    }

    @Test
    void restartKeepsPortAndFilesAndDropsOldConnections() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            int port = server.port();
            FTPClient before = login(server, "scott", "tiger");
            assertThat(before.storeFile("kept.txt", new ByteArrayInputStream(CONTENT))).isTrue();

            server.restart();

            assertThat(server.port()).isEqualTo(port);
            assertThatThrownBy(before::sendNoOp).isInstanceOf(IOException.class);
            closeQuietly(before);
            FTPClient after = login(server, "scott", "tiger");
            try {
                ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
                assertThat(after.retrieveFile("kept.txt", downloaded)).isTrue();
                assertThat(downloaded.toByteArray()).isEqualTo(CONTENT);
            } finally {
                closeQuietly(after);
            }
        }
    }

    @Test
    void stoppedServerRefusesConnectionsUntilRestarted() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            server.stop();
            assertThat(server.connectionCount()).isZero();
            assertThatThrownBy(() -> connect(server)).isInstanceOf(IOException.class);

            server.restart();
            FTPClient client = login(server, "scott", "tiger");
            closeQuietly(client);
        }
    }

    @Test
    void listensOnTheRequestedPort() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            free = probe.getLocalPort();
        }
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().port(free).anonymous(true).start()) {
            assertThat(server.port()).isEqualTo(free);
        }
    }

    @Test
    void startFailsNamingTheAddressWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedFtpServer.builder().port(port).anonymous(true).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void closeDeletesOnlyATemporaryRoot(@TempDir Path given) throws IOException {
        Path temporary;
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().anonymous(true).start()) {
            temporary = server.root();
            Files.writeString(temporary.resolve("file.txt"), "x");
        }
        assertThat(temporary).doesNotExist();

        Path root = given.resolve("ftp-root");
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().anonymous(true).root(root).start()) {
            assertThat(server.root()).isEqualTo(root.toAbsolutePath());
            Files.writeString(root.resolve("file.txt"), "x");
        }
        assertThat(root.resolve("file.txt")).exists();
    }

    @Test
    void controlConnectionsHaveNagleSwitchedOff() throws IOException {
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("scott", "tiger").start()) {
            FTPClient client = login(server, "scott", "tiger");
            try {
                long start = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    assertThat(client.sendNoOp()).isTrue();
                }
                long noopMillis = (System.nanoTime() - start) / 1_000_000;
                // a transfer's two replies (150, then 226) are what Nagle delays; NOOP ping-pong barely shows it
                assertThat(client.storeFile("small.bin", new ByteArrayInputStream(CONTENT))).isTrue();
                start = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    assertThat(client.retrieveFile("small.bin", new ByteArrayOutputStream())).isTrue();
                }
                long retrMillis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("Embedded FTP server: 200 NOOPs took %d ms, 20 small RETRs took %d ms "
                        + "(with Nagle on, each RETR would stall ~40 ms)%n", noopMillis, retrMillis);

                assertThat(server.activeSessions()).hasSize(1).allSatisfy(session -> assertThat(
                        ((SocketSessionConfig) session.getConfig()).isTcpNoDelay()).as("TCP_NODELAY").isTrue());
            } finally {
                closeQuietly(client);
            }
        }
    }

    /** Reads to the end of the stream or to the first error, returning the number of bytes read. */
    private static long drain(InputStream in) {
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                count += n;
            }
        } catch (IOException expected) {
            // reset by the server
        }
        return count;
    }
}
