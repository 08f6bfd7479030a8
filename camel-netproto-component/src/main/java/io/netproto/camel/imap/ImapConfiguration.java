package io.netproto.camel.imap;

import io.netproto.camel.mail.MailSessions.StartTls;
import io.netproto.camel.support.CheckpointStore;
import io.netproto.camel.support.NetConfiguration;
import io.netproto.camel.support.ProtocolArguments;
import io.netproto.camel.support.SizeLimits;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of an imap/imaps/netimap/netimaps endpoint. */
@UriParams
public class ImapConfiguration extends NetConfiguration implements Cloneable {

    @UriParam(label = "security", defaultValue = "required")
    private StartTls startTls = StartTls.required;
    @UriParam(defaultValue = "INBOX")
    private String folder = "INBOX";
    @UriParam(defaultValue = "true")
    private boolean mapMailMessage = true;

    @UriParam(label = "producer")
    private ImapOperation operation;
    @UriParam(label = "producer")
    private boolean readOnly;
    @UriParam(label = "producer", defaultValue = "FLAGS ENVELOPE RFC822.SIZE")
    private String fetchParts = "FLAGS ENVELOPE RFC822.SIZE";
    @UriParam(label = "producer", defaultValue = "2")
    private int maxIdleSessions = 2;

    @UriParam(defaultValue = "UNSEEN")
    private String criteria = "UNSEEN";
    @UriParam
    private String charset;

    @UriParam(label = "consumer")
    private boolean delete;
    @UriParam(label = "consumer")
    private String moveTo;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxFailures;
    @UriParam(label = "consumer")
    private String errorFolder;
    @UriParam(label = "consumer")
    private CheckpointStore checkpointStore;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer")
    private boolean idle;
    @UriParam(defaultValue = "0")
    private long maxMessageSize;

