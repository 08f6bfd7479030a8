package io.netproto.camel.pop3;

import io.netproto.camel.mail.MailSessions.StartTls;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Pop3NoReflectionTest {

    @ParameterizedTest
    @ValueSource(strings = { "pop3", "pop3s", "netpop3", "netpop3s" })
    void endpointsAreConfiguredByGeneratedConfigurers(String scheme) throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            context.getRegistry().bind("repo", MemoryIdempotentRepository.memoryIdempotentRepository());
            context.start();
            var endpoint = (Pop3Endpoint) context.getEndpoint(scheme + "://bob@example.org:1110?password=x"
                    + "&startTls=required&mapMailMessage=false&spoolDirectory=/tmp/spool&operation=uidl&delete=false"
                    + "&idempotentRepository=#repo&maxMessagesPerPoll=5&connectTimeout=5s&readTimeout=7000"
                    + "&debugLevel=2&verifyHostname=false&delay=2000&initialDelay=10&backoffErrorThreshold=3");
            Pop3Configuration cfg = endpoint.getConfiguration();
            assertThat(cfg.getHost()).isEqualTo("example.org");
            assertThat(cfg.getPort()).isEqualTo(1110);
            assertThat(cfg.getUsername()).isEqualTo("bob");
            assertThat(cfg.getStartTls()).isEqualTo(StartTls.required);
            assertThat(cfg.isMapMailMessage()).isFalse();
            assertThat(cfg.getSpoolDirectory()).isEqualTo("/tmp/spool");
            assertThat(cfg.getOperation()).isEqualTo(Pop3Operation.uidl);
            assertThat(cfg.isDelete()).isFalse();
            assertThat(cfg.getIdempotentRepository()).isSameAs(context.getRegistry().lookupByName("repo"));
            assertThat(cfg.getMaxMessagesPerPoll()).isEqualTo(5);
            assertThat(cfg.getConnectTimeout()).isEqualTo(5000);
            assertThat(cfg.getReadTimeout()).isEqualTo(7000);
            assertThat(cfg.getDebugLevel()).isEqualTo(2);
            assertThat(cfg.isVerifyHostname()).isFalse();
            assertThat(endpoint.getDelay()).isEqualTo(2000);
            assertThat(endpoint.isSecure()).isEqualTo(scheme.endsWith("s"));
            assertThat(PluginHelper.getBeanIntrospection(context).getInvokedCounter()).isZero();
        } finally {
            context.stop();
        }
    }
}
