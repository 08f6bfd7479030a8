package io.netproto.camel.catalog;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    private static final NetprotoCatalog CATALOG = NetprotoCatalog.load();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(CATALOG, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validateExitsZeroForAValidUriAndMasksThePassword() {
        assertThat(cli.run("validate", "netftp://alice@ftp.example.com/inbox?password=hunter2&delete=true")).isZero();
        assertThat(out()).startsWith("Valid: netftp://alice@ftp.example.com/inbox?").doesNotContain("hunter2");
        assertThat(err()).isEmpty();
    }

    @Test
    void validateExitsOneAndPrintsEveryProblemOnStandardError() {
        assertThat(cli.run("validate", "netftp://ftp.example.com/inbox?passivMode=true&sortBy=weight")).isEqualTo(1);
        assertThat(err()).contains("Invalid endpoint URI netftp://ftp.example.com/inbox?passivMode=true&sortBy=weight:")
                .contains("  - Unknown option 'passivMode'. Did you mean 'passiveMode'?")
                .contains("  - Invalid value 'weight' for option 'sortBy': expected one of none, name, time, size");
        assertThat(out()).isEmpty();
    }

    @Test
    void validateReportsAMissingHost() {
        assertThat(cli.run("validate", "netftp:///inbox")).isEqualTo(1);
        assertThat(err()).contains("Missing required host");
    }

    @Test
    void explainListsEveryOptionHeaderAndOperation() {
        assertThat(cli.run("explain", "netftp")).isZero();
        ComponentInfo ftp = CATALOG.component("netftp").orElseThrow();
        assertThat(out()).startsWith("netftp - Net FTP").contains("Syntax: netftp:host:port/directoryName");
        ftp.endpointOptions().forEach(o -> assertThat(out()).contains("  " + o.name() + " "));
        ftp.headers().forEach(h -> assertThat(out()).contains("  " + h.name() + " "));
        assertThat(out()).contains("retrbinary, storlines, storbinary");
    }

    @Test
    void explainSuggestsASchemeForATypo() {
        assertThat(cli.run("explain", "netfpt")).isEqualTo(1);
        assertThat(err()).contains("Unknown component 'netfpt'. Did you mean 'netftp'?");
    }

    @Test
    void docsWritesOnePagePerScheme(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("reference");

        assertThat(cli.run("docs", target.toString())).isZero();

        assertThat(Files.readString(target.resolve("netftp.md"))).contains("# Net FTP (`netftp`)");
        assertThat(Files.readString(target.resolve("netftps.md"))).contains("`netftps:host:port/directoryName[?options]`".replace("`", ""));
        assertThat(out()).contains("Wrote " + target.resolve("netftp.md").normalize());
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(cli.run("validate")).isEqualTo(2);
        assertThat(cli.run("check", "netftp:h")).isEqualTo(2);
        assertThat(err()).contains("Unknown command 'check'").contains("Usage: Cli <command> <argument>");
        assertThat(cli.run("--help")).isZero();
        assertThat(out()).contains("validate '<uri>'");
    }
}
