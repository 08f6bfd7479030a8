package io.netproto.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the demo's whole flow in-process, against its embedded servers, and checks the outcome on the FTP server's disk. */
class DemoTest {

    @Test
    void mailsEachFileReadsItBackOverImapAndPop3AndArchivesTheNewsDigestOnFtp(@TempDir Path root) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        DemoSummary summary = new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(false, root);

        List<String> files = DemoScenario.FILES;
        assertThat(summary.uploaded()).containsExactlyElementsOf(files);
        assertThat(summary.mailed()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(summary.readByImap()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(summary.readByPop3()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(summary.posted()).singleElement().asString().matches("<.+@.+>");
        assertThat(summary.archived()).containsExactly("/archive/local.demo.digest-1.txt");
        assertThat(summary.inbox()).isEmpty();

        // the originals were moved to /done once mailed; the digest came back through news to /archive
        assertThat(names(root.resolve("done"))).containsExactlyElementsOf(files);
        assertThat(names(root.resolve("archive"))).containsExactly("local.demo.digest-1.txt");
        String digest = Files.readString(root.resolve("archive/local.demo.digest-1.txt"));
        assertThat(digest).startsWith("From: Demo reports <reports@example.org>\r\nSubject: Digest of batch 1: 3 files\r\n"
                                      + "Message-ID: " + summary.posted().get(0) + "\r\n\r\n");
        for (String name : files) {
            long size = Files.size(root.resolve("done").resolve(name));
            assertThat(digest).containsPattern(name + " +" + size + " bytes   IMAP \\(UID \\d+\\), POP3 \\(UID [^)]+\\)\r\n");
        }

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("netproto demo: embedded servers on 127.0.0.1: FTP ",
                "step 1  upload   /inbox/order-1.csv (", "step 2  mail     /inbox/order-3.csv -> archive@example.org, audit@example.org",
                "step 3  imap     archive@example.org: \"File order-2.csv\" with attachment order-2.csv (",
                "step 4  pop3     audit@example.org: \"File order-1.csv\" with attachment order-1.csv (",
                "step 5  post     digest of both readers -> local.demo.digest as <",
                "step 6  archive  local.demo.digest article 1 -> /archive/local.demo.digest-1.txt",
                "step 7  list     /archive")
                .endsWith("summary: 3 files uploaded to FTP, 3 mailed over SMTP, 3 read over IMAP, 3 read over POP3, "
                          + "1 digest posted to local.demo.digest, 1 article archived to FTP /archive/local.demo.digest-1.txt, "
                          + "0 left in /inbox" + System.lineSeparator());
    }

    @Test
    void rejectsUnknownArguments() {
        assertThatThrownBy(() -> Demo.main(new String[] {"--keep-runing"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--keep-running");
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
