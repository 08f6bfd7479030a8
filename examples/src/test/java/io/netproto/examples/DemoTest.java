package io.netproto.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoTest {

    @Test
    void movesEveryFileThroughInboxToOutboxAndDone(@TempDir Path root) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        DemoSummary summary = new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(false, root);

        List<String> files = DemoScenario.FILES;
        assertThat(summary.uploaded()).containsExactlyElementsOf(files);
        assertThat(summary.processed()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(summary.done()).containsExactlyElementsOf(files);
        assertThat(summary.inbox()).isEmpty();
        assertThat(summary.outbox()).hasSize(3).allMatch(line -> files.stream().anyMatch(line::endsWith));

        for (String name : files) {
            String original = Files.readString(root.resolve("done").resolve(name));
            assertThat(original).startsWith("id,item,quantity\n");
            assertThat(Files.readString(root.resolve("outbox").resolve(name))).isEqualTo(original.toUpperCase(Locale.ROOT));
        }
        try (Stream<Path> left = Files.list(root.resolve("inbox"))) {
            assertThat(left).isEmpty();
        }

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("step 1  upload   /inbox/order-1.csv", "step 2  consume  /inbox/order-3.csv -> upper-cased",
                "step 3  commit   /done now holds order-1.csv, order-2.csv, order-3.csv", "step 4  list     /outbox")
                .endsWith("summary: 3 uploaded to /inbox, 3 transformed into /outbox, 3 moved to /done, 0 left in /inbox, "
                          + "3 listed in /outbox" + System.lineSeparator());
    }

    @Test
    void rejectsUnknownArguments() {
        assertThatThrownBy(() -> Demo.main(new String[] {"--keep-runing"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--keep-running");
    }
}
