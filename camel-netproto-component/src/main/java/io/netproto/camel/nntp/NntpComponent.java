package io.netproto.camel.nntp;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.URISupport;

/**
 * The nntp and nntps (implicit TLS) components. URI: {@code nntp://[user@]host[:port][/group[,group2|wildmat]]?options}.
 * Options set on the component's configuration are the defaults of every endpoint it creates.
 */
@Component("nntp,nntps")
public class NntpComponent extends DefaultComponent {

    @Metadata(label = "advanced", description = "Default options shared by all endpoints of this component")
    private NntpConfiguration configuration = new NntpConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        NntpConfiguration config = configuration.copy();
        parseRemaining(uri, remaining, config);
        boolean secure = uri.startsWith("nntps:");
        NntpEndpoint endpoint = new NntpEndpoint(uri, this, config, secure);
        setProperties(endpoint, parameters);
        try {
            config.validate();
            if (secure && config.isStartTls()) {
                throw new IllegalArgumentException("Option startTls is for nntp: nntps speaks TLS from the first byte");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid endpoint " + URISupport.sanitizeUri(uri) + ": " + e.getMessage(), e);
        }
        return endpoint;
    }

    /**
     * Reads {@code [user[:password]@]host[:port][/groups]}. Parsed by hand, not with java.net.URI: a wildmat's
     * {@code [} and {@code !} are not valid in a URI path.
     */
    static void parseRemaining(String uri, String remaining, NntpConfiguration config) {
        String rest = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String groups = slash < 0 ? null : rest.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            config.setUsername(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                config.setPassword(userInfo.substring(colon + 1));
            }
        }
        String host = authority;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            try {
                config.setPort(Integer.parseInt(authority.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid port in nntp URI " + URISupport.sanitizeUri(uri), e);
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("The nntp URI needs a host: nntp://[user@]host[:port][/groups], was "
                                               + URISupport.sanitizeUri(uri));
        }
        config.setHost(host);
        if (groups != null && !groups.isBlank()) {
            config.setGroups(groups);
        }
    }

    public NntpConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options shared by all endpoints of this component. */
    public void setConfiguration(NntpConfiguration configuration) {
        this.configuration = configuration;
    }
}
