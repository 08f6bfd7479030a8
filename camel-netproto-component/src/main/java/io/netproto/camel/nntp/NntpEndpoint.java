package io.netproto.camel.nntp;

import io.netproto.camel.support.CheckpointStore;
import io.netproto.camel.support.MemoryCheckpointStore;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Read and post network news over NNTP (nntp) and NNTP over implicit TLS (nntps) with Apache Commons Net: a
 * producer for the RFC 3977 reader and posting commands and a consumer of new articles.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "nntp,nntps", title = "NNTP,NNTPS",
             syntax = "nntp:host:port/groups", alternativeSyntax = "nntp:username@host:port/groups",
             category = { Category.MAIL }, headersClass = NntpConstants.class)
public class NntpEndpoint extends ScheduledPollEndpoint {

    @UriParam
    private NntpConfiguration configuration;
    private final boolean secure;
    private CheckpointStore defaultCheckpointStore;
    private IdempotentRepository defaultIdempotentRepository;

    public NntpEndpoint(String uri, NntpComponent component, NntpConfiguration configuration, boolean secure) {
        super(uri, component);
        this.configuration = configuration;
        this.secure = secure;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new NntpProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        NntpConsumer consumer = new NntpConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Opens a new connection, in reader mode and logged in when a user is configured. */
    NntpSession openSession() {
        return NntpSession.open(getCamelContext(), configuration, secure);
    }

    /** The checkpointStore option, or the endpoint's own memory store (kept across route restarts). */
    synchronized CheckpointStore checkpointStore() {
        if (configuration.getCheckpointStore() != null) {
            return configuration.getCheckpointStore();
        }
        if (defaultCheckpointStore == null) {
            defaultCheckpointStore = new MemoryCheckpointStore();
        }
        return defaultCheckpointStore;
    }

    /** The idempotentRepository option, or the endpoint's own memory repository (kept across route restarts). */
    synchronized IdempotentRepository idempotentRepository() {
        if (configuration.getIdempotentRepository() != null) {
            return configuration.getIdempotentRepository();
        }
        if (defaultIdempotentRepository == null) {
            defaultIdempotentRepository = MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
        }
        return defaultIdempotentRepository;
    }

    public NntpConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(NntpConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Whether this is an nntps endpoint. */
    public boolean isSecure() {
        return secure;
    }
}
