package io.netproto.camel.smtp;

import io.netproto.camel.mail.MailSessions;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpEndpointConfigurationTest {

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
        assertThatThrownBy(() -> context.getEndpoint("netsmtp://h?to=a@example.org&startTsl=required"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("startTsl");
        assertThatThrownBy(() -> context.getEndpoint("smtp://h?recipient=a@example.org"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("recipient");
    }

    @Test
    void anInvalidValueFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("netsmtp://h?startTls=maybe"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("startTls");
        assertThatThrownBy(() -> context.getEndpoint("netsmtp://h?to=not an address"))
                .hasStackTraceContaining("Option to");
        assertThatThrownBy(() -> context.getEndpoint("netsmtp://h?dsnRet=BODY")).hasStackTraceContaining("dsnRet");
        assertThatThrownBy(() -> context.getEndpoint("netsmtp://h?dsnNotify=ALWAYS")).hasStackTraceContaining("dsnNotify");
        assertThatThrownBy(() -> context.getEndpoint("netsmtp://bob@h")).hasStackTraceContaining("password");
        assertThatThrownBy(() -> context.getEndpoint("netsmtp://h?contentType=html")).hasStackTraceContaining("contentType");
        assertThatThrownBy(() -> context.getEndpoint("netsmtp://h?charset=klingon")).hasStackTraceContaining("charset");
        assertThatThrownBy(() -> context.getEndpoint("netsmtp://h?maxIdleSessions=0"))
                .hasStackTraceContaining("maxIdleSessions");
        assertThatThrownBy(() -> context.getEndpoint("netsmtp://h/inbox")).hasStackTraceContaining("no path");
    }

    @Test
    void defaultsArePortsByScheme_finiteTimeouts_andSecureStartTls() {
        SmtpEndpoint plain = context.getEndpoint("smtp://h", SmtpEndpoint.class);
        SmtpEndpoint implicit = context.getEndpoint("netsmtps://h", SmtpEndpoint.class);
        SmtpEndpoint login = context.getEndpoint("netsmtp://bob@h?password=x", SmtpEndpoint.class);
        SmtpEndpoint optional = context.getEndpoint("netsmtp://bob@h?password=x&startTls=optional", SmtpEndpoint.class);

        assertThat(plain.port()).isEqualTo(25);
        assertThat(implicit.port()).isEqualTo(465);
        assertThat(plain.isSecure()).isFalse();
        assertThat(implicit.isSecure()).isTrue();
        assertThat(context.getEndpoint("smtps://h", SmtpEndpoint.class).isSecure()).isTrue();
        assertThat(plain.getConfiguration().getOperation()).isEqualTo(SmtpOperation.sendmail);
        assertThat(plain.getConfiguration().getConnectTimeout()).isPositive();
        assertThat(plain.getConfiguration().getReadTimeout()).isPositive();
        assertThat(plain.getConfiguration().isVerifyHostname()).isTrue();
        assertThat(plain.getConfiguration().isUseHeaderRecipients()).isFalse();
        assertThat(SmtpStartTls.effective(plain.getConfiguration())).isEqualTo(MailSessions.StartTls.optional);
        assertThat(SmtpStartTls.effective(login.getConfiguration())).isEqualTo(MailSessions.StartTls.required);
        assertThat(SmtpStartTls.effective(optional.getConfiguration())).isEqualTo(MailSessions.StartTls.optional);
    }

    @Test
    void endpointsNeverShareTheirConfiguration() {
        SmtpEndpoint a = context.getEndpoint("netsmtp://h?to=a@example.org", SmtpEndpoint.class);
        SmtpEndpoint b = context.getEndpoint("netsmtp://h?to=b@example.org", SmtpEndpoint.class);

        assertThat(a.getConfiguration()).isNotSameAs(b.getConfiguration());
        assertThat(a.getConfiguration().getTo()).isEqualTo("a@example.org");
    }

    @Test
    void passwordsNeverShowInTheEndpointUri() {
        SmtpEndpoint endpoint = context.getEndpoint("netsmtp://bob@h:587?password=TopSecret99", SmtpEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain("TopSecret99");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("TopSecret99");
        SmtpEndpoint inline = context.getEndpoint("netsmtp://bob:Inline77@h:587", SmtpEndpoint.class);
        assertThat(inline.getConfiguration().getPassword()).isEqualTo("Inline77");
        assertThat(inline.toString()).doesNotContain("Inline77");
    }

    @Test
    void theEndpointOnlyProduces() {
        SmtpEndpoint endpoint = context.getEndpoint("netsmtp://h", SmtpEndpoint.class);
        assertThatThrownBy(() -> endpoint.createConsumer(exchange -> { }))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("netpop3");
    }
}
