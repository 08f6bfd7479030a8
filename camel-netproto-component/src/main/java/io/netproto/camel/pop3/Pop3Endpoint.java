package io.netproto.camel.pop3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netproto.camel.mail.MailSessions;
import jakarta.mail.Session;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Read a POP3 mailbox (pop3, netpop3; pop3s and netpop3s with TLS from the first byte) with Eclipse Angus Mail: a
 * producer for every classic POP3 client operation and a polling consumer that delivers, then deletes or remembers,
 * each message.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "pop3,pop3s,netpop3,netpop3s", title = "POP3,POP3S,Net POP3,Net POP3S",
             syntax = "pop3:host:port", alternativeSyntax = "pop3:username@host:port",
             category = { Category.MAIL }, headersClass = Pop3Constants.class)
public class Pop3Endpoint extends ScheduledPollEndpoint {

    /** Polling a mailbox logs in each time: once a minute by default, as camel-mail does. */
    static final long DEFAULT_POLL_DELAY = 60_000;

    @UriParam
    private Pop3Configuration configuration;
    @UriParam(label = "consumer,scheduler", defaultValue = "60000", javaType = "java.time.Duration")
    private long delay = DEFAULT_POLL_DELAY;
    private final boolean secure;
    /** Mail sessions by STARTTLS policy, shared by this endpoint's connections (building one is costly). */
    private final Map<MailSessions.StartTls, Session> sessions = new ConcurrentHashMap<>();

    public Pop3Endpoint(String uri, Pop3Component component, Pop3Configuration configuration, boolean secure) {
        super(uri, component);
        this.configuration = configuration;
        this.secure = secure;
        super.setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public Producer createProducer() throws Exception {
        return new Pop3Producer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Pop3Consumer consumer = new Pop3Consumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Logs in and opens the mailbox with this endpoint's settings. */
    Pop3Client openClient() {
        return Pop3Client.open(configuration, secure, startTls -> configuration.getDebugLevel() > 0
                ? Pop3Client.session(getCamelContext(), configuration, secure, startTls) // a trace stream per connection
                : sessions.computeIfAbsent(startTls, s -> Pop3Client.session(getCamelContext(), configuration, secure, s)));
    }

    @Override
    protected void doStop() throws Exception {
        sessions.clear();
        super.doStop();
    }

    @Override
    public long getDelay() {
        return delay;
    }

    /** Milliseconds between the end of one poll and the start of the next (each poll is one POP3 session). */
    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
    }

    public Pop3Configuration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(Pop3Configuration configuration) {
        this.configuration = configuration;
    }

    /** Whether this endpoint uses TLS from the first byte (pop3s, netpop3s). */
    public boolean isSecure() {
        return secure;
    }
}
