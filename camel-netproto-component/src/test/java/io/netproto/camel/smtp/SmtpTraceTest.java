package io.netproto.camel.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.netproto.camel.support.LogCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpTraceTest extends SmtpTestSupport {

    @Test
    void debugLevelTracesTheDialogueWithoutCredentials() {
        List<String> lines;
        try (LogCapture log = new LogCapture()) {
            send(smtps("from=alice@example.org&to=bob@example.org&debugLevel=2"), "traced");
            lines = log.lines().stream().filter(line -> line.startsWith("io.netproto.camel.trace.smtp")).toList();
        }

        assertThat(lines).anyMatch(line -> line.contains("EHLO")).anyMatch(line -> line.contains("MAIL FROM:<alice@example.org>"))
                .anyMatch(line -> line.contains("RCPT TO:<bob@example.org>"));
        String secret = Base64.getEncoder().encodeToString("secret".getBytes(StandardCharsets.US_ASCII));
        String plain = Base64.getEncoder().encodeToString("\0bob\0secret".getBytes(StandardCharsets.US_ASCII));
        assertThat(lines).noneMatch(line -> line.contains("secret") || line.contains(secret) || line.contains(plain));
    }

    @Test
    void noTraceByDefault() {
        List<String> lines;
        try (LogCapture log = new LogCapture()) {
            send(smtp("to=bob@example.org"), "untraced");
            lines = log.lines().stream().filter(line -> line.startsWith("io.netproto.camel.trace.smtp")).toList();
        }
        assertThat(lines).isEmpty();
    }
}
