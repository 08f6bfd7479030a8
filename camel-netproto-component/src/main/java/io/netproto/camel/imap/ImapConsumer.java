package io.netproto.camel.imap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;

import io.netproto.camel.mail.MailBinding;
import io.netproto.camel.mail.MailBindingOptions;
import io.netproto.camel.support.CheckpointStore;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.SizeLimits;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a folder and delivers one exchange per message matching the criteria, by ascending UID, fetching each message
 * only when its turn comes (with BODY.PEEK, so reading never marks it \Seen).
 * <p>
 * Commit protocol, per message: when its exchange succeeded the message is flagged \Seen (default), deleted (\Deleted
 * and UID EXPUNGE of that UID only) or moved (moveTo); then the checkpoint advances. When its exchange failed the
 * message is left as it was and offered again by the next poll; after maxFailures failures it is moved to errorFolder.
 * <p>
 * Progress lives in the checkpoint store under {@code imap://user@host:port/folder}: the folder's UIDVALIDITY, the
 * highest UID handled, and the UIDs to retry. Each poll searches {@code UID <retries>,<last+1>:* <criteria>}, so a
 * restarted consumer (with a persistent store) delivers nothing twice and misses nothing. When the server reports a
 * different UIDVALIDITY, stored UIDs mean nothing any more: the consumer logs a warning and starts over from UID 1, so
 * every message that still matches the criteria is delivered (with the default UNSEEN, the unprocessed ones).
 */
public class ImapConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ImapConsumer.class);

    private final ImapEndpoint endpoint;
    private final ImapConfiguration cfg;
    private final MailBinding binding;
    private final String key;
    private CheckpointStore checkpoints;
    private volatile ImapClient client;
    private ImapCheckpoint checkpoint;
    private ScheduledExecutorService idleTimer;
    private volatile boolean stopping;
    /** Whether idleLoop holds a connected, caught-up session (the poll running it has not returned). */
    private volatile boolean pushing;
    private boolean idleUnsupportedLogged;

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
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            long uid = (Long) messages.poll();
            pendingExchanges = total - index - 1;
            if (deliver(uid, index, total)) {
                delivered++;
            }
        }
        pendingExchanges = 0;
        return delivered;
    }

    private boolean deliver(long uid, int index, int total) {
        ImapClient c = client;
        Exchange exchange = createExchange(false);
        Message in;
        try {
            IMAPMessage message = c.message(uid);
            if (message == null) {
                // expunged by someone else since the search
                releaseExchange(exchange, false);
                return false;
            }
            if (tooLarge(uid, message.getSize())) {
                releaseExchange(exchange, false);
                return false;
            }
            in = binding.fill(exchange.getIn(), message, !cfg.isMapMailMessage());
            in.setHeader(ImapConstants.FLAGS, String.join(" ", ImapFlags.names(message.getFlags())));
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
        checkpoint.done(uid);
        checkpoints.put(key, checkpoint.format());
        return true;
    }

    /** Commits a message once its exchange succeeded; counts the failure (and gives up after maxFailures) otherwise. */
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
            String set = Long.toString(uid);
            try {
                if (cfg.isDelete()) {
                    session.store(set, ImapStoreMode.add, "\\Deleted");
                    if (session.hasCapability("UIDPLUS")) {
                        session.uidExpunge(set);
                    }
                } else if (cfg.getMoveTo() != null) {
                    session.move(set, cfg.getMoveTo());
                } else {
                    session.store(set, ImapStoreMode.add, "\\Seen");
                }
            } catch (RuntimeException e) {
                getExceptionHandler().handleException("Cannot commit IMAP message UID " + uid + " in " + key
                                                      + "; it will be delivered again",
                        exchange, e);
                return;
            }
            progress.done(uid);
            checkpoints.put(key, progress.format());
        }

        @Override
        public void onFailure(Exchange exchange) {
            int failures = progress.failed(uid);
            if (cfg.getMaxFailures() > 0 && failures >= cfg.getMaxFailures()) {
                try {
                    session.move(Long.toString(uid), cfg.getErrorFolder());
                    progress.done(uid);
                    LOG.warn("IMAP message UID {} in {} failed {} times: moved to {}", uid, key, failures, cfg.getErrorFolder());
                } catch (RuntimeException e) {
                    getExceptionHandler().handleException("Cannot move the poison IMAP message UID " + uid + " to "
                                                          + cfg.getErrorFolder(),
                            exchange, e);
                }
            } else {
                LOG.debug("IMAP message UID {} in {} not committed: its exchange failed ({} times)", uid, key, failures);
            }
            checkpoints.put(key, progress.format());
        }
    }
}