    /** A copy, so an endpoint's changes never leak into another's. */
    public ImapConfiguration copy() {
        try {
            return (ImapConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void validate() {
        super.validate();
        ProtocolArguments.requireValue("username option (imap://user@host)", getUsername());
        if (getPassword() == null) {
            throw new IllegalArgumentException("The password option is required: IMAP always logs in");
        }
        ProtocolArguments.requireValue("folder option", folder);
        ProtocolArguments.requireSingleLine("moveTo option", moveTo);
        ProtocolArguments.requireSingleLine("errorFolder option", errorFolder);
        ImapCriteria.check("criteria option", criteria);
        ProtocolArguments.requireSingleLine("charset option", charset);
        ImapFetchPart.parse(ProtocolArguments.requireValue("fetchParts option", fetchParts));
        if (startTls == null) {
            throw new IllegalArgumentException("Option startTls must be disabled, optional or required");
        }
        if (maxMessagesPerPoll < 0) {
            throw new IllegalArgumentException("Option maxMessagesPerPoll must be 0 (no limit) or more, was " + maxMessagesPerPoll);
        }
        if (maxFailures < 0) {
            throw new IllegalArgumentException("Option maxFailures must be 0 (never give up) or more, was " + maxFailures);
        }
        if (maxFailures > 0 && (errorFolder == null || errorFolder.isBlank())) {
            throw new IllegalArgumentException("Option maxFailures needs the option errorFolder: where poison messages go");
        }
        if (delete && moveTo != null) {
            throw new IllegalArgumentException("Options delete and moveTo exclude each other: choose one");
        }
        if (maxIdleSessions < 0) {
            throw new IllegalArgumentException("Option maxIdleSessions must be 0 or more, was " + maxIdleSessions);
        }
        SizeLimits.validate("maxMessageSize", maxMessageSize);
    }

    public StartTls getStartTls() {
        return startTls;
    }

    /**
     * imap and netimap only: whether the plain connection is upgraded to TLS with STARTTLS before logging in.
     * required (the default: the password never travels in clear text) fails, before any credential is sent, when the
     * server does not offer it; optional upgrades when the server announces STARTTLS and logs in in clear text
     * otherwise; disabled never upgrades. imaps and netimaps use TLS from the first byte.
     */
    public void setStartTls(StartTls startTls) {
        this.startTls = startTls;
    }

    public String getFolder() {
        return folder;
    }

    /**
     * The mailbox the consumer polls and the producer's operations act on (the header CamelImapMailbox overrides it
     * per message). Also given as the URI path: imap://user@host/Archive.
     */
    public void setFolder(String folder) {
        this.folder = folder;
    }

    public boolean isMapMailMessage() {
        return mapMailMessage;
    }

    /**
     * Map each message (consumer, and fetch of RFC822) to the Camel message: mail headers as message headers, text as
     * the body, parts as attachments. With false the body is the raw RFC 822 message as a stream.
     */
    public void setMapMailMessage(boolean mapMailMessage) {
        this.mapMailMessage = mapMailMessage;
    }

    public ImapOperation getOperation() {
        return operation;
    }

    /**
     * The producer operation: select, search, fetch, store, copy, move, expunge, append, list, create, delete or noop.
     * The header CamelImapOperation overrides it per message; one of the two is required.
     */
    public void setOperation(ImapOperation operation) {
        this.operation = operation;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** select: open the mailbox read-only (EXAMINE), so that nothing can change it and \Recent stays. */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public String getFetchParts() {
        return fetchParts;
    }

    /**
     * fetch: the parts to fetch, such as FLAGS ENVELOPE BODYSTRUCTURE RFC822.SIZE BODY[HEADER] BODY[TEXT], or RFC822
     * (the whole message mapped onto the Camel message; one UID only). Bodies are fetched with PEEK: fetching never
     * sets \Seen. The header CamelImapFetchParts overrides it.
     */
    public void setFetchParts(String fetchParts) {
        this.fetchParts = fetchParts;
    }

    public int getMaxIdleSessions() {
        return maxIdleSessions;
    }

    /** How many logged-in sessions the producer keeps for reuse (IMAP allows concurrent sessions); 0 logs out each time. */
    public void setMaxIdleSessions(int maxIdleSessions) {
        this.maxIdleSessions = maxIdleSessions;
    }

    public String getCriteria() {
        return criteria;
    }

    /**
     * IMAP search criteria (RFC 3501 section 6.4.4), such as UNSEEN or UNSEEN FROM "bob": which messages the consumer
     * delivers, and the default criteria of the search operation (header CamelImapCriteria). Sent to the server as
     * given, after checking it is one line of ASCII without literals.
     */
    public void setCriteria(String criteria) {
        this.criteria = criteria;
    }

    public String getCharset() {
        return charset;
    }

    /** The CHARSET sent with the search criteria (for example UTF-8); none by default. */
    public void setCharset(String charset) {
        this.charset = charset;
    }

    public boolean isDelete() {
        return delete;
    }

    /**
     * After a message's exchange succeeded, delete it: flag it \Deleted and expunge exactly that UID (UID EXPUNGE,
     * where the server has UIDPLUS; without it the message stays flagged \Deleted, never a folder-wide expunge).
     * Default false: the message is flagged \Seen.
     */
    public void setDelete(boolean delete) {
        this.delete = delete;
    }

    public String getMoveTo() {
        return moveTo;
    }

    /** After a message's exchange succeeded, move it to this mailbox (MOVE where advertised) instead of flagging \Seen. */
    public void setMoveTo(String moveTo) {
        this.moveTo = moveTo;
    }

    public int getMaxFailures() {
        return maxFailures;
    }

    /**
     * After this many failed exchanges of the same message, it is moved to errorFolder so that it no longer blocks the
     * mailbox. 0 (the default) retries forever.
     */
    public void setMaxFailures(int maxFailures) {
        this.maxFailures = maxFailures;
    }

    public String getErrorFolder() {
        return errorFolder;
    }

    /** Where poison messages go (see maxFailures). The mailbox must exist. */
    public void setErrorFolder(String errorFolder) {
        this.errorFolder = errorFolder;
    }

    public CheckpointStore getCheckpointStore() {
        return checkpointStore;
    }

    /**
     * Where the consumer keeps its progress: the folder's UIDVALIDITY, the highest UID handled and the UIDs still to
     * retry with their failure counts. Use a FileCheckpointStore or StateRepositoryCheckpointStore to resume exactly
     * after a restart. Default: in memory.
     */
    public void setCheckpointStore(CheckpointStore checkpointStore) {
        this.checkpointStore = checkpointStore;
    }

    public boolean isIdle() {
        return idle;
    }

    /**
     * Push instead of polling: after each poll the consumer waits in IMAP IDLE (RFC 2177) on the folder and polls again
     * as soon as the server reports a change, so a new message is dispatched right after it arrives. The IDLE is
     * renewed every half readTimeout (and at most every 29 minutes). When the server does not announce IDLE, the
     * consumer polls every delay as without this option. A lost connection fails the poll; the next poll (after
     * delay, with Camel's backoff options) reconnects.
     */
    public void setIdle(boolean idle) {
        this.idle = idle;
    }

    /** How long one IDLE lasts before it is renewed: half the read timeout (the socket must not time out), at most 29 minutes. */
    long idleRenewMillis() {
        return Math.max(1, Math.min(29L * 60_000, getReadTimeout() / 2));
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
     * Largest message in bytes (its RFC822.SIZE) whose content is downloaded; 0 (the default) means no limit.
     * Consumer: a larger message is not fetched and left in the folder as it was (not flagged \Seen, deleted or
     * moved); a WARN is logged and the checkpoint moves past it, so later polls do not fetch its size again. Producer:
     * fetch with RFC822 fails with a SizeLimitExceededException naming the limit and the size before the content is
     * fetched.
     */
    public void setMaxMessageSize(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }
}
