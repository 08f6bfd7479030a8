package io.netproto.camel.ftp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The netftp and netftps components. URI: {@code netftp://[user@]host[:port]/directory?options}.
 * Options set on the component's configuration are the defaults of every endpoint it creates.
 */
@Component("netftp,netftps")
public class FtpComponent extends DefaultComponent {

    @Metadata(label = "advanced", description = "Default options shared by all endpoints of this component")
    private FtpConfiguration configuration = new FtpConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FtpConfiguration config = configuration.copy();
        parseAuthority(uri, remaining, config);
        boolean secure = uri.startsWith("netftps:");
        FtpEndpoint endpoint = new FtpEndpoint(uri, this, config, secure);
        setProperties(endpoint, parameters);
        try {
            config.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid endpoint " + sanitize(uri) + ": " + e.getMessage(), e);
        }
        return endpoint;
    }

    private static String sanitize(String uri) {
        return org.apache.camel.util.URISupport.sanitizeUri(uri);
    }

    /** Reads user, host, port and directory from {@code [user[:password]@]host[:port][/directory]}. */
    static void parseAuthority(String uri, String remaining, FtpConfiguration config) {
        URI parsed;
        try {
            parsed = new URI("ftp://" + remaining);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid netftp URI " + sanitize(uri) + ": " + e.getMessage(), e);
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("The netftp URI needs a host: netftp://[user@]host[:port]/directory, was " + sanitize(uri));
        }
        config.setHost(parsed.getHost());
        if (parsed.getPort() > 0) {
            config.setPort(parsed.getPort());
        }
        String userInfo = parsed.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            config.setUsername(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                config.setPassword(userInfo.substring(colon + 1));
            }
        }
        String path = parsed.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            config.setDirectoryName(path.substring(1));
        }
    }

    public FtpConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options shared by all endpoints of this component. */
    public void setConfiguration(FtpConfiguration configuration) {
        this.configuration = configuration;
    }
}
