package io.netproto.camel.support;

import java.util.function.Function;

import io.netproto.testkit.hostile.HostileServer;
import io.netproto.testkit.hostile.ReplyFuzzer;
import io.netproto.testkit.hostile.ReplyGrammar;
import io.netproto.testkit.tls.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Hostile replies served over TLS: a {@link HostileServer} speaking implicit TLS (or one whose conversations start
 * with a valid STARTTLS exchange) with the test kit's certificate, and a CamelContext trusting it as {@code #tls}.
 * The cases are a seeded subset of the plain fuzz tests', with the reply limits enforced on the decrypted stream.
 */
public final class TlsHostileFuzz implements AutoCloseable {

    /** Cases per protocol and TLS mode: {@code -Dnetproto.fuzz.tlsCases=N} or 300. */
    public static final int CASES = Integer.getInteger("netproto.fuzz.tlsCases", 300);

    private final HostileFuzz.PollOutcome polls = new HostileFuzz.PollOutcome();
    private final HostileServer server;
    private final CamelContext context;
    private final boolean startTls;

    private TlsHostileFuzz(HostileServer server, boolean startTls) {
        this.server = server;
        this.startTls = startTls;
        this.context = new DefaultCamelContext();
        context.getRegistry().bind("fuzzPolls", polls);
        context.getRegistry().bind("tls", TestTls.trustingParameters());
        context.start();
    }

    /** A server speaking implicit TLS from the first byte. */
    public static TlsHostileFuzz implicitTls() {
        return new TlsHostileFuzz(HostileServer.startImplicitTls(TestTls.serverContext()), false);
    }

    /** A server greeting in clear text, offering STARTTLS and going wrong only after the upgrade. */
    public static TlsHostileFuzz startTls() {
        return new TlsHostileFuzz(HostileServer.start(), true);
    }

    public HostileFuzz.PollOutcome polls() {
        return polls;
    }

    /** An endpoint of the scheme for the server, trusting the test certificate, with short timeouts. */
    public Endpoint endpoint(String scheme, String userInfo, String options) {
        return context.getEndpoint(scheme + "://" + userInfo + server.host() + ":" + server.port()
                                   + "?sslContextParameters=#tls&connectTimeout=2000&readTimeout="
                                   + HostileFuzz.READ_TIMEOUT_MILLIS + (options.isEmpty() ? "" : "&" + options));
    }

    /** An endpoint polling once (see {@link HostileFuzz#consumeOnce}). */
    public Endpoint pollingEndpoint(String scheme, String userInfo, String options) {
        return endpoint(scheme, userInfo, "pollStrategy=#fuzzPolls&initialDelay=0&delay=60000&" + options);
    }

    /**
     * Runs the seeded cases of the protocol's grammar.
     *
     * @param maxStep the number of replies of the longest conversation (after the upgrade for STARTTLS)
     */
    public HostileFuzz.Tally run(String protocol, long seed, int maxStep, HostileFuzz.Driver producer, int consumerEvery,
            Function<TlsHostileFuzz, HostileFuzz.Driver> consumer) {
        ReplyFuzzer fuzzer = new ReplyFuzzer(ReplyGrammar.of(protocol), seed, maxStep, startTls);
        return HostileFuzz.run(protocol + (startTls ? " over STARTTLS" : " over implicit TLS"), fuzzer, seed, CASES, server,
                producer, consumerEvery, consumer == null ? null : consumer.apply(this));
    }

    @Override
    public void close() {
        context.stop();
        server.close();
    }
}
