package io.netproto.examples.dsl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.netproto.testkit.ftp.EmbeddedFtpServer;
import io.netproto.testkit.mail.EmbeddedMailServer;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs {@code routes/mail-news-routes.camel.yaml} or {@code .xml} in Camel Main against embedded FTP, mail and news
 * servers on free loopback ports: drops a few reports into /reports, waits until each has come back through SMTP,
 * IMAP and NNTP as an archived article in /archive, prints a summary and exits. With {@code --keep-running} the
 * servers and the routes stay up until Ctrl+C.
 */
public final class MailNewsRoutesDemo {

    static final List<String> REPORTS = List.of("daily-1.txt", "daily-2.txt");
    private static final String FTP_USER = "demo";
    private static final String FTP_PASSWORD = "ftp-secret";
    private static final String SENDER = "reports@example.org";
    private static final String RECIPIENT = "team@example.org";
    private static final String GROUP = "local.reports";
    private static final long WAIT_MILLIS = 60_000;

    private final PrintStream out;

    /** A demo printing its steps to {@code out}. */
    public MailNewsRoutesDemo(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the routes file {@code routes/mail-news-routes.camel.<dsl>}.
     *
     * @param  dsl         {@code yaml} or {@code xml}
     * @param  keepRunning keep the servers and routes running after the summary, until the JVM is stopped
     * @param  ftpRoot     the FTP server's root directory, or {@code null} for a temporary one deleted at the end
     * @return             the summary line printed last
     */
    public String run(String dsl, boolean keepRunning, Path ftpRoot) throws Exception {
        String routesFile = "routes/mail-news-routes.camel." + dsl;
        EmbeddedFtpServer.Builder ftpBuilder = EmbeddedFtpServer.builder().user(FTP_USER, FTP_PASSWORD);
        if (ftpRoot != null) {
            ftpBuilder.root(ftpRoot);
        }
        try (EmbeddedFtpServer ftp = ftpBuilder.start();
             EmbeddedMailServer mail = EmbeddedMailServer.start().user(SENDER, "reports", "smtp-secret")
                     .user(RECIPIENT, "team", "imap-secret");
             EmbeddedNewsServer news = EmbeddedNewsServer.builder().group(GROUP).user("poster", "news-secret")
                     .requireAuth(true).start()) {
            out.printf("routes of %s: embedded servers on %s: FTP %d, SMTP %d, IMAP %d, NNTP %d (group %s)%n", routesFile,
                    ftp.host(), ftp.port(), mail.smtpPort(), mail.imapPort(), news.port(), GROUP);
            Path reports = Files.createDirectories(ftp.root().resolve("reports"));
            for (String name : REPORTS) {
                Files.writeString(reports.resolve(name), "report " + name.replaceAll("\\D", "") + ": 42 orders, 3 returns\n");
                out.printf("step 1  drop     /reports/%s   [written to the FTP server's disk]%n", name);
            }

            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:" + routesFile);
            main.configure().setShutdownTimeout(5);
            placeholders(ftp, mail, news).forEach((key, value) -> main.addInitialProperty((String) key, (String) value));
            Steps steps = new Steps(ftp.root(), news, keepRunning);
            main.addMainListener(steps);
            main.run();
            if (steps.failure != null) {
                throw steps.failure;
            }
            return steps.summary;
        }
    }

    /** The placeholders of the routes file, pointing at the embedded servers. */
    private static Properties placeholders(EmbeddedFtpServer ftp, EmbeddedMailServer mail, EmbeddedNewsServer news) {
        Properties properties = new Properties();
        properties.putAll(Map.of("ftp.host", ftp.host(), "ftp.port", String.valueOf(ftp.port()), "ftp.user", FTP_USER,
                "ftp.password", FTP_PASSWORD));
        properties.putAll(Map.of("smtp.host", mail.host(), "smtp.port", String.valueOf(mail.smtpPort()), "smtp.user",
                "reports", "smtp.password", "smtp-secret", "mail.from", SENDER, "mail.to", RECIPIENT));
        properties.putAll(Map.of("imap.host", mail.host(), "imap.port", String.valueOf(mail.imapPort()), "imap.user", "team",
                "imap.password", "imap-secret"));
        properties.putAll(Map.of("nntp.host", news.host(), "nntp.port", String.valueOf(news.port()), "nntp.user", "poster",
                "nntp.password", "news-secret", "nntp.group", GROUP));
        // the embedded mail server offers no STARTTLS, which the routes require by default
        properties.put("mail.startTls", "disabled");
        properties.put("pollDelay", "100");
        return properties;
    }

    /** Checks the outcome once Camel has started, then lets Main finish unless asked to keep running. */
    private final class Steps extends MainListenerSupport {
        private final Path ftpRoot;
        private final EmbeddedNewsServer news;
        private final boolean keepRunning;
        private String summary;
        private Exception failure;

        Steps(Path ftpRoot, EmbeddedNewsServer news, boolean keepRunning) {
            this.ftpRoot = ftpRoot;
            this.news = news;
            this.keepRunning = keepRunning;
        }

        @Override
        public void afterStart(BaseMainSupport main) {
            try {
                summary = scenario();
                out.println(summary);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failure = e;
            }
            if (keepRunning && failure == null) {
                out.printf("still running: drop files into %s. Press Ctrl+C to stop.%n", ftpRoot.resolve("reports"));
            } else {
                ((Main) main).completed();
            }
        }

        private String scenario() throws IOException, InterruptedException {
            Path archive = ftpRoot.resolve("archive");
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (names(archive).size() < REPORTS.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            List<String> archived = names(archive);
            if (archived.size() < REPORTS.size()) {
                throw new IllegalStateException("The routes archived only " + archived + " within " + WAIT_MILLIS + " ms");
            }
            out.printf("step 2  mail     %s moved to /reports/sent once mailed to %s   [route ftp-to-mail: netftp -> netsmtp]%n",
                    String.join(", ", names(ftpRoot.resolve("reports/sent"))), RECIPIENT);
            news.articles(GROUP).forEach(article -> out.printf(
                    "step 3  post     \"%s\" from the INBOX of %s -> %s as %s   [route mail-to-news: netimap -> nntp]%n",
                    article.header("Subject").orElse(""), RECIPIENT, GROUP, article.messageId()));
            archived.forEach(name -> out.printf("step 4  archive  %s article -> /archive/%s   [route news-to-ftp: nntp -> netftp]%n",
                    GROUP, name));
            return String.format(Locale.ROOT, "summary: %d reports dropped into /reports, %d mailed and moved to /reports/sent, "
                                              + "%d posted to %s, %d archived in /archive",
                    REPORTS.size(), names(ftpRoot.resolve("reports/sent")).size(), news.articles(GROUP).size(), GROUP,
                    archived.size());
        }
    }

    /** Names of the regular files directly in {@code dir} (not the hidden in-progress uploads), sorted. */
    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }
}
