package io.netproto.camel.nntp;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NntpEndpointConfigurationTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void anUnknownOptionFailsNamingIt() {
        assertThatThrownBy(() -> context.getEndpoint("nntp://h/local.test?maxMesagesPerPoll=3"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("maxMesagesPerPoll");
    }

    @Test
    void invalidValuesFailNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("nntp://h/g?operation=fetchAll"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("operation");
        assertThatThrownBy(() -> context.getEndpoint("nntp://h/g?maxMessagesPerPoll=-1"))
                .hasStackTraceContaining("maxMessagesPerPoll");
        assertThatThrownBy(() -> context.getEndpoint("nntp://h/g?messageIdDomain=a b"))
                .hasStackTraceContaining("messageIdDomain");
        assertThatThrownBy(() -> context.getEndpoint("nntp://h/g?readTimeout=0"))
                .hasStackTraceContaining("readTimeout");
        assertThatThrownBy(() -> context.getEndpoint("nntps://h/g?startTls=true"))
                .hasStackTraceContaining("startTls");
    }

    @Test
    void schemesHaveTheirStandardPortsAndFiniteTimeouts() {
        NntpEndpoint plain = context.getEndpoint("nntp://news.example.org", NntpEndpoint.class);
        assertThat(plain.getConfiguration().getPort()).isZero();
        assertThat(plain.getConfiguration().effectivePort(119)).isEqualTo(119);
        assertThat(plain.isSecure()).isFalse();
        assertThat(plain.getConfiguration().getReadTimeout()).isPositive();
        assertThat(plain.getConfiguration().isVerifyHostname()).isTrue();
        assertThat(context.getEndpoint("nntps://news.example.org/g", NntpEndpoint.class).isSecure()).isTrue();
    }

    @Test
    void theUriTakesGroupListsAndWildmats() {
        NntpEndpoint endpoint = context.getEndpoint("nntp://bob@news.example.org:1119/comp.*,!comp.sys.*,alt.test",
                NntpEndpoint.class);
        NntpConfiguration cfg = endpoint.getConfiguration();
        assertThat(cfg.getHost()).isEqualTo("news.example.org");
        assertThat(cfg.getPort()).isEqualTo(1119);
        assertThat(cfg.getUsername()).isEqualTo("bob");
        assertThat(cfg.groupList()).containsExactly("comp.*", "!comp.sys.*", "alt.test");
        assertThat(cfg.defaultGroup()).isEqualTo("alt.test");
        assertThat(context.getEndpoint("nntp://h", NntpEndpoint.class).getConfiguration().getGroups()).isNull();
    }

    @Test
    void passwordsNeverShowInTheEndpointUri() {
        NntpEndpoint endpoint = context.getEndpoint("nntp://bob@h:119/g?password=TopSecret99", NntpEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain("TopSecret99");
        assertThat(endpoint.getConfiguration().getPassword()).isEqualTo("TopSecret99");
    }
}
