package io.netproto.camel.support;

import io.netproto.testkit.hostile.HostileServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A {@link HostileServer} and a started CamelContext with the poll recorder bound as {@code fuzzPolls}. */
public abstract class HostileFuzzTestSupport {

    protected final HostileFuzz.PollOutcome polls = new HostileFuzz.PollOutcome();
    protected HostileServer server;
    protected CamelContext context;

    @BeforeEach
    public void startServerAndContext() {
        server = HostileServer.start();
        context = new DefaultCamelContext();
        context.getRegistry().bind("fuzzPolls", polls);
        context.start();
    }

    @AfterEach
    public void stopServerAndContext() {
        context.stop();
        server.close();
    }

    /** A producer endpoint of the scheme for the hostile server, with short timeouts and the given options. */
    protected Endpoint endpoint(String scheme, String userInfo, String options) {
        return context.getEndpoint(uri(scheme, userInfo, "", options));
    }

    /** An endpoint polling once from the hostile server's path (see {@link HostileFuzz#consumeOnce}). */
    protected Endpoint pollingEndpoint(String scheme, String userInfo, String path, String options) {
        return context.getEndpoint(uri(scheme, userInfo, path, "pollStrategy=#fuzzPolls&initialDelay=0&delay=60000" + options));
    }

    private String uri(String scheme, String userInfo, String path, String options) {
        return scheme + "://" + userInfo + server.host() + ":" + server.port() + path + "?connectTimeout=2000&readTimeout="
               + HostileFuzz.READ_TIMEOUT_MILLIS + (options.isEmpty() ? "" : "&" + options);
    }
}
