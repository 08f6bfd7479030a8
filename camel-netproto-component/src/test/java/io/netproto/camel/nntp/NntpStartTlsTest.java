package io.netproto.camel.nntp;

import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import io.netproto.testkit.tls.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NntpStartTlsTest extends NntpTestSupport {

    @Override
    EmbeddedNewsServer server(EmbeddedNewsServer.Builder builder) {
        return builder.requireAuth(true).authRequiresTls(true).start();
    }

    @Override
    void configure(CamelContext camelContext) {
        camelContext.getRegistry().bind("tls", TestTls.trustingParameters());
    }

    private String uri(String options) {
        return "nntp://" + USER + "@localhost:" + news.port() + "/" + GROUP + "?password=RAW(" + PASSWORD + ")&" + options;
    }

    @Test
    void startTlsProtectsTheLogin() {
        seed(GROUP, "one", "1");
        Exchange result = call(uri("startTls=true&sslContextParameters=#tls"), NntpOperation.group);
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(NntpGroup.class).count()).isEqualTo(1);
        Exchange posted = template.request(uri("startTls=true&sslContextParameters=#tls"), e -> {
            e.getIn().setHeader("From", "me@example.org");
            e.getIn().setHeader("Subject", "over TLS");
            e.getIn().setBody("b");
        });
        assertThat(posted.getException()).isNull();
        assertThat(news.articles(GROUP)).hasSize(2);
    }

    @Test
    void withoutStartTlsTheServerRefusesThePlainTextLogin() {
        Exchange result = call(uri("sslContextParameters=#tls"), NntpOperation.group);
        assertThat(result.getException()).isInstanceOf(ProtocolReplyException.class);
        assertThat(((ProtocolReplyException) result.getException()).getReplyCode()).isEqualTo(483);
    }
}
