package io.netproto.camel.ftp;

import java.util.Map;

import io.netproto.camel.support.EndpointAddress;
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
        EndpointAddress address = EndpointAddress.parse(uri, remaining, "netftp://[user@]host[:port]/directory");
        address.applyTo(config);
        if (address.path() != null) {
            config.setDirectoryName(address.path());
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
