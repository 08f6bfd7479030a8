package io.netproto.camel.nntp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import io.netproto.camel.support.CheckpointStore;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.camel.support.SizeLimitExceededException;
import io.netproto.camel.support.SizeLimits;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the endpoint's groups (names, or wildmats expanded with LIST ACTIVE on every poll) on one connection kept
 * across polls, and delivers each new article once, in number order: OVER of the numbers above the checkpoint, then
 * ARTICLE of each. The checkpoint (last delivered number per server and group) advances only after the article's
 * exchange succeeded; a failed exchange stops the group for this poll, and the next poll retries that article (after
 * maxFailures failures of the same article, the checkpoint moves past it).
 * <p>
 * Gaps (an article expired or cancelled: absent from OVER, or 423 on ARTICLE) are skipped. Renumbering policy: the
 * checkpoint holds the number and the Message-ID of the last delivered article. The group counts as renumbered when
 * its high water mark falls below the checkpoint number, or when STAT of that number names another Message-ID (423
 * counts as an ordinary expiry). The consumer then rescans the whole group (its order is kept by a renumbering),
 * skips everything up to and including the checkpoint's Message-ID when it is still there, and finally every
 * Message-ID it has delivered (the idempotent repository, the second safety net; make it persistent together with
 * a persistent checkpoint store).
 */
