package io.netproto.bench.ftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/** What the FTP workloads share: the login, the endpoint URIs of each contender, files on the server's disk. */
final class FtpBench {

    static final String HOST = "127.0.0.1";
    static final String USER = "bench";
    static final String PASSWORD = "bench";
    static final int SMALL_FILE = 1024;
    /**
     * camel-ftp as tuned for the benchmark: passive, binary, absolute paths instead of a CWD per file (stepwise=false),
     * the connection kept between polls and messages (disconnect=false), no NOOP before each poll or upload
     * (sendNoop=false).
     */
    static final String CAMEL_FTP_TUNING =
            "passiveMode=true&binary=true&stepwise=false&disconnect=false&sendNoop=false";

    private FtpBench() {
    }

    static String netftp(int port, String dir, String options) {
        return "netftp://" + USER + "@" + HOST + ":" + port + "/" + dir + "?password=" + PASSWORD + and(options);
    }

    static String camelFtp(int port, String dir, String options) {
        return "ftp://" + USER + "@" + HOST + ":" + port + "/" + dir + "?password=" + PASSWORD + "&" + CAMEL_FTP_TUNING
                + and(options);
    }

    private static String and(String options) {
        return options.isEmpty() ? "" : "&" + options;
    }

    /** A logged-in Commons Net client in passive binary mode, as the bare loops use it. */
    static FTPClient connect(int port) throws IOException {
        FTPClient client = new FTPClient();
        client.setBufferSize(65536);
        client.connect(HOST, port);
        if (!FTPReply.isPositiveCompletion(client.getReplyCode()) || !client.login(USER, PASSWORD)
                || !client.setFileType(FTP.BINARY_FILE_TYPE)) {
            client.disconnect();
            throw new IOException("FTP login failed: " + client.getReplyString());
        }
        client.enterLocalPassiveMode();
        return client;
    }

    static void logout(FTPClient client) throws IOException {
        try {
            client.logout();
        } finally {
            client.disconnect();
        }
    }

    /** The content of small file number {@code i}: {@link #SMALL_FILE} bytes. */
    static byte[] smallContent(int i) {
        byte[] data = new byte[SMALL_FILE];
        Arrays.fill(data, (byte) ('a' + i % 26));
        return data;
    }

    static String smallName(int i) {
        return String.format("f-%05d.dat", i);
    }

    /** Empties (or creates) a directory on the server's disk, then writes {@code count} small files into it. */
    static void fill(Path dir, int count) throws IOException {
        clear(dir);
        for (int i = 0; i < count; i++) {
            Files.write(dir.resolve(smallName(i)), smallContent(i));
        }
    }

    /** Deletes the directory's content, creating the directory if missing. */
    static void clear(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(FtpBench::delete);
            }
        }
        Files.createDirectories(dir);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of entries in a directory on the server's disk. */
    static long count(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the directory holds exactly the {@code count} small files with their content's size. */
    static boolean holdsSmallFiles(Path dir, int count) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> size(f) == SMALL_FILE).count() == count && count(dir) == count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
