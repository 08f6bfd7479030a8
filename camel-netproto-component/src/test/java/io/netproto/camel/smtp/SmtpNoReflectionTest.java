package io.netproto.camel.smtp;

import io.netproto.camel.mail.MailSessions;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpNoReflectionTest {

    @ParameterizedTest
    @ValueSource(strings = { "smtp", "smtps", "netsmtp", "netsmtps" })
    void endpointsAreConfiguredByGeneratedConfigurers(String scheme) throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            context.start();
            var endpoint = (SmtpEndpoint) context.getEndpoint(scheme + "://bob@mail.example.org:587?password=x"
                    + "&startTls=required&operation=noop&from=a@example.org&to=b@example.org&cc=c@example.org"
                    + "&bcc=d@example.org&replyTo=r@example.org&subject=Hi&contentType=text/html&charset=ISO-8859-1"
                    + "&useHeaderRecipients=true&useHeaderFrom=true&useHeaderReplyTo=true&useHeaderSubject=true"
                    + "&envelopeFrom=bounce@example.org&dsnNotify=SUCCESS,FAILURE&dsnRet=HDRS&mailExtension=X=1"
                    + "&sendPartial=true&heloName=client.example.org&maxIdleSessions=2&connectTimeout=5s"
                    + "&readTimeout=7000&verifyHostname=false&debugLevel=2");
            SmtpConfiguration cfg = endpoint.getConfiguration();
            assertThat(cfg.getHost()).isEqualTo("mail.example.org");
            assertThat(cfg.getPort()).isEqualTo(587);
            assertThat(cfg.getUsername()).isEqualTo("bob");
            assertThat(cfg.getStartTls()).isEqualTo(MailSessions.StartTls.required);
            assertThat(cfg.getOperation()).isEqualTo(SmtpOperation.noop);
            assertThat(cfg.getTo()).isEqualTo("b@example.org");
            assertThat(cfg.isUseHeaderSubject()).isTrue();
            assertThat(cfg.getDsnNotify()).isEqualTo("SUCCESS,FAILURE");
            assertThat(cfg.getConnectTimeout()).isEqualTo(5000);
            assertThat(cfg.getHeloName()).isEqualTo("client.example.org");
            assertThat(cfg.getMaxIdleSessions()).isEqualTo(2);
            assertThat(endpoint.isSecure()).isEqualTo(scheme.endsWith("s"));
            assertThat(PluginHelper.getBeanIntrospection(context).getInvokedCounter()).isZero();
        } finally {
            context.stop();
        }
    }
}
