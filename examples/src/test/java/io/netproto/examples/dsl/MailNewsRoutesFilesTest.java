package io.netproto.examples.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.netproto.testkit.ftp.EmbeddedFtpServer;
import io.netproto.testkit.mail.EmbeddedMailServer;
import io.netproto.testkit.nntp.Article;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Loads {@code routes/mail-news-routes.camel.yaml} and {@code .xml} into a plain CamelContext and runs them against
 * embedded FTP, mail and news servers: each report dropped on FTP must come back, through SMTP, IMAP and NNTP, as an
 * archived article on FTP.
 */
class MailNewsRoutesFilesTest {

    private static final String FTP_USER = "alice";
    /** Characters that would break a URI unless passed on with RAW(...), as the routes do. */
    private static final String FTP_PASSWORD = "p@ss&w+rd %/#?";
    private static final String SENDER = "reports@example.org";
    private static final String RECIPIENT = "team@example.org";
    private static final String NEWS_PASSWORD = "n&ws+pass word";
    private static final String GROUP = "local.reports";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path root;

    private EmbeddedFtpServer ftp;
    private EmbeddedMailServer mail;
    private EmbeddedNewsServer news;
    private CamelContext context;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {context, news, mail, ftp}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail-news-routes.camel.yaml", "mail-news-routes.camel.xml"})
    void mailsEachReportPostsTheMailToTheGroupAndArchivesTheArticleOnFtp(String routesFile) throws Exception {
        startServers();
        Map<String, String> reports = new TreeMap<>(Map.of(
                "daily-1.txt", "42 orders, 3 returns\n",
                "daily-2.txt", "Überweisungen: 7\nline two\n"));
        Path inbox = Files.createDirectories(root.resolve("reports"));
        for (Map.Entry<String, String> report : reports.entrySet()) {
            Files.writeString(inbox.resolve(report.getKey()), report.getValue());
        }

        context = startRoutes(routesFile, placeholders());

        Path archive = root.resolve("archive");
        List<String> archived = List.of(GROUP + "-1.txt", GROUP + "-2.txt");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> fileNames(archive).equals(archived));
        assertThat(fileNames(inbox)).as("reports left in /reports").isEmpty();
        assertThat(fileNames(inbox.resolve("sent"))).containsExactlyElementsOf(reports.keySet());

        List<Article> articles = news.articles(GROUP);
        assertThat(articles).hasSize(reports.size());
        for (Article article : articles) {
            String name = article.header("Subject").orElseThrow().replace("Report ", "");
            assertThat(reports).containsKey(name);
            assertThat(article.header("From")).hasValue(SENDER);
            assertThat(article.body()).isEqualTo(reports.get(name).replace("\n", "\r\n"));
            assertThat(archive.resolve(GROUP + "-" + article.numbers().get(GROUP) + ".txt")).hasContent(article.body());
        }
        assertThat(mail.greenMail().getReceivedMessages()).hasSize(reports.size())
                .allSatisfy(received -> assertThat(received.getAllRecipients()).extracting(Object::toString)
                        .containsExactly(RECIPIENT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail-news-routes.camel.yaml", "mail-news-routes.camel.xml"})
    void requiresStartTlsOnTheMailEndpointsByDefault(String routesFile) throws Exception {
        startServers();
        Properties properties = placeholders();
        properties.remove("mail.startTls");
        Files.createDirectories(root.resolve("reports"));
        Files.writeString(root.resolve("reports/daily-1.txt"), "42 orders\n");

        context = startRoutes(routesFile, properties);

        // the embedded server offers no STARTTLS: each attempt ends after EHLO, before AUTH or MAIL, and the report stays
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> mail.smtpCommands().stream().filter(command -> command.startsWith("EHLO")).count() >= 2);
        assertThat(mail.smtpCommands()).noneMatch(command -> command.startsWith("AUTH") || command.startsWith("MAIL"));
        assertThat(fileNames(root.resolve("reports"))).containsExactly("daily-1.txt");
        assertThat(mail.greenMail().getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail-news-routes.camel.yaml", "mail-news-routes.camel.xml"})
    void refusesToStartWithoutTheNewsPassword(String routesFile) {
        startServers();
        Properties properties = placeholders();
        properties.remove("nntp.password");

        assertThatThrownBy(() -> startRoutes(routesFile, properties)).hasStackTraceContaining("nntp.password");
    }

    private void startServers() {
        ftp = EmbeddedFtpServer.builder().user(FTP_USER, FTP_PASSWORD).root(root).start();
        mail = EmbeddedMailServer.start().user(SENDER, "reports", "smtp secret&1").user(RECIPIENT, "team", "imap+secret%2");
        news = EmbeddedNewsServer.builder().group(GROUP).user("poster", NEWS_PASSWORD).requireAuth(true).start();
    }

    /** The placeholders the routes files use, pointing at the embedded servers. */
    private Properties placeholders() {
        Properties properties = new Properties();
        properties.setProperty("ftp.host", ftp.host());
        properties.setProperty("ftp.port", String.valueOf(ftp.port()));
        properties.setProperty("ftp.user", FTP_USER);
        properties.setProperty("ftp.password", FTP_PASSWORD);
        properties.setProperty("smtp.host", mail.host());
        properties.setProperty("smtp.port", String.valueOf(mail.smtpPort()));
        properties.setProperty("smtp.user", "reports");
        properties.setProperty("smtp.password", "smtp secret&1");
        properties.setProperty("mail.from", SENDER);
        properties.setProperty("mail.to", RECIPIENT);
        properties.setProperty("imap.host", mail.host());
        properties.setProperty("imap.port", String.valueOf(mail.imapPort()));
        properties.setProperty("imap.user", "team");
        properties.setProperty("imap.password", "imap+secret%2");
        properties.setProperty("nntp.host", news.host());
        properties.setProperty("nntp.port", String.valueOf(news.port()));
        properties.setProperty("nntp.user", "poster");
        properties.setProperty("nntp.password", NEWS_PASSWORD);
        properties.setProperty("nntp.group", GROUP);
        // the embedded mail server offers no STARTTLS; the routes require it unless told otherwise
        properties.setProperty("mail.startTls", "disabled");
        properties.setProperty("pollDelay", "100");
        return properties;
    }

    /** A CamelContext with the placeholders and the routes of {@code classpath:routes/<routesFile>}, started. */
    private CamelContext startRoutes(String routesFile, Properties properties) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        context = camel;
        camel.getPropertiesComponent().setInitialProperties(properties);
        Resource resource = ResourceHelper.resolveMandatoryResource(camel, "classpath:routes/" + routesFile);
        PluginHelper.getRoutesLoader(camel).loadRoutes(resource);
        camel.start();
        assertThat(camel.getRoutes()).extracting(Route::getRouteId)
                .containsExactlyInAnyOrder("ftp-to-mail", "mail-to-news", "news-to-ftp");
        return camel;
    }

    /** Names of the regular files directly in {@code dir}, sorted; empty when it does not exist. */
    private static List<String> fileNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
