package io.netproto.examples.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the whole application (application.properties included) against two embedded FTP servers and an embedded mail
 * server, whose addresses and accounts replace the {@code relay.*} connection properties, and checks the outcome on
 * both FTP servers' disks and in the operators' mailbox.
 */
@SpringBootTest(properties = {"relay.poll-delay=100", "camel.main.run-controller=false", "spring.main.banner-mode=off"})
@ContextConfiguration(initializers = EmbeddedServersInitializer.class)
@DirtiesContext
class RelayApplicationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private EmbeddedServers servers;

    @Test
    void relaysEachPartnerFileByteForByteToTheArchiveMailsTheOperatorsThenMovesItAside() throws Exception {
        byte[] scan = new byte[300_000];
        new Random(42).nextBytes(scan);
        Map<String, byte[]> files = new TreeMap<>(Map.of(
                "invoice-0001.pdf", scan,
                "invoice-0001.csv", "number,amount\r\n0001,42.00\r\n".getBytes(StandardCharsets.UTF_8)));
        Path outgoing = Files.createDirectories(servers.source().root().resolve("outgoing"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            // appear complete in one step, as a partner's atomic upload would
            Path staged = Files.write(servers.source().root().resolve(file.getKey() + ".staged"), file.getValue());
            Files.move(staged, outgoing.resolve(file.getKey()), StandardCopyOption.ATOMIC_MOVE);
        }

        Path relayed = outgoing.resolve("relayed");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> fileNames(relayed).size() == files.size());

        Path archive = servers.target().root().resolve("incoming/acme");
        assertThat(fileNames(archive)).containsExactlyElementsOf(files.keySet());
        assertThat(fileNames(outgoing)).as("files left in the partner's directory").isEmpty();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(archive.resolve(file.getKey())).hasBinaryContent(file.getValue());
            assertThat(relayed.resolve(file.getKey())).hasBinaryContent(file.getValue());
        }

        // one notification per file, sent (after SMTP AUTH with the relay.mail account) before the original was moved
        assertThat(servers.mail().smtpCommands()).anyMatch(command -> command.startsWith("AUTH "));
        Map<String, String> notifications = new TreeMap<>();
        for (MimeMessage mail : servers.mail().greenMail().getReceivedMessages()) {
            assertThat(mail.getFrom()).extracting(Object::toString).containsExactly(EmbeddedServers.MAIL_FROM);
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(EmbeddedServers.MAIL_TO);
            notifications.put(mail.getSubject(), mail.getContent().toString());
        }
        assertThat(notifications).containsOnlyKeys("Relayed invoice-0001.csv", "Relayed invoice-0001.pdf");
        assertThat(notifications.get("Relayed invoice-0001.pdf")).startsWith("invoice-0001.pdf (300000 bytes) was relayed from "
                                                                         + servers.source().host() + " to "
                                                                         + servers.target().host() + ":/incoming/acme/invoice-0001.pdf");
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
