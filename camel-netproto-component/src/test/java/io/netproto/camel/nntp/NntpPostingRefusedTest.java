package io.netproto.camel.nntp;

import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A server that does not allow posting (greeting 201) answers POST with 440: the exchange fails with it. */
class NntpPostingRefusedTest extends NntpTestSupport {

    @Override
    EmbeddedNewsServer server(EmbeddedNewsServer.Builder builder) {
        return builder.postingAllowed(false).start();
    }

    @Test
    void postIsRefusedWith440AndNothingIsStored() {
        Exchange result = template.request(uri(GROUP, null), e -> {
            e.getIn().setHeader("From", "me@example.org");
            e.getIn().setHeader("Subject", "s");
            e.getIn().setBody("x");
        });
        assertThat(result.getException()).isInstanceOf(ProtocolReplyException.class);
        ProtocolReplyException refusal = (ProtocolReplyException) result.getException();
        assertThat(refusal.getReplyCode()).isEqualTo(440);
        assertThat(refusal.getMessage()).contains("440").contains("POST");
        assertThat(refusal.isTransient()).isFalse();
        assertThat(news.articles(GROUP)).isEmpty();
    }

    @Test
    void readingStillWorksOnAReadOnlyServer() {
        seed(GROUP, "one", "1");
        Exchange group = call(uri(GROUP, null), NntpOperation.group);
        assertThat(group.getException()).isNull();
        assertThat(group.getMessage().getBody(NntpGroup.class).count()).isEqualTo(1);
    }
}
