package io.netproto.camel.ftp;

import java.util.List;

import io.netproto.camel.support.LogCapture;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FtpTraceTest extends FtpTestSupport {

    @Test
    void debugLevelLogsTheDialogueWithThePasswordMasked() {
        try (LogCapture logs = new LogCapture()) {
            template.sendBodyAndHeader(uri("inbox", "debugLevel=1"), "traced", Exchange.FILE_NAME, "t.txt");
            List<String> trace = logs.lines().stream().filter(l -> l.startsWith("io.netproto.camel.trace.ftp")).toList();
            assertThat(trace).anyMatch(l -> l.contains("> USER alice"))
                    .anyMatch(l -> l.contains("> PASS ****"))
                    .anyMatch(l -> l.contains("< 230"))
                    .anyMatch(l -> l.contains("> STOR /inbox/.inprogress-t.txt"));
            assertThat(logs.lines()).noneMatch(l -> l.contains(PASSWORD));
        }
    }

    @Test
    void noTraceAtDebugLevelZero() {
        try (LogCapture logs = new LogCapture()) {
            template.sendBodyAndHeader(uri("inbox", ""), "quiet", Exchange.FILE_NAME, "q.txt");
            assertThat(logs.lines()).noneMatch(l -> l.startsWith("io.netproto.camel.trace"));
        }
    }

    @Test
    void aFailedLoginNamesTheReplyButNotThePassword() {
        try (LogCapture logs = new LogCapture()) {
            String wrong = "netftp://" + USER + "@" + server.host() + ":" + server.port() + "/inbox?password=Wr0ngPassw0rd&debugLevel=2";
            assertThatThrownBy(() -> template.sendBodyAndHeader(wrong, "x", Exchange.FILE_NAME, "x.txt"))
                    .rootCause().hasMessageContaining("login as alice").hasMessageContaining("530")
                    .hasMessageNotContaining("Wr0ngPassw0rd");
            assertThat(logs.lines()).isNotEmpty().noneMatch(l -> l.contains("Wr0ngPassw0rd"));
        }
    }
}
