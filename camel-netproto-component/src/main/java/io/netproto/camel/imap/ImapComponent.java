package io.netproto.camel.imap;

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
 * The imap component, registered as imap, imaps, netimap and netimaps. The netimap names are unambiguous when camel-mail
 * (which also registers imap and imaps) is on the class path. URI:
 * {@code imap://[user[:password]@]host[:port][/folder][?options]}. Options set on the component's configuration are
 * the defaults of every endpoint it creates.
 */
@Component("imap,imaps,netimap,netimaps")
public class ImapComponent extends DefaultComponent {

    @Metadata(label = "advanced", description = "Default options shared by all endpoints of this component")
    private ImapConfiguration configuration = new ImapConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ImapConfiguration config = configuration.copy();
        parseAuthority(uri, remaining, config);
        ImapEndpoint endpoint = new ImapEndpoint(uri, this, config, isSecure(uri));
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
        // camel-mail registers imap and imaps too: one warning per application when both are present
        CamelMailPresence.warnIfPresent(getCamelContext().getApplicationContextClassLoader());
    }

    /** imaps and netimaps use TLS from the first byte. */
    static boolean isSecure(String uri) {
        String scheme = uri.substring(0, Math.max(0, uri.indexOf(':'))).toLowerCase(Locale.ROOT);
        return scheme.endsWith("s");
    }

    /** Reads user, password, host, port and folder from {@code [user[:password]@]host[:port][/folder]}. */
    static void parseAuthority(String uri, String remaining, ImapConfiguration config) {
        EndpointAddress address = EndpointAddress.parse(uri, remaining, "imap://[user@]host[:port][/folder]");
        address.applyTo(config);
        if (address.path() != null) {
            config.setFolder(address.path());
        }
    }

    public ImapConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options shared by all endpoints of this component. */
    public void setConfiguration(ImapConfiguration configuration) {
        this.configuration = configuration;
    }
}
