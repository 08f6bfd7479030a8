package io.netproto.examples.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.netproto.camel.ftp.FtpConstants;
import io.netproto.camel.ftp.FtpEntry;
import io.netproto.testkit.ftp.EmbeddedFtpServer;
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
 * Loads each routes file of {@code src/main/resources/routes} (YAML DSL and XML DSL) into a plain CamelContext, the way
 * any runtime does it (the context's {@code RoutesLoader} picks the loader by file extension: camel-yaml-dsl for
 * {@code .yaml}, {@link XmlRoutesLoader} for {@code .xml}), and runs it against an embedded FTP server: the outcome is
 * checked on the server's disk.
 */
class FtpRoutesFilesTest {

    private static final String USER = "alice";
    /** Characters that would break a URI unless passed on with RAW(...), as the routes do. */
    private static final String PASSWORD = "p@ss&w+rd %/#?";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path root;

    private EmbeddedFtpServer server;
    private CamelContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp-routes.camel.yaml", "ftp-routes.camel.xml"})
    void upperCasesEachInboxFileIntoOutboxAndArchivesTheOriginal(String routesFile) throws Exception {
        server = EmbeddedFtpServer.builder().user(USER, PASSWORD).root(root).start();
        Map<String, String> dropped = new TreeMap<>();
        for (int i = 1; i <= 3; i++) {
            dropped.put("order-" + i + ".csv", "id,item,quantity\n" + i + ",widget-" + i + "," + i * 10 + "\n");
        }
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        for (Map.Entry<String, String> file : dropped.entrySet()) {
            Files.writeString(inbox.resolve(file.getKey()), file.getValue());
        }

        context = startRoutes(routesFile, placeholders(server));

        Path archive = inbox.resolve("archive");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> fileNames(archive).size() == dropped.size());
        assertThat(fileNames(inbox)).as("files left in /inbox").isEmpty();
        assertThat(fileNames(root.resolve("outbox"))).containsExactlyElementsOf(dropped.keySet());
        for (Map.Entry<String, String> file : dropped.entrySet()) {
            assertThat(archive.resolve(file.getKey())).hasContent(file.getValue());
            assertThat(root.resolve("outbox").resolve(file.getKey()))
                    .hasContent(file.getValue().toUpperCase(Locale.ROOT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp-routes.camel.yaml", "ftp-routes.camel.xml"})
    void listsTheDirectoryNamedInTheHeaderThroughTheDirOperation(String routesFile) throws Exception {
        server = EmbeddedFtpServer.builder().user(USER, PASSWORD).root(root).start();
        Path reports = Files.createDirectories(root.resolve("reports"));
        Files.writeString(reports.resolve("q1.txt"), "first quarter");
        Files.write(reports.resolve("q2.bin"), new byte[4096]);
        Files.createDirectories(reports.resolve("drafts"));

        context = startRoutes(routesFile, placeholders(server));
        List<?> body = context.createProducerTemplate()
                .requestBodyAndHeader("direct:ftp-list", null, FtpConstants.PATH, "reports", List.class);

        assertThat(body).allSatisfy(entry -> assertThat(entry).isInstanceOf(FtpEntry.class));
        Map<String, FtpEntry> listed = body.stream().map(FtpEntry.class::cast)
                .collect(Collectors.toMap(FtpEntry::name, entry -> entry));
        assertThat(listed).containsOnlyKeys("drafts", "q1.txt", "q2.bin");
        assertThat(listed.get("drafts").type()).isEqualTo(FtpEntry.Type.DIRECTORY);
        assertThat(listed.get("q1.txt")).extracting(FtpEntry::type, FtpEntry::size)
                .containsExactly(FtpEntry.Type.FILE, Files.size(reports.resolve("q1.txt")));
        assertThat(listed.get("q2.bin")).extracting(FtpEntry::type, FtpEntry::size)
                .containsExactly(FtpEntry.Type.FILE, 4096L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp-routes.camel.yaml", "ftp-routes.camel.xml"})
    void refusesToStartWithoutThePasswordProperty(String routesFile) {
        server = EmbeddedFtpServer.builder().user(USER, PASSWORD).root(root).start();
        Properties properties = placeholders(server);
        properties.remove("ftp.password");

        assertThatThrownBy(() -> startRoutes(routesFile, properties))
                .hasStackTraceContaining("ftp.password");
    }

    /** The placeholders the routes files use, pointing at the embedded server. */
    private static Properties placeholders(EmbeddedFtpServer ftp) {
        Properties properties = new Properties();
        properties.setProperty("ftp.host", ftp.host());
        properties.setProperty("ftp.port", String.valueOf(ftp.port()));
        properties.setProperty("ftp.user", USER);
        properties.setProperty("ftp.password", PASSWORD);
        properties.setProperty("ftp.pollDelay", "100");
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
                .containsExactlyInAnyOrder("ftp-inbox-to-outbox", "ftp-list");
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
