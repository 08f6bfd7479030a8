package io.netproto.camel.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.netproto.camel.support.CheckpointStore;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's commits. A message whose exchange succeeded is first recorded in the checkpoint as delivered with its
 * commit pending (so it is never delivered again, even after a lost connection or a restart), then committed together
 * with the others, up to {@code batchSize} at a time and whenever a poll's batch ends: one UID STORE +FLAGS (\Seen, or
 * \Deleted followed by UID EXPUNGE of exactly those UIDs) or one UID MOVE for all of them, instead of one round trip
 * per message. A commit that fails or whose connection is lost stays pending in the checkpoint and is sent again at
 * the start of the next poll ({@link #recommit}). A failed exchange first commits the successes before it, then counts
 * its failure (after maxFailures it moves the message to errorFolder).
 */
final class ImapCommits {

    private static final Logger LOG = LoggerFactory.getLogger(ImapCommits.class);

    private final ImapConfiguration cfg;
    private final CheckpointStore checkpoints;
    private final String key;
    private final Supplier<ExceptionHandler> handler;
    private final int batchSize;
    private final List<Long> pending = new ArrayList<>();
    private ImapClient session;
    private ImapCheckpoint progress;

    ImapCommits(ImapConfiguration cfg, CheckpointStore checkpoints, String key, Supplier<ExceptionHandler> handler,
                int batchSize) {
        this.cfg = cfg;
        this.checkpoints = checkpoints;
        this.key = key;
        this.handler = handler;
        this.batchSize = batchSize;
    }

    /** The message's exchange succeeded: it is committed with the next batch. */
    synchronized void succeeded(ImapClient client, ImapCheckpoint checkpoint, long uid) {
        if (client != session || checkpoint != progress) {
            flush();
            session = client;
            progress = checkpoint;
        }
        checkpoint.delivered(uid);
        checkpoints.put(key, checkpoint.format());
        pending.add(uid);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /** The message's exchange failed: counts the failure, and moves the message to errorFolder after maxFailures. */
    synchronized void failed(ImapClient client, ImapCheckpoint checkpoint, long uid, Exchange exchange) {
        flush();
        int failures = checkpoint.failed(uid);
        if (cfg.getMaxFailures() > 0 && failures >= cfg.getMaxFailures()) {
            try {
                client.move(Long.toString(uid), cfg.getErrorFolder());
                checkpoint.done(uid);
                LOG.warn("IMAP message UID {} in {} failed {} times: moved to {}", uid, key, failures, cfg.getErrorFolder());
            } catch (RuntimeException e) {
                handler.get().handleException("Cannot move the poison IMAP message UID " + uid + " to "
                                              + cfg.getErrorFolder(),
                        exchange, e);
            }
        } else {
            LOG.debug("IMAP message UID {} in {} not committed: its exchange failed ({} times)", uid, key, failures);
        }
        checkpoints.put(key, checkpoint.format());
    }

    /** Commits the pending messages now; over a lost connection they are dropped, to be delivered again. */
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Long> uids = List.copyOf(pending);
        pending.clear();
        commit(session, progress, uids);
    }

    /** Sends the commits a lost connection or a restart left pending (recorded in the checkpoint) on a new session. */
    synchronized void recommit(ImapClient client, ImapCheckpoint checkpoint) {
        List<Long> uids = checkpoint.uncommitted();
        if (!uids.isEmpty()) {
            LOG.debug("IMAP messages UID {} in {} were delivered before, committing them now", ImapUids.of(uids), key);
            commit(client, checkpoint, uids);
        }
    }

    private void commit(ImapClient client, ImapCheckpoint checkpoint, List<Long> uids) {
        String set = ImapUids.of(uids);
        if (!client.isConnected()) {
            LOG.debug("IMAP messages UID {} in {} not committed yet: the connection was lost", set, key);
            return;
        }
        try {
            if (cfg.isDelete()) {
                client.store(set, ImapStoreMode.add, "\\Deleted");
                if (client.hasCapability("UIDPLUS")) {
                    client.uidExpunge(set);
                }
            } else if (cfg.getMoveTo() != null) {
                client.move(set, cfg.getMoveTo());
            } else {
                client.store(set, ImapStoreMode.add, "\\Seen");
            }
        } catch (RuntimeException e) {
            handler.get().handleException("Cannot commit IMAP messages UID " + set + " in " + key
                                          + " yet; the commit is repeated on the next poll (they are not delivered again)",
                    e);
            return;
        }
        checkpoint.committed(uids);
        checkpoints.put(key, checkpoint.format());
    }
}
