package io.netproto.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The quick-start demo: starts embedded FTP, mail (SMTP, IMAP, POP3) and news servers on free loopback ports and a
 * Camel Main application whose routes use all five endpoints in one flow (see {@link DemoRoutes}): files uploaded to
 * FTP are mailed over SMTP, read back over IMAP and POP3, a digest is posted to a newsgroup, and the NNTP consumer
 * archives it back to FTP. Prints one line per step and a summary, then exits; with {@code --keep-running} it keeps
 * the servers and the routes up until Ctrl+C.
 */
public final class Demo {

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
     * @param  ftpRoot     the FTP server's root directory, or {@code null} for a temporary one deleted at the end
     * @return             what the demo did
     */
    public DemoSummary run(boolean keepRunning, Path ftpRoot) throws Exception {
        try (DemoServers servers = DemoServers.start(ftpRoot)) {
            out.println("netproto demo: " + servers.describe());
            DemoEndpoints endpoints = servers.endpoints();
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
                summary = new DemoScenario(main.getCamelContext(), endpoints, routes, out).run();
                out.println(summary.describe());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failure = e;
            }
            if (keepRunning && failure == null) {
                out.printf("still running: upload files to ftp://%s@%s:%d/inbox (password %s) and watch them travel. "
                           + "Press Ctrl+C to stop.%n", DemoServers.FTP_USER, endpoints.host(), endpoints.ftpPort(),
                        DemoServers.FTP_PASSWORD);
            } else {
                ((Main) main).completed();
            }
        }
    }
}
