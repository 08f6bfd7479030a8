package io.netproto.camel.smtp;

import java.util.Map;

import io.netproto.camel.mail.CamelMailPresence;
import io.netproto.camel.support.EndpointAddress;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.URISupport;

/**
 * The smtp, smtps, netsmtp and netsmtps components. URI: {@code netsmtp://[user@]host[:port]?options}. The
 * {@code net…} schemes are the unambiguous names: camel-mail registers smtp and smtps too. Options set on the
 * component's configuration are the defaults of every endpoint it creates.
 */
@Component("smtp,smtps,netsmtp,netsmtps")
public class SmtpComponent extends DefaultComponent {

    @Metadata(label = "advanced", description = "Default options shared by all endpoints of this component")
    private SmtpConfiguration configuration = new SmtpConfiguration();

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        CamelMailPresence.warnIfPresent(getCamelContext().getApplicationContextClassLoader());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SmtpConfiguration config = configuration.copy();
        parseAuthority(uri, remaining, config);
        String scheme = uri.substring(0, Math.max(0, uri.indexOf(':')));
        boolean secure = scheme.endsWith("smtps");
        SmtpEndpoint endpoint = new SmtpEndpoint(uri, this, config, secure);
        setProperties(endpoint, parameters);
        try {
            config.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid endpoint " + URISupport.sanitizeUri(uri) + ": " + e.getMessage(), e);
        }
        return endpoint;
    }

    /** Reads user, password, host and port from {@code [user[:password]@]host[:port]}. */
    static void parseAuthority(String uri, String remaining, SmtpConfiguration config) {
        EndpointAddress address = EndpointAddress.parse(uri, remaining, "smtp://[user@]host[:port]");
        if (address.path() != null) {
            throw new IllegalArgumentException("The smtp URI takes no path (/" + address.path() + "): smtp://[user@]host[:port]");
        }
        address.applyTo(config);
    }

    public SmtpConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options shared by all endpoints of this component. */
    public void setConfiguration(SmtpConfiguration configuration) {
        this.configuration = configuration;
    }
}
