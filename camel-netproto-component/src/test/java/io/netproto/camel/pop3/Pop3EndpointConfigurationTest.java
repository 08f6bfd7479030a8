package io.netproto.camel.pop3;

import io.netproto.camel.mail.MailSessions.StartTls;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pop3EndpointConfigurationTest {

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
        assertThatThrownBy(() -> context.getEndpoint("pop3://bob@h?password=x&maxMessagePerPoll=3"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("maxMessagePerPoll");
        assertThatThrownBy(() -> context.getEndpoint("netpop3s://bob@h?password=x&startTlsMode=required"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("startTlsMode");
    }

    @Test
    void anInvalidValueFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("pop3://bob@h?password=x&startTls=sometimes"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("startTls");
        assertThatThrownBy(() -> context.getEndpoint("pop3://bob@h?password=x&operation=fetch"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("operation");
        assertThatThrownBy(() -> context.getEndpoint("pop3://bob@h?password=x&maxMessagesPerPoll=-1"))
                .hasStackTraceContaining("maxMessagesPerPoll");
        assertThatThrownBy(() -> context.getEndpoint("pop3://bob@h?password=x&readTimeout=0"))
                .hasStackTraceContaining("readTimeout");
        assertThatThrownBy(() -> context.getEndpoint("pop3://h?password=x")).hasStackTraceContaining("username");
        assertThatThrownBy(() -> context.getEndpoint("pop3://bob@h")).hasStackTraceContaining("password");
        assertThatThrownBy(() -> context.getEndpoint("pop3://bob@h/Archive?password=x")).hasStackTraceContaining("INBOX");
    }

    @Test
    void defaultsAreSafeAndPortsStandard() {
        Pop3Endpoint plain = context.getEndpoint("pop3://bob@h?password=x", Pop3Endpoint.class);
        Pop3Configuration cfg = plain.getConfiguration();
        assertThat(plain.isSecure()).isFalse();
        assertThat(cfg.effectivePort(Pop3Client.POP3_PORT)).isEqualTo(110);
        assertThat(cfg.getStartTls()).isEqualTo(StartTls.required);
        assertThat(cfg.isDelete()).isTrue();
        assertThat(cfg.isMapMailMessage()).isTrue();
        assertThat(cfg.isVerifyHostname()).isTrue();
        assertThat(cfg.getConnectTimeout()).isPositive();
        assertThat(cfg.getReadTimeout()).isPositive();
        assertThat(plain.getDelay()).isEqualTo(60_000);
        assertThat(context.getEndpoint("pop3s://bob@h?password=x", Pop3Endpoint.class).isSecure()).isTrue();
        assertThat(context.getEndpoint("netpop3s://bob@h?password=x", Pop3Endpoint.class).isSecure()).isTrue();
        assertThat(context.getEndpoint("netpop3://bob@h?password=x", Pop3Endpoint.class).isSecure()).isFalse();
    }

    @Test
    void passwordsNeverShowInTheEndpointUri() {
        Pop3Endpoint endpoint = context.getEndpoint("pop3://bob@h:110?password=TopSecret99", Pop3Endpoint.class);
        assertThat(endpoint.toString()).doesNotContain("TopSecret99");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("TopSecret99");
        Pop3Endpoint inline = context.getEndpoint("pop3://bob:Inline77@h:110", Pop3Endpoint.class);
        assertThat(inline.getConfiguration().getPassword()).isEqualTo("Inline77");
        assertThat(inline.toString()).doesNotContain("Inline77");
    }

    @Test
    void componentOptionsAreDefaultsThatEndpointsCopy() {
        Pop3Component component = context.getComponent("netpop3", Pop3Component.class);
        component.getConfiguration().setMaxMessagesPerPoll(7);
        Pop3Endpoint first = context.getEndpoint("netpop3://bob@h1?password=x", Pop3Endpoint.class);
        Pop3Endpoint second = context.getEndpoint("netpop3://bob@h2?password=x&maxMessagesPerPoll=2", Pop3Endpoint.class);
        assertThat(first.getConfiguration().getMaxMessagesPerPoll()).isEqualTo(7);
        assertThat(second.getConfiguration().getMaxMessagesPerPoll()).isEqualTo(2);
        assertThat(component.getConfiguration().getMaxMessagesPerPoll()).isEqualTo(7);
    }

    @Test
    void replyCodesClassifyTransientAndPermanentErrors() {
        assertThat(new Pop3ReplyException("PASS", "[IN-USE] mailbox locked").isTransient()).isTrue();
        assertThat(new Pop3ReplyException("PASS", "[IN-USE] mailbox locked").getResponseCode()).isEqualTo("IN-USE");
        assertThat(new Pop3ReplyException("PASS", "[SYS/TEMP] try later").isTransient()).isTrue();
        assertThat(new Pop3ReplyException("PASS", "[AUTH] bad password").isTransient()).isFalse();
        assertThat(new Pop3ReplyException("RETR 1", "no such message").getResponseCode()).isNull();
        assertThat(new Pop3ReplyException("RETR 1", "no such message").getMessage())
                .isEqualTo("POP3 server refused RETR 1: -ERR no such message");
    }

    @Test
    void listLinesAreParsedTolerantly() {
        assertThat(Pop3Client.parseListLine("1 120")).isEqualTo(new Pop3ListEntry(1, 120));
        assertThat(Pop3Client.parseListLine("  2   3400 extra")).isEqualTo(new Pop3ListEntry(2, 3400));
        assertThat(Pop3Client.parseListLine("garbage")).isNull();
        assertThat(Pop3Client.parseListLine("x 1")).isNull();
    }
}
