package io.netproto.camel.ftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.netproto.camel.support.ProtocolReplyException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FtpProducerTest extends FtpTestSupport {

    private Object op(String operation, Object body, Object... headers) {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put(FtpConstants.OPERATION, operation);
        for (int i = 0; i < headers.length; i += 2) {
            map.put((String) headers[i], headers[i + 1]);
        }
        return request(uri("inbox", ""), body, map);
    }

    @Test
    void storbinaryUploadsAndRetrbinaryDownloadsTheSameBytes() {
        byte[] data = new byte[200_000];
        new java.util.Random(7).nextBytes(data);
        Object path = op("storbinary", data, Exchange.FILE_NAME, "data/blob.bin");
        assertThat(path).isEqualTo("/inbox/data/blob.bin");

        Object body = op("retrbinary", null, Exchange.FILE_NAME, "data/blob.bin");
        assertThat(body).isInstanceOf(FtpRemoteFile.class);
        assertThat(context.getTypeConverter().convertTo(byte[].class, body)).isEqualTo(data);
    }

    @Test
    void retrbinaryResumesFromTheRestartOffset() {
        writeRemote("inbox/resume.txt", "0123456789abcdef");
        Object body = op("retrbinary", null, Exchange.FILE_NAME, "resume.txt", FtpConstants.RESTART_OFFSET, 10L);
        assertThat(context.getTypeConverter().convertTo(String.class, body)).isEqualTo("abcdef");
    }

    @Test
    void storlinesAndRetrlinesTransferText() {
        op("storlines", "first line\nsecond line\n", Exchange.FILE_NAME, "notes.txt");
        assertThat(readRemote("inbox/notes.txt")).isEqualTo("first line\r\nsecond line\r\n".replace("\r\n", System.lineSeparator()));
        Object body = op("retrlines", null, Exchange.FILE_NAME, "notes.txt");
        assertThat(context.getTypeConverter().convertTo(String.class, body)).contains("first line").contains("second line");
    }

    @Test
    void uploadWithoutOperationStoresTheBodyFromAnyType() throws IOException {
        template.sendBodyAndHeader(uri("inbox", ""), "text body", Exchange.FILE_NAME, "s.txt");
        template.sendBodyAndHeader(uri("inbox", ""), new ByteArrayInputStream("stream body".getBytes()), Exchange.FILE_NAME, "i.txt");
        java.nio.file.Path local = Files.createTempFile("netftp", ".txt");
        Files.writeString(local, "file body");
        template.sendBodyAndHeader(uri("inbox", ""), local.toFile(), Exchange.FILE_NAME, "f.txt");
        assertThat(readRemote("inbox/s.txt")).isEqualTo("text body");
        assertThat(readRemote("inbox/i.txt")).isEqualTo("stream body");
        assertThat(readRemote("inbox/f.txt")).isEqualTo("file body");
        Files.delete(local);
    }

    @Test
    void fileNameOptionIsUsedWithoutHeader() {
        template.sendBody(uri("inbox", "fileName=fixed.txt"), "content");
        assertThat(readRemote("inbox/fixed.txt")).isEqualTo("content");
    }

    @Test
    void pwdAndCwdReportAbsoluteDirectories() {
        writeRemote("inbox/sub/x.txt", "x");
        assertThat(op("pwd", null)).isEqualTo("/inbox");
        assertThat(op("cwd", null, FtpConstants.PATH, "sub")).isEqualTo("/inbox/sub");
        // the next exchange starts again in the endpoint directory
        assertThat(op("pwd", null)).isEqualTo("/inbox");
    }

    @Test
    void dirNlstAndMlsdListTheDirectory() {
        writeRemote("inbox/a.txt", "aaa");
        writeRemote("inbox/b.txt", "bb");
        writeRemote("inbox/sub/c.txt", "c");

        @SuppressWarnings("unchecked")
        List<FtpEntry> dir = (List<FtpEntry>) op("dir", null);
        assertThat(dir).extracting(FtpEntry::name).containsExactlyInAnyOrder("a.txt", "b.txt", "sub");
        FtpEntry a = dir.stream().filter(e -> e.name().equals("a.txt")).findFirst().orElseThrow();
        assertThat(a.isFile()).isTrue();
        assertThat(a.size()).isEqualTo(3);
        assertThat(a.raw()).contains("a.txt");

        assertThat(op("nlst", null)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class)).containsExactlyInAnyOrder("a.txt", "b.txt", "sub");

        @SuppressWarnings("unchecked")
        List<FtpEntry> mlsd = (List<FtpEntry>) op("mlsd", null, FtpConstants.PATH, "sub");
        assertThat(mlsd).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("c.txt");
            assertThat(e.relativePath()).isEqualTo("sub/c.txt");
            assertThat(e.remotePath()).isEqualTo("/inbox/sub/c.txt");
            assertThat(e.size()).isEqualTo(1);
            assertThat(e.modified()).isNotNull();
        });
    }

    @Test
    void renameDeleteMkdRmdChangeTheServer() {
        writeRemote("inbox/old.txt", "payload");
        assertThat(op("rename", null, Exchange.FILE_NAME, "old.txt", FtpConstants.NEW_NAME, "new.txt")).isEqualTo("/inbox/new.txt");
        assertThat(remote("inbox/old.txt")).doesNotExist();
        assertThat(readRemote("inbox/new.txt")).isEqualTo("payload");

        op("delete", null, Exchange.FILE_NAME, "new.txt");
        assertThat(remote("inbox/new.txt")).doesNotExist();

        op("mkd", null, FtpConstants.PATH, "made");
        assertThat(remote("inbox/made")).isDirectory();
        op("rmd", null, FtpConstants.PATH, "made");
        assertThat(remote("inbox/made")).doesNotExist();
    }

    @Test
    void sizeAndMdtmDescribeAFile() throws IOException {
        writeRemote("inbox/sized.txt", "12345");
        Instant time = Instant.parse("2024-05-06T07:08:09Z");
        Files.setLastModifiedTime(remote("inbox/sized.txt"), java.nio.file.attribute.FileTime.from(time));
        assertThat(op("size", null, Exchange.FILE_NAME, "sized.txt")).isEqualTo(5L);
        assertThat(op("mdtm", null, Exchange.FILE_NAME, "sized.txt")).isEqualTo(time.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void appendAddsToTheRemoteFile() {
        writeRemote("inbox/log.txt", "one;");
        op("append", "two;", Exchange.FILE_NAME, "log.txt");
        assertThat(readRemote("inbox/log.txt")).isEqualTo("one;two;");
    }

    @Test
    void fileExistStrategiesOverrideFailIgnoreAppend() {
        writeRemote("inbox/t.txt", "old");
        template.sendBodyAndHeader(uri("inbox", "fileExist=Override"), "new", Exchange.FILE_NAME, "t.txt");
        assertThat(readRemote("inbox/t.txt")).isEqualTo("new");

        assertThatThrownBy(() -> template.sendBodyAndHeader(uri("inbox", "fileExist=Fail"), "x", Exchange.FILE_NAME, "t.txt"))
                .hasRootCauseMessage("Remote file /inbox/t.txt already exists (fileExist=Fail)");
        assertThat(readRemote("inbox/t.txt")).isEqualTo("new");

        Exchange ignored = template.request(uri("inbox", "fileExist=Ignore"), e -> {
            e.getIn().setBody("ignored");
            e.getIn().setHeader(Exchange.FILE_NAME, "t.txt");
        });
        assertThat(ignored.getMessage().getHeader(FtpConstants.UPLOAD_SKIPPED, Boolean.class)).isTrue();
        assertThat(readRemote("inbox/t.txt")).isEqualTo("new");

        template.sendBodyAndHeaders(uri("inbox", ""), "+more", Map.of(Exchange.FILE_NAME, "t.txt", FtpConstants.FILE_EXIST, "Append"));
        assertThat(readRemote("inbox/t.txt")).isEqualTo("new+more");
    }

    @Test
    void anUploadFailingHalfWayLeavesTheOldTargetIntactAndNoTemporaryFile() throws IOException {
        writeRemote("inbox/target.bin", "the old content");
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("source broke");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> template.sendBodyAndHeader(uri("inbox", ""), failing, Exchange.FILE_NAME, "target.bin"))
                .isInstanceOf(CamelExecutionException.class);
        assertThat(readRemote("inbox/target.bin")).isEqualTo("the old content");
        try (var files = Files.list(remote("inbox"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("target.bin");
        }
        // the producer still works afterwards
        template.sendBodyAndHeader(uri("inbox", ""), "the new content", Exchange.FILE_NAME, "target.bin");
        assertThat(readRemote("inbox/target.bin")).isEqualTo("the new content");
    }

    @Test
    void aServerRefusalCarriesTheReplyCodeAndText() {
        assertThatThrownBy(() -> op("size", null, Exchange.FILE_NAME, "missing.txt"))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(ProtocolReplyException.class, e -> {
                    assertThat(e.getReplyCode()).isEqualTo(550);
                    assertThat(e.getReplyText()).isNotEmpty();
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains("SIZE /inbox/missing.txt").contains("550");
                });
    }

    @Test
    void crLfInNamesAndEscapingPathsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> op("delete", null, Exchange.FILE_NAME, "a.txt\r\nDELE other.txt"))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR, LF");
        assertThatThrownBy(() -> op("storbinary", "x", Exchange.FILE_NAME, "../outside.txt"))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..'");
        assertThatThrownBy(() -> op("retrbinary", null, Exchange.FILE_NAME, "/etc/passwd"))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> op("rename", null, Exchange.FILE_NAME, "a", FtpConstants.NEW_NAME, "x\ny"))
                .cause().isInstanceOf(IllegalArgumentException.class);
        assertThat(server.connectionCount()).isZero();
        assertThat(remote("outside.txt")).doesNotExist();
    }

    @Test
    void anUnknownOperationFailsWithTheValidValues() {
        assertThatThrownBy(() -> op("explode", null))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explode").hasMessageContaining("retrbinary");
    }

    @Test
    void exchangesReuseOneLoggedInConnection() {
        for (int i = 0; i < 20; i++) {
            template.sendBodyAndHeader(uri("inbox", ""), "n" + i, Exchange.FILE_NAME, "n" + i + ".txt");
        }
        assertThat(server.connectionCount()).isEqualTo(1);
        assertThat(op("nlst", null)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(20);
        assertThat(server.connectionCount()).isEqualTo(1);
    }

    @Test
    void concurrentExchangesEachGetTheirOwnConnection() throws Exception {
        int threads = 8;
        int perThread = 10;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String name = "c" + thread + "-" + i + ".txt";
                        template.sendBodyAndHeader(uri("inbox", ""), name, Exchange.FILE_NAME, name);
                        Object back = op("retrbinary", null, Exchange.FILE_NAME, name);
                        assertThat(context.getTypeConverter().convertTo(String.class, back)).isEqualTo(name);
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(remote("inbox"))) {
            assertThat(files.count()).isEqualTo(threads * perThread);
        }
        assertThat(new String(Files.readAllBytes(remote("inbox/c3-7.txt")), StandardCharsets.UTF_8)).isEqualTo("c3-7.txt");
    }
}
