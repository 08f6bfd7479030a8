package io.netproto.camel.ftp.vsftpd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.netproto.testkit.tls.TestTls;

/**
 * Debian's vsftpd, started as a child process for one test class: explicit FTPS only, TLS session
 * reuse required ({@code require_ssl_reuse=YES}), listening on a free loopback port with its own
 * passive range, presenting the test kit's certificate ({@link TestTls}, converted to PEM).
 * <p>
 * Login is anonymous (any password) with write access to {@code /upload}. vsftpd must run as root
 * and needs the system user {@code ftp} with an existing home directory (Debian's package creates
 * both; {@code .ci/install-vsftpd.sh} makes sure).
 */
public final class Vsftpd implements AutoCloseable {

    /** The system property that turns a missing vsftpd from a skipped test into a failure (set by CI). */
    public static final String REQUIRE_PROPERTY = "netproto.requireVsftpd";
    /** The writable directory, relative to the FTP root. */
    public static final String UPLOAD_DIR = "upload";

    private static final String HOST = "127.0.0.1";
    private static final int PASSIVE_PORTS = 10;
    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final Process process;
    private final Thread stopOnExit;
    private final int port;
    private final Path root;
    private final Path log;

    private Vsftpd(Process process, int port, Path root, Path log) {
        this.process = process;
        this.stopOnExit = new Thread(this::destroy, "vsftpd-stop");
        this.port = port;
        this.root = root;
        this.log = log;
    }

    /**
     * Why vsftpd cannot run here, or empty when it can: the binary must be installed, the tests
     * must run as root and the user {@code ftp} must exist.
     */
    public static Optional<String> unavailableReason() {
        if (binary().isEmpty()) {
            return Optional.of("vsftpd is not installed (Debian: apt-get install vsftpd, or run .ci/install-vsftpd.sh)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("vsftpd must be started as root; the tests run as " + System.getProperty("user.name"));
        }
        if (!hasFtpUser()) {
            return Optional.of("the system user 'ftp' that vsftpd's anonymous sessions run as is missing (run .ci/install-vsftpd.sh)");
        }
        return Optional.empty();
    }

    private static boolean hasFtpUser() {
        try (Stream<String> users = Files.lines(Path.of("/etc/passwd"))) {
            return users.anyMatch(line -> line.startsWith("ftp:"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> binary() {
        Stream<String> dirs = Stream.concat(Stream.of("/usr/sbin", "/usr/local/sbin", "/sbin"),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return dirs.filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "vsftpd")).filter(Files::isExecutable).findFirst();
    }

    /**
     * Writes the configuration, certificate and directories under {@code workDir} and starts vsftpd,
     * returning once it accepts connections.
     */
    public static Vsftpd start(Path workDir) throws IOException {
        Path vsftpd = binary().orElseThrow(() -> new IllegalStateException(unavailableReason().orElseThrow()));
        Path root = Files.createDirectories(workDir.resolve("root"));
        Path upload = Files.createDirectories(root.resolve(UPLOAD_DIR));
        Path emptyDir = Files.createDirectories(workDir.resolve("empty"));
        // the anonymous root must not be writable by the ftp user; the upload directory must be
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(emptyDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(upload, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path cert = workDir.resolve("cert.pem");
        Path key = workDir.resolve("key.pem");
        writePem(cert, key);
        Path log = workDir.resolve("vsftpd.log");
        int port = freePort();
        int pasvMin = Math.min(freePort(), 65535 - PASSIVE_PORTS + 1);
        Path conf = workDir.resolve("vsftpd.conf");
        Files.writeString(conf, String.join("\n",
                "listen=YES",
                "listen_ipv6=NO",
                "listen_address=" + HOST,
                "listen_port=" + port,
                "background=NO",
                "anonymous_enable=YES",
                "local_enable=NO",
                "ftp_username=ftp",
                "no_anon_password=YES",
                "anon_root=" + root,
                "write_enable=YES",
                "anon_upload_enable=YES",
                "anon_mkdir_write_enable=YES",
                "anon_other_write_enable=YES",
                "anon_umask=022",
                "pasv_enable=YES",
                "pasv_min_port=" + pasvMin,
                "pasv_max_port=" + (pasvMin + PASSIVE_PORTS - 1),
                "connect_from_port_20=NO",
                "secure_chroot_dir=" + emptyDir,
                "seccomp_sandbox=NO",
                "isolate=NO",
                "isolate_network=NO",
                "ssl_enable=YES",
                "allow_anon_ssl=YES",
                "force_anon_logins_ssl=YES",
                "force_anon_data_ssl=YES",
                "require_ssl_reuse=YES",
                "rsa_cert_file=" + cert,
                "rsa_private_key_file=" + key,
                "vsftpd_log_file=" + log,
                "log_ftp_protocol=YES",
                "xferlog_enable=YES",
                ""));
        Path output = workDir.resolve("vsftpd.out");
        Process process = new ProcessBuilder(vsftpd.toString(), conf.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Vsftpd server = new Vsftpd(process, port, root, log);
        Runtime.getRuntime().addShutdownHook(server.stopOnExit); // e.g. when a test run is aborted
        server.awaitReady(output);
        return server;
    }

    /** The address vsftpd listens on. */
    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The FTP root directory ({@code /}) on the local file system. */
    public Path root() {
        return root;
    }

    /** vsftpd's protocol log, for failure messages. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops vsftpd and the session processes it forked. */
    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void destroy() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Waits until vsftpd greets a connection with 220, or fails with its output if it exits. */
    private void awaitReady(Path output) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("vsftpd exited with " + process.exitValue() + ": " + Files.readString(output));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(HOST, port), 1_000);
                probe.setSoTimeout(2_000);
                String greeting = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                if (greeting != null && greeting.startsWith("220")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                destroy();
                throw new IllegalStateException("vsftpd did not accept connections on " + HOST + ":" + port + ": "
                        + Files.readString(output));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting vsftpd", e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** vsftpd reads PEM: the test kit's PKCS12 key and certificate, converted. */
    private static void writePem(Path cert, Path key) throws IOException {
        char[] password = TestTls.password().toCharArray();
        try (InputStream in = Files.newInputStream(TestTls.serverKeyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = store.aliases().nextElement();
            Key privateKey = store.getKey(alias, password);
            Files.writeString(cert, pem("CERTIFICATE", store.getCertificate(alias).getEncoded()));
            Files.writeString(key, pem("PRIVATE KEY", privateKey.getEncoded()));
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the test kit's server key store", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
