package io.netproto.camel.ftp;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Transfer files over FTP (netftp) and FTPS (netftps: explicit AUTH TLS, or implicit TLS) with Apache
 * Commons Net: a producer for every classic FTP client operation and a polling consumer of remote files.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "netftp,netftps", title = "Net FTP,Net FTPS",
             syntax = "netftp:host:port/directoryName",
             alternativeSyntax = "netftp:username@host:port/directoryName",
             category = { Category.FILE }, headersClass = FtpConstants.class)
public class FtpEndpoint extends ScheduledPollEndpoint {

    @UriParam
    private FtpConfiguration configuration;
    private final boolean secure;

    public FtpEndpoint(String uri, FtpComponent component, FtpConfiguration configuration, boolean secure) {
        super(uri, component);
        this.configuration = configuration;
        this.secure = secure;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new FtpProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        FtpConsumer consumer = new FtpConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Opens a new logged-in session with this endpoint's settings. */
    FtpSession openSession() {
        return FtpSession.open(getCamelContext(), configuration, secure);
    }

    public FtpConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(FtpConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Whether this is a netftps endpoint. */
    public boolean isSecure() {
        return secure;
    }
}