public class NntpConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(NntpConsumer.class);

    private final NntpEndpoint endpoint;
    private final NntpConfiguration cfg;
    private CheckpointStore checkpoints;
    private IdempotentRepository repository;
    private NntpSession session;
    /** Per group: the article whose exchange failed last, and how many times in a row. */
    private final Map<String, Failures> failures = new HashMap<>();

    private record Failures(long number, int count) {
    }

    record Candidate(String group, NntpOverview overview) {
    }

    public NntpConsumer(NntpEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.cfg = endpoint.getConfiguration();
        setMaxMessagesPerPoll(cfg.getMaxMessagesPerPoll());
    }

    @Override
    protected void doStart() throws Exception {
        if (cfg.defaultGroup() == null && cfg.groupList().isEmpty()) {
            throw new IllegalArgumentException("The nntp consumer needs groups in the endpoint URI: nntp://host/group");
        }
        checkpoints = endpoint.checkpointStore();
        repository = endpoint.idempotentRepository();
        ServiceHelper.startService(repository);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        disconnect();
    }

    private void disconnect() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** The checkpoint key of a group: server and group, never credentials. */
    private String key(String group) {
        int port = cfg.effectivePort(endpoint.isSecure() ? NntpConnection.STANDARD_TLS_PORT : NntpConnection.STANDARD_PORT);
        return (endpoint.isSecure() ? "nntps://" : "nntp://") + cfg.getHost() + ":" + port + "/" + group;
    }

    @Override
    protected int poll() throws Exception {
        if (session == null || !session.isConnected()) {
            disconnect();
            session = endpoint.openSession();
        }
        try {
            Queue<Object> batch = new ArrayDeque<>();
            for (String group : groups()) {
                List<Candidate> found;
                try {
                    found = candidates(group);
                } catch (ProtocolReplyException e) {
                    if (e.getReplyCode() != 411) {
                        throw e;
                    }
                    LOG.warn("Newsgroup {} does not exist on {}: skipped", group, cfg.getHost());
                    continue;
                }
                for (Candidate c : found) {
                    if (maxMessagesPerPoll > 0 && batch.size() >= maxMessagesPerPoll) {
                        break;
                    }
                    batch.add(c);
                }
            }
            return processBatch(batch);
        } catch (ConnectionFailedException e) {
            disconnect();
            throw e;
        } catch (ProtocolReplyException e) {
            if (e.getReplyCode() == 400 || !session.isConnected()) {
                disconnect();
            }
            throw e;
        }
    }

    /**
     * The groups to poll: the URI's names, or, when it holds a wildmat, every active group matching the whole list
     * (so that negations such as {@code comp.*,!comp.sys.*} work as RFC 3977 defines them).
     */
    private Set<String> groups() {
        Set<String> names = new LinkedHashSet<>();
        List<String> entries = cfg.groupList();
        if (entries.stream().anyMatch(NntpConfiguration::isWildmat)) {
            session.listActive(String.join(",", entries)).forEach(g -> names.add(g.name()));
        } else {
            names.addAll(entries);
        }
        return names;
    }

    /** A stored checkpoint: the last delivered number and (since it may be renumbered) its Message-ID. */
    record Checkpoint(long number, String messageId) {
        static Checkpoint parse(String value) {
            String[] parts = value.strip().split(" ", 2);
            return new Checkpoint(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : null);
        }

        String format() {
            return messageId == null ? Long.toString(number) : number + " " + messageId;
        }
    }

    private void advance(String group, NntpOverview delivered) {
        String id = delivered.messageId() == null || delivered.messageId().isBlank() ? null : delivered.messageId();
        checkpoints.put(key(group), new Checkpoint(delivered.number(), id).format());
    }

    private List<Candidate> candidates(String group) {
        NntpGroup status = session.group(group);
        String stored = checkpoints.get(key(group));
        Checkpoint checkpoint = stored == null ? new Checkpoint(status.first() - 1, null) : Checkpoint.parse(stored);
        if (status.count() == 0 || status.last() < status.first()) {
            return List.of();
        }
        if (renumbered(group, status, checkpoint)) {
            LOG.info("Group {} on {} was renumbered (checkpoint {}, now {}-{}): rescanning it; articles up to the "
                     + "checkpoint's Message-ID and Message-IDs already delivered are skipped",
                    group, cfg.getHost(), checkpoint.format(), status.first(), status.last());
            return afterMessageId(group, session.over(group, status.first() + "-" + status.last()), checkpoint.messageId());
        }
        if (status.last() <= checkpoint.number()) {
            return List.of();
        }
        long from = Math.max(checkpoint.number() + 1, status.first());
        List<Candidate> list = new ArrayList<>();
        for (NntpOverview o : session.over(group, from + "-" + status.last())) {
            if (o.number() > checkpoint.number()) {
                list.add(new Candidate(group, o));
            }
        }
        return list;
    }

    /**
     * Whether the numbers of the group no longer mean what the checkpoint says: the high water mark fell below it,
     * or the checkpoint's number now names another article. An article that is gone (423) counts as expired.
     */
    private boolean renumbered(String group, NntpGroup status, Checkpoint checkpoint) {
        if (status.last() < checkpoint.number()) {
            return true;
        }
        if (checkpoint.messageId() == null || checkpoint.number() < status.first()) {
            return false;
        }
        try {
            NntpPointer now = session.stat(group, Long.toString(checkpoint.number()));
            return now.messageId() != null && !now.messageId().equals(checkpoint.messageId());
        } catch (ProtocolReplyException e) {
            if (e.getReplyCode() == 423) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The entries after the one with the checkpoint's Message-ID (all of them when it is not there); when it is found,
     * the checkpoint moves to its new number, so later polls need no rescan.
     */
    private List<Candidate> afterMessageId(String group, List<NntpOverview> overview, String messageId) {
        int start = 0;
        for (int i = 0; i < overview.size() && messageId != null; i++) {
            if (messageId.equals(overview.get(i).messageId())) {
                start = i + 1;
                advance(group, overview.get(i));
            }
        }
        List<Candidate> list = new ArrayList<>();
        for (NntpOverview o : overview.subList(start, overview.size())) {
            list.add(new Candidate(group, o));
        }
        return list;
    }

    @Override
    public int processBatch(Queue<Object> candidates) throws Exception {
        int total = candidates.size();
        int delivered = 0;
        Set<String> stopped = new LinkedHashSet<>();
        for (int index = 0; index < total && isBatchAllowed() && session != null && session.isConnected(); index++) {
            Candidate c = (Candidate) candidates.poll();
            if (maxMessagesPerPoll > 0 && delivered >= maxMessagesPerPoll) {
                break;
            }
            if (stopped.contains(c.group())) {
                continue;
            }
            String messageId = c.overview().messageId();
            if (messageId != null && !messageId.isEmpty() && repository.contains(messageId)) {
                advance(c.group(), c.overview());
                continue;
            }
            if (deliver(c, index, total)) {
                delivered++;
            } else {
                stopped.add(c.group());
            }
        }
        return delivered;
    }

    /** The whole body of a streamed article; closing the stream reads what is left, so the connection stays usable. */
    private static String readLimited(InputStream body) {
        try (InputStream in = body) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (e.getCause() instanceof SizeLimitExceededException limit) {
                throw limit;
            }
            throw new ConnectionFailedException("Reading an article failed: " + e.getMessage(), e);
        }
    }

    /** maxArticleSize: the article is not delivered; the checkpoint moves past it. */
    private void skipTooLarge(Candidate c, long size) {
        LOG.warn("Not fetching article {} of {} on {}: it is {} bytes, over the limit maxArticleSize={} bytes",
                c.overview().number(), c.group(), cfg.getHost(),
                size >= 0 ? Long.toString(size) : "more than " + cfg.getMaxArticleSize(), cfg.getMaxArticleSize());
        advance(c.group(), c.overview());
    }

    /** Delivers one article; true when its exchange succeeded (or the article had gone: 423). */
    private boolean deliver(Candidate c, int index, int total) throws Exception {
        NntpArticle article;
        InputStream[] stream = new InputStream[1];
        long limit = cfg.getMaxArticleSize();
        if (SizeLimits.exceeds(c.overview().bytes(), limit)) {
            skipTooLarge(c, c.overview().bytes());
            return true;
        }
        // without a size in the overview, the limit applies while the body is read
        boolean limitWhileReading = limit > 0 && c.overview().bytes() < 0;
        try {
            String number = Long.toString(c.overview().number());
            article = cfg.isStreamBody() || limitWhileReading
                    ? session.fetchStreaming(c.group(), number, true, body -> stream[0] = SizeLimits.limit(body, limit,
                            "Article " + number + " of " + c.group(), "maxArticleSize", "not delivered"))
                    : session.fetch(c.group(), number, true, true);
            if (limitWhileReading && !cfg.isStreamBody()) {
                article = new NntpArticle(article.pointer(), article.headers(), readLimited(stream[0]));
                stream[0] = null;
            }
        } catch (SizeLimitExceededException e) {
            skipTooLarge(c, -1);
            return true;
        } catch (ProtocolReplyException e) {
            if (e.getReplyCode() == 423) {
                advance(c.group(), c.overview());
                return true;
            }
            throw e;
        }
        Exchange exchange = createExchange(false);
        Message message = exchange.getIn();
        for (String name : List.of("Newsgroups", "Message-ID", "From", "Subject", "Date", "References", "Xref")) {
            article.header(name).ifPresent(v -> message.setHeader(name, NntpHeaderEncoding.decode(v)));
        }
        message.setHeader(NntpConstants.GROUP, c.group());
        message.setHeader(NntpConstants.ARTICLE_NUMBER, c.overview().number());
        message.setHeader(NntpConstants.MESSAGE_ID, article.pointer().messageId());
        message.setBody(stream[0] != null ? stream[0] : article.body());
        exchange.setProperty(Exchange.BATCH_INDEX, index);
        exchange.setProperty(Exchange.BATCH_SIZE, total);
        exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (stream[0] != null) {
            try {
                stream[0].close(); // skips what the route did not read, so the connection can go on
            } catch (IOException e) {
                if (!exchange.isFailed()) {
                    exchange.setException(e);
                }
            }
        }
        boolean ok = !exchange.isFailed();
        if (ok) {
            String messageId = article.pointer().messageId();
            if (messageId != null) {
                repository.add(messageId);
            }
            failures.remove(c.group());
            advance(c.group(), c.overview());
        } else {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing article " + c.overview().number() + " of "
                                                      + c.group(), exchange, exchange.getException());
            }
            ok = giveUpAfterMaxFailures(c);
        }
        releaseExchange(exchange, false);
        return ok;
    }

    /** Counts a failed exchange; after maxFailures of the same article the checkpoint moves past it (true). */
    private boolean giveUpAfterMaxFailures(Candidate c) {
        long number = c.overview().number();
        Failures previous = failures.get(c.group());
        int count = previous != null && previous.number() == number ? previous.count() + 1 : 1;
        if (cfg.getMaxFailures() == 0 || count < cfg.getMaxFailures()) {
            failures.put(c.group(), new Failures(number, count));
            LOG.debug("Article {} of {} not committed: its exchange failed ({} times)", number, c.group(), count);
            return false;
        }
        failures.remove(c.group());
        LOG.warn("Article {} {} of {} on {} failed {} times (maxFailures={}): the checkpoint moves past it", number,
                c.overview().messageId(), c.group(), cfg.getHost(), count, cfg.getMaxFailures());
        advance(c.group(), c.overview());
        return true;
    }
}
