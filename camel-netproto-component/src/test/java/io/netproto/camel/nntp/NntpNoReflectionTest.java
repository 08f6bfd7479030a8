package io.netproto.camel.nntp;

import io.netproto.camel.support.MemoryCheckpointStore;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NntpNoReflectionTest {

    @ParameterizedTest
    @ValueSource(strings = { "nntp", "nntps" })
    void endpointsAreConfiguredByGeneratedConfigurers(String scheme) throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            context.getRegistry().bind("store", new MemoryCheckpointStore());
            context.getRegistry().bind("seen", MemoryIdempotentRepository.memoryIdempotentRepository());
            context.start();
            var endpoint = (NntpEndpoint) context.getEndpoint(scheme + "://bob@news.example.org:1119/comp.lang.java,alt.*"
                    + "?password=x&operation=over&maxIdleSessions=2&messageIdDomain=example.org&maxMessagesPerPoll=7"
                    + "&checkpointStore=#store&idempotentRepository=#seen&connectTimeout=5s&readTimeout=7000&debugLevel=1"
                    + "&verifyHostname=false&streamBody=true&delay=2000");
            NntpConfiguration cfg = endpoint.getConfiguration();
            assertThat(cfg.getHost()).isEqualTo("news.example.org");
            assertThat(cfg.getPort()).isEqualTo(1119);
            assertThat(cfg.getUsername()).isEqualTo("bob");
            assertThat(cfg.getGroups()).isEqualTo("comp.lang.java,alt.*");
            assertThat(cfg.defaultGroup()).isEqualTo("comp.lang.java");
            assertThat(cfg.getOperation()).isEqualTo(NntpOperation.over);
            assertThat(cfg.getMaxMessagesPerPoll()).isEqualTo(7);
            assertThat(cfg.isStreamBody()).isTrue();
            assertThat(cfg.getCheckpointStore()).isNotNull();
            assertThat(cfg.getIdempotentRepository()).isNotNull();
            assertThat(cfg.getConnectTimeout()).isEqualTo(5000);
            assertThat(endpoint.isSecure()).isEqualTo(scheme.equals("nntps"));
            assertThat(PluginHelper.getBeanIntrospection(context).getInvokedCounter()).isZero();
        } finally {
            context.stop();
        }
    }
}
