package io.netproto.bench.ftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import io.netproto.bench.Measurement;
import io.netproto.testkit.ftp.EmbeddedFtpServer;
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

    /**
     * Starts the FTP server with its root on a RAM-backed file system ({@code /dev/shm}) when there is one with room
     * for {@code bytesNeeded} and a margin, else in the system's temporary directory. On disk the file system costs
     * more than the clients: creating and deleting thousands of files and writing 1 GB depend on the VM's disk and the
     * file system's inode search, and vary run to run; in RAM every contender pays the same small cost.
     */
    static EmbeddedFtpServer startServer(long bytesNeeded) {
        EmbeddedFtpServer.Builder builder = EmbeddedFtpServer.builder().user(USER, PASSWORD);
        Path ram = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(ram) && Files.isWritable(ram)
                    && Files.getFileStore(ram).getUsableSpace() > bytesNeeded + (512L << 20)) {
                builder.tempRootIn(ram);
            }
        } catch (IOException e) {
            // no usable RAM file system: the default root
        }
        EmbeddedFtpServer server = builder.start();
        System.out.println("  FTP server root: " + server.root());
        return server;
    }

    /**
     * The measurement with the control commands the server received during the run (its log is cleared before each
     * run) per item added to its note: the round trips each contender spends on a file.
     */
    static Measurement withCommandsPerItem(Measurement m, EmbeddedFtpServer server, int items) {
        String count = String.format(Locale.ROOT, "%.1f commands per file", server.commands().size() / (double) items);
        return m.withNote(m.note().isEmpty() ? count : m.note() + "; " + count);
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
