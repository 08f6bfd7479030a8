package io.netproto.camel.pop3;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

import io.netproto.camel.mail.CamelMailPresence;
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
        URI parsed;
        try {
            parsed = new URI("pop3://" + remaining);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid pop3 URI " + URISupport.sanitizeUri(uri) + ": " + e.getMessage(), e);
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException(
                    "The pop3 URI needs a host: pop3://[user@]host[:port], was " + URISupport.sanitizeUri(uri));
        }
        String path = parsed.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/") && !path.equalsIgnoreCase("/INBOX")) {
            throw new IllegalArgumentException("A POP3 mailbox has no folders (only INBOX): remove the path '" + path
                                               + "' from " + URISupport.sanitizeUri(uri));
        }
        config.setHost(parsed.getHost());
        if (parsed.getPort() > 0) {
            config.setPort(parsed.getPort());
        }
        String userInfo = parsed.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            config.setUsername(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                config.setPassword(decode(userInfo.substring(colon + 1)));
            }
        }
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    public Pop3Configuration getConfiguration() {
        return configuration;
    }

    /** Default options shared by all endpoints of this component. */
    public void setConfiguration(Pop3Configuration configuration) {
        this.configuration = configuration;
    }
}
