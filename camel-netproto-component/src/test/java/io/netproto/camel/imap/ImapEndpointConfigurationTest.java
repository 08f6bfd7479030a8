package io.netproto.camel.imap;

import io.netproto.camel.mail.MailSessions.StartTls;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImapEndpointConfigurationTest {

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
        assertThatThrownBy(() -> context.getEndpoint("imap://bob@h?password=x&maxMessagePerPoll=3"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("maxMessagePerPoll");
        assertThatThrownBy(() -> context.getEndpoint("netimaps://bob@h?password=x&idel=true"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("idel");
    }

    @Test
    void anInvalidValueFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("imap://bob@h?password=x&operation=login"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("operation");
        assertThatThrownBy(() -> context.getEndpoint("imap://bob@h?password=x&maxFailures=2"))
                .hasStackTraceContaining("errorFolder");
        assertThatThrownBy(() -> context.getEndpoint("imap://bob@h?password=x&delete=true&moveTo=Done"))
                .hasStackTraceContaining("moveTo");
        assertThatThrownBy(() -> context.getEndpoint("imap://bob@h?password=x&criteria=FROM {3}"))
                .hasStackTraceContaining("criteria");
        assertThatThrownBy(() -> context.getEndpoint("imap://bob@h?password=x&fetchParts=BODY[1]"))
                .hasStackTraceContaining("fetch part");
        assertThatThrownBy(() -> context.getEndpoint("imap://bob@h?password=x&maxMessagesPerPoll=-1"))
                .hasStackTraceContaining("maxMessagesPerPoll");
        assertThatThrownBy(() -> context.getEndpoint("imap://h?password=x")).hasStackTraceContaining("username");
        assertThatThrownBy(() -> context.getEndpoint("imap://bob@h")).hasStackTraceContaining("password");
    }

    @Test
    void defaultsAreSafeAndPortsStandard() {
        ImapEndpoint plain = context.getEndpoint("imap://bob@h?password=x", ImapEndpoint.class);
        ImapConfiguration cfg = plain.getConfiguration();
        assertThat(plain.isSecure()).isFalse();
        assertThat(cfg.effectivePort(ImapClient.IMAP_PORT)).isEqualTo(143);
        assertThat(cfg.getStartTls()).isEqualTo(StartTls.required);
        assertThat(cfg.getFolder()).isEqualTo("INBOX");
        assertThat(cfg.getCriteria()).isEqualTo("UNSEEN");
        assertThat(cfg.isDelete()).isFalse();
        assertThat(cfg.getMoveTo()).isNull();
        assertThat(cfg.isVerifyHostname()).isTrue();
        assertThat(plain.getDelay()).isEqualTo(60_000);
        assertThat(context.getEndpoint("imaps://bob@h?password=x", ImapEndpoint.class).isSecure()).isTrue();
        assertThat(context.getEndpoint("netimaps://bob@h?password=x", ImapEndpoint.class).isSecure()).isTrue();
        assertThat(context.getEndpoint("netimap://bob@h?password=x", ImapEndpoint.class).isSecure()).isFalse();
    }

    @Test
    void passwordsNeverShowInTheEndpointUri() {
        ImapEndpoint endpoint = context.getEndpoint("imap://bob@h:143?password=TopSecret99", ImapEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain("TopSecret99");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("TopSecret99");
        ImapEndpoint inline = context.getEndpoint("imap://bob:Inline77@h:143/Sent", ImapEndpoint.class);
        assertThat(inline.getConfiguration().getPassword()).isEqualTo("Inline77");
        assertThat(inline.getConfiguration().getFolder()).isEqualTo("Sent");
        assertThat(inline.toString()).doesNotContain("Inline77");
    }
}
