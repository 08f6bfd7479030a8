package io.netproto.camel.imap;

import io.netproto.camel.mail.MailSessions.StartTls;
import io.netproto.camel.support.MemoryCheckpointStore;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ImapNoReflectionTest {

    @ParameterizedTest
    @ValueSource(strings = { "imap", "imaps", "netimap", "netimaps" })
    void endpointsAreConfiguredByGeneratedConfigurers(String scheme) throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            MemoryCheckpointStore store = new MemoryCheckpointStore();
            context.getRegistry().bind("store", store);
            context.start();
            var endpoint = (ImapEndpoint) context.getEndpoint(scheme + "://bob@example.org:1143/Archive?password=x"
                    + "&startTls=required&mapMailMessage=false&operation=fetch&readOnly=true&fetchParts=FLAGS"
                    + "&maxIdleSessions=5&criteria=UNSEEN FROM \"x\"&charset=UTF-8&moveTo=Done&maxFailures=3"
                    + "&errorFolder=Errors&idle=true&checkpointStore=#store&maxMessagesPerPoll=5&connectTimeout=5s"
                    + "&readTimeout=7000&debugLevel=2&verifyHostname=false&delay=2000&initialDelay=10");
            ImapConfiguration cfg = endpoint.getConfiguration();
            assertThat(cfg.getHost()).isEqualTo("example.org");
            assertThat(cfg.getPort()).isEqualTo(1143);
            assertThat(cfg.getUsername()).isEqualTo("bob");
            assertThat(cfg.getFolder()).isEqualTo("Archive");
            assertThat(cfg.getStartTls()).isEqualTo(StartTls.required);
            assertThat(cfg.isMapMailMessage()).isFalse();
            assertThat(cfg.getOperation()).isEqualTo(ImapOperation.fetch);
            assertThat(cfg.isReadOnly()).isTrue();
            assertThat(cfg.getFetchParts()).isEqualTo("FLAGS");
            assertThat(cfg.getMaxIdleSessions()).isEqualTo(5);
            assertThat(cfg.getCriteria()).isEqualTo("UNSEEN FROM \"x\"");
            assertThat(cfg.getCharset()).isEqualTo("UTF-8");
            assertThat(cfg.getMoveTo()).isEqualTo("Done");
            assertThat(cfg.getMaxFailures()).isEqualTo(3);
            assertThat(cfg.getErrorFolder()).isEqualTo("Errors");
            assertThat(cfg.getCheckpointStore()).isSameAs(store);
            assertThat(cfg.isIdle()).isTrue();
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
