package io.netproto.camel.pop3;

import java.util.Locale;
import java.util.Map;

import io.netproto.camel.mail.CamelMailPresence;
import io.netproto.camel.support.EndpointAddress;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.URISupport;

/**
 * The pop3 component, registered as pop3, pop3s, netpop3 and netpop3s. The netpop3 names are unambiguous when
 * camel-mail (which also registers pop3 and pop3s) is on the class path. URI:
 * {@code pop3://[user[:password]@]host[:port][?options]}. Options set on the component's configuration are the
 * defaults of every endpoint it creates.
 */
@Component("pop3,pop3s,netpop3,netpop3s")
public class Pop3Component extends DefaultComponent {

    @Metadata(label = "advanced", description = "Default options shared by all endpoints of this component")
    private Pop3Configuration configuration = new Pop3Configuration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Pop3Configuration config = configuration.copy();
        parseAuthority(uri, remaining, config);
        Pop3Endpoint endpoint = new Pop3Endpoint(uri, this, config, isSecure(uri));
        setProperties(endpoint, parameters);
        try {
            config.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid endpoint " + URISupport.sanitizeUri(uri) + ": " + e.getMessage(), e);
        }
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // camel-mail registers pop3 and pop3s too: one warning per application when both are present
        CamelMailPresence.warnIfPresent(getCamelContext().getApplicationContextClassLoader());
    }

    /** pop3s and netpop3s use TLS from the first byte. */
    static boolean isSecure(String uri) {
        String scheme = uri.substring(0, Math.max(0, uri.indexOf(':'))).toLowerCase(Locale.ROOT);
        return scheme.endsWith("s");
    }

    /** Reads user, password, host and port from {@code [user[:password]@]host[:port]}. */
    static void parseAuthority(String uri, String remaining, Pop3Configuration config) {
        EndpointAddress address = EndpointAddress.parse(uri, remaining, "pop3://[user@]host[:port]");
        String path = address.path();
        if (path != null && !path.equalsIgnoreCase("INBOX")) {
            throw new IllegalArgumentException("A POP3 mailbox has no folders (only INBOX): remove the path '/" + path
                                               + "' from " + URISupport.sanitizeUri(uri));
        }
        address.applyTo(config);
    }

    public Pop3Configuration getConfiguration() {
        return configuration;
    }

    /** Default options shared by all endpoints of this component. */
    public void setConfiguration(Pop3Configuration configuration) {
        this.configuration = configuration;
    }
}
