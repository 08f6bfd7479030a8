package io.netproto.camel.pop3;

import io.netproto.camel.mail.MailSessions.StartTls;
import io.netproto.camel.support.NetConfiguration;
import io.netproto.camel.support.ProtocolArguments;
import io.netproto.camel.support.SizeLimits;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of a pop3/pop3s/netpop3/netpop3s endpoint. */
@UriParams
public class Pop3Configuration extends NetConfiguration implements Cloneable {

    @UriParam(label = "security", defaultValue = "required")
    private StartTls startTls = StartTls.required;
    @UriParam(defaultValue = "true")
    private boolean mapMailMessage = true;
    @UriParam(label = "advanced")
    private String spoolDirectory;

    @UriParam(label = "producer")
    private Pop3Operation operation;

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean delete = true;
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;
    @UriParam(defaultValue = "0")
    private long maxMessageSize;

    /** A copy, so an endpoint's changes never leak into another's. */
    public Pop3Configuration copy() {
        try {
            return (Pop3Configuration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void validate() {
        super.validate();
        ProtocolArguments.requireValue("username option (pop3://user@host)", getUsername());
        if (getPassword() == null) {
            throw new IllegalArgumentException("The password option is required: POP3 always logs in");
        }
        if (maxMessagesPerPoll < 0) {
            throw new IllegalArgumentException("Option maxMessagesPerPoll must be 0 (no limit) or more, was " + maxMessagesPerPoll);
        }
        if (startTls == null) {
            throw new IllegalArgumentException("Option startTls must be disabled, optional or required");
        }
        ProtocolArguments.requireSingleLine("spoolDirectory option", spoolDirectory);
        SizeLimits.validate("maxMessageSize", maxMessageSize);
    }

    public StartTls getStartTls() {
        return startTls;
    }

    /**
     * pop3 and netpop3 only: whether the plain connection is upgraded to TLS with STLS (RFC 2595) before logging in.
     * required (the default: the password never travels in clear text) fails, before any credential is sent, when the
     * server does not offer it; optional upgrades when the server announces STLS and logs in in clear text otherwise;
     * disabled never upgrades. pop3s and netpop3s use TLS from the first byte and ignore this option.
     */
    public void setStartTls(StartTls startTls) {
        this.startTls = startTls;
    }

    public boolean isMapMailMessage() {
        return mapMailMessage;
    }

    /**
     * Map each retrieved message to the Camel message (mail headers as message headers, text as the body, parts as
     * attachments), as camel-mail does. With false the body is the raw RFC 822 message as an InputStream.
     */
    public void setMapMailMessage(boolean mapMailMessage) {
        this.mapMailMessage = mapMailMessage;
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    /**
     * Directory where retrieved messages are spooled (temporary files, removed when the poll or the exchange is over),
     * so that no message is held in memory whole. Default: the JVM's temporary directory.
     */
    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    public Pop3Operation getOperation() {
        return operation;
    }

    /**
     * The producer operation: stat, list, retr, dele, uidl, top, noop or capa. The header CamelPop3Operation
     * overrides it per message; one of the two is required.
     */
    public void setOperation(Pop3Operation operation) {
        this.operation = operation;
    }

    public boolean isDelete() {
        return delete;
    }

    /**
     * Delete each message after its exchange succeeded (DELE, carried out by the server when the poll's session ends
     * with QUIT). With false the messages stay on the server and their unique ids are remembered in the idempotent
     * repository, so that none is delivered twice.
     */
    public void setDelete(boolean delete) {
        this.delete = delete;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Repository of the unique ids (UIDL) of the messages already consumed, keyed by user name, host and id. Ids are
     * recorded after the exchange succeeded and before QUIT, also with delete=true, and known ids are never delivered
     * again: with a persistent repository (such as FileIdempotentRepository) a crash between processing and QUIT
     * causes no duplicate. Default: in memory (the last 10,000 ids), which survives lost connections but not restarts.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /** Maximum number of messages delivered per poll; 0 means no limit. */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public long getMaxMessageSize() {
        return maxMessageSize;
    }

    /**
     * Largest message in bytes (its size in the server's LIST answer) that is downloaded; 0 (the default) means no
     * limit. Consumer: a larger message is not retrieved, not deleted and not remembered: it stays on the server, a
     * WARN is logged once per message, and the other messages are delivered as usual. Producer: retr fails with a
     * SizeLimitExceededException naming the limit and the size before RETR.
     */
    public void setMaxMessageSize(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }
}
