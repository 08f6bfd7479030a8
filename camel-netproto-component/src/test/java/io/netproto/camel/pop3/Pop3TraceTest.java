package io.netproto.camel.pop3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.netproto.camel.support.LogCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pop3TraceTest extends Pop3TestSupport {

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void debugLevelLogsTheDialogueWithoutCredentials() {
        deliver("traced", "T");
        try (LogCapture logs = new LogCapture()) {
            template.requestBodyAndHeader(uri("operation=dele&debugLevel=1"), null, Pop3Constants.MESSAGE_NUMBER, 1);
            List<String> trace = logs.lines().stream().filter(l -> l.startsWith("io.netproto.camel.trace.pop3")).toList();
            assertThat(trace).anyMatch(l -> l.contains("STAT")).anyMatch(l -> l.contains("DELE 1"))
                    .anyMatch(l -> l.contains("QUIT"));
            assertThat(logs.lines()).noneMatch(l -> l.contains(PASSWORD) || l.contains(base64(PASSWORD)));
        }
    }

    @Test
    void noTraceAtDebugLevelZero() {
        try (LogCapture logs = new LogCapture()) {
            template.requestBody(uri("operation=stat"), (Object) null);
            assertThat(logs.lines()).noneMatch(l -> l.startsWith("io.netproto.camel.trace"));
        }
    }

    @Test
    void aFailedLoginLogsNoPassword() {
        String wrong = "Wr0ngPassw0rd";
        try (LogCapture logs = new LogCapture()) {
            String uri = "pop3://" + USER + "@" + server.host() + ":" + server.pop3Port() + "?password=" + wrong
                         + "&startTls=optional&operation=stat&debugLevel=2";
            assertThatThrownBy(() -> template.requestBody(uri, (Object) null))
                    .rootCause().isInstanceOf(Pop3AuthenticationException.class).hasMessageNotContaining(wrong);
            assertThat(logs.lines()).isNotEmpty().noneMatch(l -> l.contains(wrong) || l.contains(base64(wrong)));
        }
    }
}
