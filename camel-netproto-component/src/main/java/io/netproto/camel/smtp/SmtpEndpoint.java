package io.netproto.camel.smtp;

import io.netproto.camel.mail.MailSessions;
import jakarta.mail.Session;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Send mail over SMTP (smtp, netsmtp: STARTTLS as configured) and SMTPS (smtps, netsmtps: TLS from the first byte)
 * with Eclipse Angus Mail: sendmail, ehlo, helo and noop, one reused connection per producer, the outcome per
 * recipient. The schemes netsmtp and netsmtps are the unambiguous names; camel-mail registers smtp and smtps too.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "smtp,smtps,netsmtp,netsmtps", title = "SMTP,SMTPS,Net SMTP,Net SMTPS",
             syntax = "smtp:host:port", alternativeSyntax = "smtp:username@host:port", producerOnly = true,
             category = { Category.MAIL }, headersClass = SmtpConstants.class)
public class SmtpEndpoint extends DefaultEndpoint {

    /** The standard SMTP port. */
    static final int SMTP_PORT = 25;
    /** The standard port of SMTP over implicit TLS (RFC 8314). */
    static final int SMTPS_PORT = 465;

    @UriParam
    private SmtpConfiguration configuration;
    private final boolean secure;

    public SmtpEndpoint(String uri, SmtpComponent component, SmtpConfiguration configuration, boolean secure) {
        super(uri, component);
        this.configuration = configuration;
        this.secure = secure;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new SmtpProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException(
                "The smtp endpoint only sends mail: receive with the netpop3 or netimap endpoint");
    }

    /** The Jakarta Mail protocol: smtps for implicit TLS, smtp otherwise. */
    String protocol() {
        return secure ? "smtps" : "smtp";
    }

    /** The port to connect to. */
    int port() {
        return configuration.effectivePort(secure ? SMTPS_PORT : SMTP_PORT);
    }

    /** A new Jakarta Mail session with this endpoint's settings; transports are created per connection from it. */
    Session createSession() {
        Session session = MailSessions.create(getCamelContext(), configuration, protocol(), port(),
                SmtpStartTls.effective(configuration));
        if (configuration.getHeloName() != null) {
            session.getProperties().put("mail." + protocol() + ".localhost", configuration.getHeloName());
            session.getProperties().put("mail.host", configuration.getHeloName());
        }
        return session;
    }

    /** Opens and logs in a new SMTP session. */
    SmtpClient openClient(Session session, boolean useEhlo) {
        return SmtpClient.open(session, configuration, protocol(), port(), SmtpStartTls.effective(configuration),
                useEhlo);
    }

    public SmtpConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(SmtpConfiguration configuration) {
        this.configuration = configuration;
    }

    /** @return whether this is an smtps or netsmtps endpoint (TLS from the first byte) */
    public boolean isSecure() {
        return secure;
    }
}
