package io.netproto.camel.nntp;

import java.util.List;

import io.netproto.camel.support.LogCapture;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A server that forgets the login in the middle of a session: the pooled connection logs in again on 480. */
class NntpReauthenticationTest extends NntpTestSupport {

    @Override
    EmbeddedNewsServer server(EmbeddedNewsServer.Builder builder) {
        return builder.requireAuth(true).start();
    }

    private String uri() {
        return "nntp://" + USER + "@" + news.host() + ":" + news.port() + "/" + GROUP + "?password=RAW(" + PASSWORD
               + ")&debugLevel=1";
    }

    @Test
    void a480InTheMiddleOfASessionLogsInAgainOnTheSameConnection() {
        seed(GROUP, "one", "1");
        try (LogCapture logs = new LogCapture()) {
            Exchange first = call(uri(), NntpOperation.group);
            assertThat(first.getException()).isNull();
            assertThat(news.connectionCount()).isEqualTo(1);
            assertThat(trace(logs)).anyMatch(l -> l.contains("> AUTHINFO USER " + USER))
                    .noneMatch(l -> l.contains("< 480"));

            long before = news.commandCount();
            news.forgetAuthentication();
            Exchange second = call(uri(), NntpOperation.group);
            assertThat(second.getException()).isNull();
            assertThat(second.getMessage().getBody(NntpGroup.class).count()).isEqualTo(1);
            assertThat(news.connectionCount()).isEqualTo(1);
            // GROUP (480), AUTHINFO USER, AUTHINFO PASS and GROUP again, all on the pooled connection
            assertThat(news.commandCount() - before).isEqualTo(4);
            assertThat(trace(logs)).anyMatch(l -> l.contains("< 480")).anyMatch(l -> l.contains("< 281"));
        }
    }

    private static List<String> trace(LogCapture logs) {
        return logs.lines().stream().filter(l -> l.startsWith("io.netproto.camel.trace.nntp")).toList();
    }
}
