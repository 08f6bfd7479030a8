package io.netproto.camel.imap;

import io.netproto.camel.support.CheckpointStore;
import io.netproto.camel.support.MemoryCheckpointStore;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Work with an IMAP4 mailbox (imap, netimap; imaps and netimaps with TLS from the first byte) with Eclipse Angus Mail:
 * a producer for every IMAP4 client operation, addressing messages by UID, and a polling consumer that delivers each
 * matching message once, resuming from a checkpoint.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "imap,imaps,netimap,netimaps", title = "IMAP,IMAPS,Net IMAP,Net IMAPS",
             syntax = "imap:host:port", alternativeSyntax = "imap:username@host:port",
             category = { Category.MAIL }, headersClass = ImapConstants.class)
public class ImapEndpoint extends ScheduledPollEndpoint {

    /** Polling a mailbox once a minute by default, as camel-mail does. */
    static final long DEFAULT_POLL_DELAY = 60_000;

    @UriParam
    private ImapConfiguration configuration;
    @UriParam(label = "consumer,scheduler", defaultValue = "60000", javaType = "java.time.Duration")
    private long delay = DEFAULT_POLL_DELAY;
    private final boolean secure;
    private CheckpointStore defaultCheckpointStore;

    public ImapEndpoint(String uri, ImapComponent component, ImapConfiguration configuration, boolean secure) {
        super(uri, component);
        this.configuration = configuration;
        this.secure = secure;
        super.setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public Producer createProducer() throws Exception {
        return new ImapProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ImapConsumer consumer = new ImapConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Connects and logs in with this endpoint's settings. */
    ImapClient openClient() {
        return ImapClient.open(getCamelContext(), configuration, secure);
    }

    /** The consumer's checkpoint store: the configured one, else one in memory kept for the endpoint's lifetime. */
    synchronized CheckpointStore checkpointStore() {
        if (configuration.getCheckpointStore() != null) {
            return configuration.getCheckpointStore();
        }
        if (defaultCheckpointStore == null) {
            defaultCheckpointStore = new MemoryCheckpointStore();
        }
        return defaultCheckpointStore;
    }

    @Override
    public long getDelay() {
        return delay;
    }

    /** Milliseconds between the end of one poll and the start of the next. */
    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
    }

    public ImapConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(ImapConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Whether this endpoint uses TLS from the first byte (imaps, netimaps). */
    public boolean isSecure() {
        return secure;
    }
}
