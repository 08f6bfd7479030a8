package io.netproto.camel.imap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;

import io.netproto.camel.mail.MailBinding;
import io.netproto.camel.mail.MailBindingOptions;
import io.netproto.camel.mail.MailStreamProviders;
import io.netproto.camel.support.CheckpointStore;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.SizeLimits;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a folder and delivers one exchange per message matching the criteria, by ascending UID. Messages are fetched
 * ahead {@value #PREFETCH_SIZE} at a time, in one command: their flags, sizes and first 64 KiB
 * (BODY.PEEK[]&lt;0.65537&gt;, so a message of at most 64 KiB comes whole); a larger message is fetched part by part
 * when its turn comes. Bodies are fetched with BODY.PEEK, so reading never marks a message \Seen, and a batch is
 * never held in memory whole.
 * <p>
 * Commit protocol: when a message's exchange succeeded the checkpoint records it as delivered with its commit pending,
 * then it is flagged \Seen (default), deleted (\Deleted and UID EXPUNGE of those UIDs only) or moved (moveTo),
 * together with the other successes of up to {@value #PREFETCH_SIZE} messages, at the latest when the poll's batch
 * ends (see {@link ImapCommits}). A commit a lost connection or a restart interrupted is sent again at the start of
 * the next poll; the message is not delivered again. When its exchange failed the message is left as it was and
 * offered again by the next poll; after maxFailures failures it is moved to errorFolder.
 * <p>
 * Progress lives in the checkpoint store under {@code imap://user@host:port/folder}: the folder's UIDVALIDITY, the
 * highest UID handled, and the UIDs to retry. Each poll searches {@code UID <retries>,<last+1>:* <criteria>}, so a
 * restarted consumer (with a persistent store) delivers nothing twice and misses nothing. When the server reports a
 * different UIDVALIDITY, stored UIDs mean nothing any more: the consumer logs a warning and starts over from UID 1, so
 * every message that still matches the criteria is delivered (with the default UNSEEN, the unprocessed ones).
 */
public class ImapConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ImapConsumer.class);
    /** Messages fetched ahead together (flags, sizes, small bodies), and at most committed together. */
    static final int PREFETCH_SIZE = 100;

    private final ImapEndpoint endpoint;
    private final ImapConfiguration cfg;
    private final MailBinding binding;
    private final MailStreamProviders providers = new MailStreamProviders();
    private final String key;
    private CheckpointStore checkpoints;
    private ImapCommits commits;
    private volatile ImapClient client;
    private ImapCheckpoint checkpoint;
    private ScheduledExecutorService idleTimer;
    private volatile boolean stopping;
    /** Whether idleLoop holds a connected, caught-up session (the poll running it has not returned). */
    private volatile boolean pushing;
    private boolean idleUnsupportedLogged;
    /** The messages of the running batch fetched ahead and not yet delivered, by UID (none: expunged meanwhile). */
    private final Map<Long, ImapPrefetch> prefetched = new HashMap<>();

    public ImapConsumer(ImapEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.cfg = endpoint.getConfiguration();
        this.binding = new MailBinding(MailBindingOptions.defaults().withMapMailMessage(cfg.isMapMailMessage()));
        int port = cfg.effectivePort(endpoint.isSecure() ? ImapClient.IMAPS_PORT : ImapClient.IMAP_PORT);
        this.key = "imap://" + cfg.getUsername() + "@" + cfg.getHost() + ":" + port + "/" + cfg.getFolder();
        setMaxMessagesPerPoll(cfg.getMaxMessagesPerPoll());
    }

    /** The checkpoint key of this consumer's folder. */
    String checkpointKey() {
        return key;
    }

    @Override
    protected void doStart() throws Exception {
        checkpoints = endpoint.checkpointStore();
        commits = new ImapCommits(cfg, checkpoints, key, this::getExceptionHandler, PREFETCH_SIZE);
        stopping = false;
        if (cfg.isIdle()) {
            idleTimer = endpoint.getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "ImapIdleTimer");
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        synchronized (this) {
            notifyAll();
        }
        ImapClient c = client;
        if (c != null) {
            c.abortIdle();
        }
        super.doStop();
        if (commits != null) {
            // completions of exchanges routed asynchronously after their poll ended
            commits.flush();
        }
        disconnect();
        if (idleTimer != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(idleTimer);
            idleTimer = null;
        }
    }

    @Override
    protected void doSuspend() throws Exception {
        stopping = true;
        ImapClient c = client;
        if (c != null) {
            c.abortIdle();
        }
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        stopping = false;
        super.doResume();
    }

    private void disconnect() {
        ImapClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
    }

    @Override
    protected int poll() throws Exception {
        ImapClient c = client;
        if (c == null || !c.isConnected()) {
            disconnect();
            c = endpoint.openClient();
            client = c;
        }
        try {
            c.open(cfg.getFolder(), false);
            int delivered = pollOnce(c);
            if (cfg.isIdle() && canIdle(c)) {
                delivered += idleLoop(c);
            } else {
                c.closeMailbox(false);
            }
            return delivered;
        } catch (ConnectionFailedException e) {
            disconnect();
            throw e;
        }
    }

    /**
     * Push: waits in IDLE for the server's news and polls again, until the consumer stops. A connection lost while
     * idling is reopened once, after a second; when that fails too the poll fails (Camel's scheduled-consumer error
     * handling, backoff and health check see it) and the next poll, after delay, connects again.
     */
    private int idleLoop(ImapClient first) throws Exception {
        ImapClient c = first;
        int delivered = 0;
        try {
            while (!stopping && isRunAllowed()) {
                if (c == null) {
                    c = endpoint.openClient();
                    client = c;
                    c.open(cfg.getFolder(), false);
                    delivered += pollOnce(c);
                }
                // connected and caught up: healthy, although this poll has not returned (see getErrorCounter)
                pushing = true;
                try {
                    c.idle(cfg.idleRenewMillis(), idleTimer);
                    if (!stopping && isRunAllowed()) {
                        delivered += pollOnce(c);
                    }
                } catch (ConnectionFailedException e) {
                    pushing = false;
                    if (stopping) {
                        break;
                    }
                    LOG.warn("IMAP IDLE on {} lost its connection ({}): reconnecting", key, e.getMessage());
                    disconnect();
                    c = null;
                    pause(1000);
                }
            }
        } finally {
            pushing = false;
        }
        return delivered;
    }

    /*
     * In IDLE a poll does not return while its session lasts, so the counters ScheduledPollConsumer updates after each
     * poll (and its health check reads) would keep the state from before: a consumer that once failed to connect would
     * stay DOWN, and one that never failed would never be ready. While the IDLE session is connected they report it.
     */

    @Override
    public long getErrorCounter() {
        return pushing ? 0 : super.getErrorCounter();
    }

    @Override
    protected Throwable getLastError() {
        return pushing ? null : super.getLastError();
    }

    @Override
    protected Map<String, Object> getLastErrorDetails() {
        return pushing ? null : super.getLastErrorDetails();
    }

    @Override
    public boolean isConsumerReady() {
        return pushing || super.isConsumerReady();
    }

    private void pause(long millis) throws InterruptedException {
        synchronized (this) {
            if (!stopping) {
                wait(millis);
            }
        }
    }

    private int pollOnce(ImapClient c) throws Exception {
        Queue<Object> batch = candidates(c);
        return batch.isEmpty() ? 0 : processBatch(batch);
    }

    private boolean canIdle(ImapClient c) {
        if (c.hasCapability("IDLE")) {
            return true;
        }
        if (!idleUnsupportedLogged) {
            idleUnsupportedLogged = true;
            LOG.info("The IMAP server {} does not announce IDLE: {} polls every {} ms instead", c.server(), key, getDelay());
        }
        return false;
    }

    /** The UIDs to deliver this poll, ascending: the ones to retry and the new ones, at most maxMessagesPerPoll. */
    private Queue<Object> candidates(ImapClient c) {
        long uidValidity = c.uidValidity();
        commits.flush(); // completions of the last poll first, so the stored checkpoint is current
        ImapCheckpoint stored = ImapCheckpoint.parse(checkpoints.get(key));
        if (stored == null || stored.uidValidity() != uidValidity) {
            if (stored != null) {
                LOG.warn("The UIDVALIDITY of {} changed from {} to {}: the stored UIDs no longer apply, so every message"
                         + " matching '{}' is delivered again from UID 1",
                        key, stored.uidValidity(), uidValidity, cfg.getCriteria());
            }
            stored = new ImapCheckpoint(uidValidity, 0, Map.of());
            checkpoints.put(key, stored.format());
        }
        checkpoint = stored;
        commits.recommit(c, stored);
        List<Long> retries = new ArrayList<>(stored.retries());
        List<Long> range = new ArrayList<>(retries);
        String uids = (retries.isEmpty() ? "" : ImapUids.of(retries) + ",") + (stored.lastUid() + 1) + ":*";
        TreeSet<Long> found = new TreeSet<>(c.search("UID " + uids + " " + cfg.getCriteria(), cfg.getCharset()));
        boolean forgot = false;
        for (Long uid : range) {
            if (!found.contains(uid)) {
                // gone, or no longer matching (changed by someone else): nothing left to retry
                stored.forget(uid);
                forgot = true;
            }
        }
        if (forgot) {
            checkpoints.put(key, stored.format());
        }
        Queue<Object> batch = new ArrayDeque<>();
        for (Long uid : found) {
            // "n:*" always matches the highest UID, even when it is below n
            boolean wanted = uid > stored.lastUid() || retries.contains(uid);
            if (wanted && (maxMessagesPerPoll <= 0 || batch.size() < maxMessagesPerPoll)) {
                batch.add(uid);
            }
        }
        return batch;
    }

    @Override
    public int processBatch(Queue<Object> messages) throws Exception {
        int total = messages.size();
        int delivered = 0;
        try {
            for (int index = 0; index < total && isBatchAllowed(); index++) {
                long uid = (Long) messages.poll();
                pendingExchanges = total - index - 1;
                if (deliver(uid, messages, index, total)) {
                    delivered++;
                }
            }
        } finally {
            prefetched.clear();
            pendingExchanges = 0;
            commits.flush();
        }
        return delivered;
    }

    @SuppressWarnings("try") // the scope only sets the context class loader for the block
    private boolean deliver(long uid, Queue<Object> rest, int index, int total) {
        ImapClient c = client;
        Exchange exchange = createExchange(false);
        Message in;
        try (MailStreamProviders.Scope parsing = providers.enter()) {
            ImapPrefetch ahead = prefetched(c, uid, rest);
            MimeMessage message = ahead == null ? null : ahead.content() != null ? ahead.content() : c.message(uid);
            if (message == null) {
                // expunged by someone else since the search
                releaseExchange(exchange, false);
                return false;
            }
            if (tooLarge(uid, ahead.size() >= 0 ? ahead.size() : message.getSize())) {
                releaseExchange(exchange, false);
                return false;
            }
            in = binding.fill(exchange.getIn(), message, !cfg.isMapMailMessage());
            in.setHeader(ImapConstants.FLAGS, String.join(" ", ImapFlags.names(ahead.flags())));
        } catch (ConnectionFailedException e) {
            releaseExchange(exchange, false);
            throw e;
        } catch (Exception e) {
            getExceptionHandler().handleException("Cannot fetch IMAP message UID " + uid + " from " + key
                                                  + "; it stays in the folder",
                    exchange, e);
            releaseExchange(exchange, false);
            return false;
        }
        in.setHeader(ImapConstants.UID, uid);
        in.setHeader(ImapConstants.MAILBOX, cfg.getFolder());
        in.setHeader(ImapConstants.UID_VALIDITY, checkpoint.uidValidity());
        exchange.setProperty(Exchange.BATCH_INDEX, index);
        exchange.setProperty(Exchange.BATCH_SIZE, total);
        exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
        exchange.getExchangeExtension().addOnCompletion(new Commit(c, checkpoint, uid));
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing IMAP message UID " + uid + " from " + key
                                                  + "; it stays as it was for the next poll (after maxFailures failures: moved to errorFolder)",
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return true;
    }

    /** maxMessageSize: a larger message stays in the folder as it was; the checkpoint moves past it. */
    private boolean tooLarge(long uid, long size) {
        if (!SizeLimits.exceeds(size, cfg.getMaxMessageSize())) {
            return false;
        }
        LOG.warn("Not fetching IMAP message UID {} from {}: it is {} bytes, over the limit maxMessageSize={} bytes;"
                 + " it stays in the folder unchanged", uid, key, size, cfg.getMaxMessageSize());
        commits.flush(); // the checkpoint must not pass messages whose commit is still pending
        checkpoint.done(uid);
        checkpoints.put(key, checkpoint.format());
        return true;
    }

    /**
     * The flags and (when small) content of the message with this UID, fetched ahead together with the next ones of
     * the batch (up to {@link #PREFETCH_SIZE}, see {@link ImapClient#prefetch(List)}), or null when it is gone.
     */
    private ImapPrefetch prefetched(ImapClient c, long uid, Queue<Object> rest) {
        if (!prefetched.containsKey(uid)) {
            prefetched.clear();
            List<Long> ahead = new ArrayList<>();
            ahead.add(uid);
            for (Iterator<Object> next = rest.iterator(); next.hasNext() && ahead.size() < PREFETCH_SIZE;) {
                ahead.add((Long) next.next());
            }
            prefetched.putAll(c.prefetch(ahead, cfg.getMaxMessageSize()));
        }
        return prefetched.remove(uid);
    }

    /** Hands a message's outcome to the commits (see {@link ImapCommits}). */
    private final class Commit extends SynchronizationAdapter {
        private final ImapClient session;
        private final ImapCheckpoint progress;
        private final long uid;

        Commit(ImapClient session, ImapCheckpoint progress, long uid) {
            this.session = session;
            this.progress = progress;
            this.uid = uid;
        }

        @Override
        public boolean allowHandover() {
            // the commit belongs to this poll's session: it must not travel with a copy of the exchange
            return false;
        }

        @Override
        public void onComplete(Exchange exchange) {
            commits.succeeded(session, progress, uid);
        }

        @Override
        public void onFailure(Exchange exchange) {
            commits.failed(session, progress, uid, exchange);
        }
    }
}
