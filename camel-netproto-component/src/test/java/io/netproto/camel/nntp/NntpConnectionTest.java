package io.netproto.camel.nntp;

import java.util.List;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.LogCapture;
import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NntpConnectionTest extends NntpTestSupport {

    @Override
    EmbeddedNewsServer server(EmbeddedNewsServer.Builder builder) {
        return builder.requireAuth(true).start();
    }

    private String uri(String options) {
        return "nntp://" + USER + "@" + news.host() + ":" + news.port() + "/" + GROUP + "?password=RAW(" + PASSWORD + ")"
               + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void theTraceShowsTheDialogueWithThePasswordMasked() {
        try (LogCapture logs = new LogCapture()) {
            Exchange result = call(uri("debugLevel=1"), NntpOperation.group);
            assertThat(result.getException()).isNull();
            List<String> trace = logs.lines().stream().filter(l -> l.startsWith("io.netproto.camel.trace.nntp")).toList();
            assertThat(trace).anyMatch(l -> l.contains("> AUTHINFO USER " + USER))
                    .anyMatch(l -> l.contains("> AUTHINFO PASS ****"))
                    .anyMatch(l -> l.contains("< 281"))
                    .anyMatch(l -> l.contains("> GROUP " + GROUP));
            assertThat(logs.lines()).noneMatch(l -> l.contains(PASSWORD));
        }
    }

    @Test
    void aPooledConnectionClosedWith400IsReplacedByANewOneForTheSameExchange() {
        seed(GROUP, "one", "1");
        assertThat(call(uri(""), NntpOperation.group).getException()).isNull();
        long commands = news.commandCount();
        news.failNextCommandWith400();
        Exchange retried = call(uri(""), NntpOperation.group);
        assertThat(retried.getException()).isNull();
        assertThat(retried.getMessage().getBody(NntpGroup.class).count()).isEqualTo(1);
        // the refused GROUP, then MODE READER, AUTHINFO USER, AUTHINFO PASS and GROUP on a new connection
        assertThat(news.commandCount() - commands).isGreaterThanOrEqualTo(5);
        assertThat(call(uri(""), NntpOperation.group).getException()).isNull();
    }

    @Test
    void aPostIsNotRepeatedAfterTheConnectionFailed() {
        assertThat(call(uri(""), NntpOperation.date).getException()).isNull();
        news.failNextCommandWith400();
        Exchange failed = template.request(uri(""), e -> {
            e.getIn().setHeader("From", "me@example.org");
            e.getIn().setHeader("Subject", "s");
            e.getIn().setBody("b");
        });
        assertThat(failed.getException()).isInstanceOfAny(ConnectionFailedException.class, ProtocolReplyException.class);
        assertThat(news.articles(GROUP)).isEmpty();
    }

    @Test
    void aServerThatStopsAnsweringFailsTheExchangeAfterTheReadTimeout() {
        assertThat(call(uri("readTimeout=500"), NntpOperation.date).getException()).isNull();
        news.stall(true);
        Exchange stalled = call(uri("readTimeout=500"), NntpOperation.group);
        assertThat(stalled.getException()).isInstanceOf(ConnectionFailedException.class);
        news.stall(false);
        Exchange after = call(uri("readTimeout=500"), NntpOperation.group);
        assertThat(after.getException()).isNull();
    }
}
