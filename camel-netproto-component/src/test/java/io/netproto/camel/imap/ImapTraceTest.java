package io.netproto.camel.imap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.netproto.camel.support.LogCapture;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImapTraceTest extends ImapTestSupport {

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void debugLevelLogsTheDialogueWithoutCredentials() {
        deliver("traced", "T");
        try (LogCapture logs = new LogCapture()) {
            template.requestBodyAndHeader(uri("operation=search&debugLevel=1"), null, ImapConstants.CRITERIA, "SUBJECT \"traced\"");
            List<String> trace = logs.lines().stream().filter(l -> l.startsWith("io.netproto.camel.trace.imap")).toList();
            assertThat(trace).anyMatch(l -> l.contains("SELECT")).anyMatch(l -> l.contains("UID SEARCH SUBJECT"));
            assertThat(logs.lines()).noneMatch(l -> l.contains(PASSWORD) || l.contains(base64(PASSWORD)));
        }
    }

    @Test
    void aFailedLoginLogsNoPassword() {
        String wrong = "Wr0ngPassw0rd";
        try (LogCapture logs = new LogCapture()) {
            String uri = "imap://" + USER + "@" + server.host() + ":" + server.imapPort() + "?startTls=optional&password=" + wrong
                         + "&operation=noop&debugLevel=2";
            Exchange exchange = template.send(uri, e -> { });
            assertThat(exchange.getException()).isInstanceOf(ImapReplyException.class).hasMessageNotContaining(wrong);
            assertThat(logs.lines()).isNotEmpty().noneMatch(l -> l.contains(wrong) || l.contains(base64(wrong)));
        }
    }
}
