package io.netproto.camel.imap;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import io.netproto.camel.mail.CamelMailPresence;
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
        URI parsed;
        try {
            parsed = new URI("imap://" + remaining);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid imap URI " + URISupport.sanitizeUri(uri) + ": " + e.getMessage(), e);
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException(
                    "The imap URI needs a host: imap://[user@]host[:port][/folder], was " + URISupport.sanitizeUri(uri));
        }
        config.setHost(parsed.getHost());
        if (parsed.getPort() > 0) {
            config.setPort(parsed.getPort());
        }
        String path = parsed.getPath();
        if (path != null && path.length() > 1) {
            config.setFolder(path.substring(1));
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
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public ImapConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options shared by all endpoints of this component. */
    public void setConfiguration(ImapConfiguration configuration) {
        this.configuration = configuration;
    }
}
