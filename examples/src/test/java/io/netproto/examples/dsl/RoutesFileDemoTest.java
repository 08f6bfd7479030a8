package io.netproto.examples.dsl;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutesFileDemoTest {

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "xml"})
    void runsTheRoutesFileInCamelMainUntilEveryFileIsArchived(String dsl, @TempDir Path root) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        String summary = new RoutesFileDemo(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(dsl, false, root);

        assertThat(summary).isEqualTo("summary: 3 dropped into /inbox, 3 upper-cased into /outbox, 3 archived, 0 left in /inbox, "
                                      + "3 listed in /outbox");
        for (String name : RoutesFileDemo.FILES) {
            String original = Files.readString(root.resolve("inbox/archive").resolve(name));
            assertThat(original).startsWith("invoice ");
            assertThat(root.resolve("outbox").resolve(name)).hasContent(original.toUpperCase(Locale.ROOT));
        }
        try (Stream<Path> left = Files.list(root.resolve("inbox"))) {
            assertThat(left).containsExactly(root.resolve("inbox/archive"));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("netftp routes of routes/ftp-routes.camel." + dsl, "step 1  drop     /inbox/invoice-1.txt",
                        "step 2  route    /inbox/invoice-3.txt -> upper-cased -> /outbox/invoice-3.txt", "step 3  list     /outbox")
                .endsWith(summary + System.lineSeparator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "xml"})
    void runsTheMailNewsRoutesFileInCamelMainUntilEveryReportIsArchived(String dsl, @TempDir Path root) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        String summary = new MailNewsRoutesDemo(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(dsl, false, root);

        assertThat(summary).isEqualTo("summary: 2 reports dropped into /reports, 2 mailed and moved to /reports/sent, "
                                      + "2 posted to local.reports, 2 archived in /archive");
        for (String name : MailNewsRoutesDemo.REPORTS) {
            assertThat(root.resolve("reports/sent").resolve(name)).exists();
        }
        try (Stream<Path> archived = Files.list(root.resolve("archive"))) {
            // each archived article is the report's text, its lines ending in CRLF as NNTP carries them
            assertThat(archived).hasSize(2).allSatisfy(file -> assertThat(Files.readString(file))
                    .matches("report [12]: 42 orders, 3 returns\r\n"));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("routes of routes/mail-news-routes.camel." + dsl, "step 1  drop     /reports/daily-2.txt",
                        "step 2  mail     daily-1.txt, daily-2.txt moved to /reports/sent",
                        "step 3  post     \"Report daily-1.txt\" from the INBOX of team@example.org -> local.reports as <",
                        "step 4  archive  local.reports article -> /archive/local.reports-2.txt")
                .endsWith(summary + System.lineSeparator());
    }

    @Test
    void rejectsAnUnknownDsl() {
        assertThatThrownBy(() -> RoutesFileDemo.main(new String[] {"json"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yaml|xml [ftp|mail-news]");
    }
}
