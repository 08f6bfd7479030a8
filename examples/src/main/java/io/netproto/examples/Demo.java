package io.netproto.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.netproto.testkit.ftp.EmbeddedFtpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The quick-start demo: starts an embedded FTP server on a free loopback port and a Camel Main application
 * whose netftp producer uploads a few files to /inbox, whose netftp consumer transforms them into /outbox
 * and moves them to /done, and lists /outbox. Prints one line per step and a summary, then exits; with
 * {@code --keep-running} it keeps the server and the route up until Ctrl+C.
 */
public final class Demo {

    static final String USER = "demo";
    static final String PASSWORD = "demo-secret";

    private final PrintStream out;

    /** A demo printing its steps to {@code out}. */
    public Demo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (!List.of("--keep-running").containsAll(arguments)) {
            throw new IllegalArgumentException("Unknown arguments " + arguments + "; the only option is --keep-running");
        }
        new Demo(System.out).run(arguments.contains("--keep-running"), null);
    }

    /**
     * Runs the demo.
     *
     * @param  keepRunning keep the server and route running after the summary, until the JVM is stopped
     * @param  root        the FTP server's root directory, or {@code null} for a temporary one deleted at the end
     * @return             what the demo did
     */
    public DemoSummary run(boolean keepRunning, Path root) throws Exception {
        EmbeddedFtpServer.Builder builder = EmbeddedFtpServer.builder().user(USER, PASSWORD);
        if (root != null) {
            builder.root(root);
        }
        try (EmbeddedFtpServer server = builder.start()) {
            out.printf("netftp demo: embedded FTP server on %s:%d, user %s%n", server.host(), server.port(), USER);
            DemoEndpoints endpoints = new DemoEndpoints(server.host(), server.port(), USER, PASSWORD);
            DemoRoutes routes = new DemoRoutes(endpoints, out);
            Main main = new Main();
            main.configure().addRoutesBuilder(routes);
            main.configure().setShutdownTimeout(5);
            Steps steps = new Steps(endpoints, routes, keepRunning);
            main.addMainListener(steps);
            main.run();
            if (steps.failure != null) {
                throw steps.failure;
            }
            return steps.summary;
        }
    }

    /** Runs the scenario once Camel has started, then lets Main finish unless asked to keep running. */
    private final class Steps extends MainListenerSupport {
        private final DemoEndpoints endpoints;
        private final DemoRoutes routes;
        private final boolean keepRunning;
        private DemoSummary summary;
        private Exception failure;

        Steps(DemoEndpoints endpoints, DemoRoutes routes, boolean keepRunning) {
            this.endpoints = endpoints;
            this.routes = routes;
            this.keepRunning = keepRunning;
        }

        @Override
        public void afterStart(BaseMainSupport main) {
            try {
                summary = new DemoScenario(main.getCamelContext().createProducerTemplate(), endpoints, routes, out).run();
                out.println(summary.describe());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failure = e;
            }
            if (keepRunning && failure == null) {
                out.printf("still running: ftp://%s@%s:%d (password %s); the route keeps consuming /inbox. Press Ctrl+C to stop.%n",
                        USER, endpoints.host(), endpoints.port(), PASSWORD);
            } else {
                ((Main) main).completed();
            }
        }
    }
}
