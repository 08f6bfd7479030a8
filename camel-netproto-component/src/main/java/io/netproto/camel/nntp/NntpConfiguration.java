package io.netproto.camel.nntp;

import java.util.ArrayList;
import java.util.List;

import io.netproto.camel.support.CheckpointStore;
import io.netproto.camel.support.NetConfiguration;
import io.netproto.camel.support.ProtocolArguments;
import io.netproto.camel.support.SizeLimits;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** Options of an nntp/nntps endpoint. */
@UriParams
public class NntpConfiguration extends NetConfiguration implements Cloneable {

    @UriPath(description = "The newsgroups: a comma-separated list of names, or a wildmat such as comp.lang.*")
    private String groups;

    @UriParam(label = "security", defaultValue = "false")
    private boolean startTls;
    @UriParam(label = "producer")
    private NntpOperation operation;
    @UriParam(label = "producer,advanced", defaultValue = "4")
    private int maxIdleSessions = 4;
    @UriParam(label = "producer", defaultValue = "netproto.camel")
    private String messageIdDomain = "netproto.camel";

    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean streamBody;
    @UriParam(label = "consumer")
    private CheckpointStore checkpointStore;
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;
    @UriParam(defaultValue = "0")
    private long maxArticleSize;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxFailures;

    /** A copy, so an endpoint's changes never leak into another's. */
    public NntpConfiguration copy() {
        try {
            return (NntpConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void validate() {
        super.validate();
        ProtocolArguments.requireSingleLine("groups of the endpoint URI", groups);
        ProtocolArguments.requireSingleLine("messageIdDomain option", messageIdDomain);
        if (groups != null) {
            for (String g : groupList()) {
                if (g.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("The group '" + g + "' of the endpoint URI must not contain whitespace");
                }
            }
        }
        if (messageIdDomain == null || messageIdDomain.isBlank() || messageIdDomain.matches(".*[\\s<>@].*")) {
            throw new IllegalArgumentException("Option messageIdDomain must be a domain without spaces, '<', '>' or '@', was "
                                               + messageIdDomain);
        }
        if (maxMessagesPerPoll < 0) {
            throw new IllegalArgumentException("Option maxMessagesPerPoll must be 0 (no limit) or more, was " + maxMessagesPerPoll);
        }
        if (maxFailures < 0) {
            throw new IllegalArgumentException("Option maxFailures must be 0 (never give up) or more, was " + maxFailures);
        }
        if (maxIdleSessions < 1) {
            throw new IllegalArgumentException("Option maxIdleSessions must be at least 1, was " + maxIdleSessions);
        }
        SizeLimits.validate("maxArticleSize", maxArticleSize);
    }

    /** The groups of the URI, split at commas (wildmat patterns included as given). */
    List<String> groupList() {
        List<String> list = new ArrayList<>();
        if (groups != null) {
            for (String g : groups.split(",")) {
                if (!g.isBlank()) {
                    list.add(g.strip());
                }
            }
        }
        return list;
    }

    /** Whether a group entry is a wildmat pattern rather than a group name. */
    static boolean isWildmat(String group) {
        return group.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '!');
    }

    /** The first plain group name of the URI, or null. */
    String defaultGroup() {
        return groupList().stream().filter(g -> !isWildmat(g)).findFirst().orElse(null);
    }

    public String getGroups() {
        return groups;
    }

    /**
     * The newsgroups: a comma-separated list of names, or wildmat patterns such as {@code comp.lang.*} (the consumer
     * expands them with LIST ACTIVE on every poll). The producer uses the first plain name as its default group.
     */
    public void setGroups(String groups) {
        this.groups = groups;
    }

    public boolean isStartTls() {
        return startTls;
    }

    /**
     * nntp only: upgrade the connection with STARTTLS (RFC 4642) before MODE READER and AUTHINFO; the connection
     * fails when the server refuses. The certificate is checked like that of nntps.
     */
    public void setStartTls(boolean startTls) {
        this.startTls = startTls;
    }

    public NntpOperation getOperation() {
        return operation;
    }

    /** The producer operation, unless the header CamelNntpOperation names one. Default: post. */
    public void setOperation(NntpOperation operation) {
        this.operation = operation;
    }

    public int getMaxIdleSessions() {
        return maxIdleSessions;
    }

    /** How many idle logged-in connections the producer keeps for reuse. */
    public void setMaxIdleSessions(int maxIdleSessions) {
        this.maxIdleSessions = maxIdleSessions;
    }

    public String getMessageIdDomain() {
        return messageIdDomain;
    }

    /** The right-hand side of the Message-IDs the producer generates for posts that have none. */
    public void setMessageIdDomain(String messageIdDomain) {
        this.messageIdDomain = messageIdDomain;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /** The most articles one poll delivers (over all groups); 0 for no limit. */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isStreamBody() {
        return streamBody;
    }

    /**
     * Consumer: deliver the article body as an InputStream read from the connection while the route runs (for large
     * articles), instead of a String loaded first. The stream is only valid during the exchange; what the route does
     * not read is skipped afterwards.
     */
    public void setStreamBody(boolean streamBody) {
        this.streamBody = streamBody;
    }

    public CheckpointStore getCheckpointStore() {
        return checkpointStore;
    }

    /**
     * Where the consumer keeps the last delivered article number per (server, group), e.g. a FileCheckpointStore so
     * that a restart resumes where it stopped. Default: in memory (survives a route restart, not a JVM restart).
     */
    public void setCheckpointStore(CheckpointStore checkpointStore) {
        this.checkpointStore = checkpointStore;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * The Message-IDs the consumer has delivered: the second safety net when a server renumbers a group. Default: an
     * in-memory repository of the last 10000 Message-IDs.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getMaxFailures() {
        return maxFailures;
    }

    /**
     * After this many failed exchanges of the same article, a WARN is logged and the checkpoint moves past it, so that
     * one poison article never blocks the group (news articles are never deleted). The failures are counted while the
     * consumer runs. 0 (the default) retries forever.
     */
    public void setMaxFailures(int maxFailures) {
        this.maxFailures = maxFailures;
    }

    public long getMaxArticleSize() {
        return maxArticleSize;
    }

    /**
     * Largest article in bytes the endpoint transfers; 0 (the default) means no limit. Consumer: an article whose
     * overview (OVER :bytes) is larger is not fetched; a WARN is logged and the checkpoint moves past it (news articles
     * are never deleted); without a size in the overview the body is limited while it is read. Producer: article and
     * body of an article number fail before ARTICLE/BODY when OVER reports a larger size; by Message-ID (or without a
     * size) reading the body stream fails as soon as it passes the limit. post fails before POST when the composed
     * article is larger. The error is a SizeLimitExceededException naming the limit and the size.
     */
    public void setMaxArticleSize(long maxArticleSize) {
        this.maxArticleSize = maxArticleSize;
    }
}
