package io.netproto.camel.nntp;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import io.netproto.testkit.tls.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NntpsTest extends NntpTestSupport {

    @Override
    EmbeddedNewsServer server(EmbeddedNewsServer.Builder builder) {
        return builder.implicitTls(true).start();
    }

    @Override
    void configure(CamelContext camelContext) {
        camelContext.getRegistry().bind("tls", TestTls.trustingParameters());
    }

    private String secureUri(String host, String options) {
        return "nntps://" + host + ":" + news.port() + "/" + GROUP + "?" + options;
    }

    @Test
    void implicitTlsWithAVerifiedHostName() {
        seed(GROUP, "secret", "s");
        Exchange result = call(secureUri("localhost", "sslContextParameters=#tls"), NntpOperation.group);
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(NntpGroup.class).count()).isEqualTo(1);
    }

    @Test
    void anUntrustedCertificateFailsTheConnection() {
        Exchange result = call(secureUri("localhost", "readTimeout=5000"), NntpOperation.group);
        assertThat(result.getException()).isInstanceOf(ConnectionFailedException.class).hasMessageContaining("TLS");
    }
}
