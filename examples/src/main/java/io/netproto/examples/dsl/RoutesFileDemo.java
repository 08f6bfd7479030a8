package io.netproto.examples.dsl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.netproto.camel.ftp.FtpConstants;
import io.netproto.testkit.ftp.EmbeddedFtpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs {@code routes/ftp-routes.camel.yaml} or {@code .xml} in Camel Main,
 * against an embedded FTP server on a free loopback port: drops a few files into /inbox, waits until the route has
 * archived them, lists /outbox through the route {@code direct:ftp-list}, prints a summary and exits. With
 * {@code --keep-running} the server and the routes stay up until Ctrl+C.
 * <p>
 * Camel Main finds the file through {@code camel.main.routesIncludePattern}, and its placeholders ({@code ftp.host},
 * {@code ftp.port}, {@code ftp.user}, {@code ftp.password}) through initial properties: the same file runs against a
 * real server with {@code org.apache.camel.main.Main} and those properties set, for example, as system properties.
 */
public final class RoutesFileDemo {

    static final String USER = "demo";
    static final String PASSWORD = "demo-secret";
    static final List<String> FILES = List.of("invoice-1.txt", "invoice-2.txt", "invoice-3.txt");
    private static final long WAIT_MILLIS = 20_000;

    private final PrintStream out;

    /** A demo printing its steps to {@code out}. */
    public RoutesFileDemo(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs a routes file: {@code yaml} or {@code xml}, then optionally {@code ftp} (the default:
     * {@code ftp-routes.camel.*}, this class) or {@code mail-news} ({@code mail-news-routes.camel.*},
     * {@link MailNewsRoutesDemo}), then optionally {@code --keep-running}.
     */
    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean keepRunning = arguments.remove("--keep-running");
        boolean mailNews = arguments.remove("mail-news");
        arguments.remove("ftp");
        if (arguments.size() != 1 || !List.of("yaml", "xml").contains(arguments.get(0))) {
            throw new IllegalArgumentException("Usage: RoutesFileDemo yaml|xml [ftp|mail-news] [--keep-running], not "
                                               + List.of(args));
        }
        if (mailNews) {
            new MailNewsRoutesDemo(System.out).run(arguments.get(0), keepRunning, null);
        } else {
            new RoutesFileDemo(System.out).run(arguments.get(0), keepRunning, null);
        }
    }

    /**
     * Runs the routes file {@code routes/ftp-routes.camel.<dsl>}.
     *
     * @param  dsl         {@code yaml} or {@code xml}
     * @param  keepRunning keep the server and routes running after the summary, until the JVM is stopped
     * @param  root        the FTP server's root directory, or {@code null} for a temporary one deleted at the end
     * @return             the summary line printed last
     */
    public String run(String dsl, boolean keepRunning, Path root) throws Exception {
        String routesFile = "routes/ftp-routes.camel." + dsl;
        EmbeddedFtpServer.Builder builder = EmbeddedFtpServer.builder().user(USER, PASSWORD);
        if (root != null) {
            builder.root(root);
        }
        try (EmbeddedFtpServer server = builder.start()) {
            out.printf("netftp routes of %s: embedded FTP server on %s:%d, user %s%n", routesFile, server.host(), server.port(), USER);
            Path inbox = Files.createDirectories(server.root().resolve("inbox"));
            for (String name : FILES) {
                Files.writeString(inbox.resolve(name), "invoice " + name.replaceAll("\\D", "") + ": 3 widgets, paid\n");
                out.printf("step 1  drop     /inbox/%s   [written to the server's disk]%n", name);
            }

            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:" + routesFile);
            main.configure().setShutdownTimeout(5);
            main.addInitialProperty("ftp.host", server.host());
            main.addInitialProperty("ftp.port", String.valueOf(server.port()));
            main.addInitialProperty("ftp.user", USER);
            main.addInitialProperty("ftp.password", PASSWORD);
            main.addInitialProperty("ftp.pollDelay", "100");
            Steps steps = new Steps(server, keepRunning);
            main.addMainListener(steps);
            main.run();
            if (steps.failure != null) {
                throw steps.failure;
            }
            return steps.summary;
        }
    }

    /** Checks the outcome once Camel has started, then lets Main finish unless asked to keep running. */
    private final class Steps extends MainListenerSupport {
        private final EmbeddedFtpServer server;
        private final boolean keepRunning;
        private String summary;
        private Exception failure;

        Steps(EmbeddedFtpServer server, boolean keepRunning) {
            this.server = server;
            this.keepRunning = keepRunning;
        }

        @Override
        public void afterStart(BaseMainSupport main) {
            try {
                summary = scenario(main);
                out.println(summary);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failure = e;
            }
            if (keepRunning && failure == null) {
                out.printf("still running: ftp://%s@%s:%d (password %s); drop files into /inbox. Press Ctrl+C to stop.%n",
                        USER, server.host(), server.port(), PASSWORD);
            } else {
                ((Main) main).completed();
            }
        }

        private String scenario(BaseMainSupport main) throws Exception {
            Path root = server.root();
            List<String> archived = awaitArchived(root.resolve("inbox").resolve("archive"));
            List<String> outbox = names(root.resolve("outbox"));
            for (String name : outbox) {
                out.printf("step 2  route    /inbox/%s -> upper-cased -> /outbox/%s, original moved to /inbox/archive   "
                           + "[route ftp-inbox-to-outbox]%n", name, name);
            }
            List<?> listing = main.getCamelContext().createProducerTemplate()
                    .requestBodyAndHeader("direct:ftp-list", null, FtpConstants.PATH, "outbox", List.class);
            out.println("step 3  list     /outbox   [route ftp-list: header CamelNetFtpOperation=dir]");
            listing.forEach(entry -> out.println("          " + entry));
            return String.format(Locale.ROOT, "summary: %d dropped into /inbox, %d upper-cased into /outbox, %d archived, "
                                              + "%d left in /inbox, %d listed in /outbox",
                    FILES.size(), outbox.size(), archived.size(), names(root.resolve("inbox")).size(), listing.size());
        }

        /** Waits until the consumer has moved every dropped file to /inbox/archive. */
        private List<String> awaitArchived(Path archive) throws IOException, InterruptedException {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            List<String> archived = names(archive);
            while (archived.size() < FILES.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                archived = names(archive);
            }
            if (archived.size() < FILES.size()) {
                throw new IllegalStateException("The route archived only " + archived + " within " + WAIT_MILLIS + " ms");
            }
            return archived;
        }
    }

    /** Names of the regular files directly in {@code dir}, sorted; empty when it does not exist. */
    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
