package io.netproto.camel.ftp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.IdempotentRepository;

/**
 * With delete or move: the files whose exchange succeeded but whose commit (DELE, or the rename of move) has not
 * happened yet. Each is written to the consumer's idempotent repository before the commit and removed from it after,
 * so with a persistent repository (a user's idempotentRepository) a file delivered just before a failed commit or a
 * restart is not delivered again: the next poll that lists it commits it instead. The key is the one
 * {@link IdempotentCommit} uses (relative path, size, modification time).
 */
final class PendingCommits {

    private final IdempotentRepository repository;
    /** Keys this consumer left pending, so a key whose file has gone is dropped from the repository. */
    private final Set<String> leftPending = new HashSet<>();

    PendingCommits(IdempotentRepository repository) {
        this.repository = repository;
    }

    /** Records the file as delivered, commits it, then forgets it; a failed commit leaves it pending. */
    void commit(FtpSession session, FtpEntry entry, FtpCommitStrategy commit) {
        String key = IdempotentCommit.key(entry);
        repository.add(key);
        repository.confirm(key);
        leftPending.add(key);
        commit.commit(session, entry);
        repository.remove(key);
        leftPending.remove(key);
    }

    /**
     * Commits the listed files that are pending (after a failed commit or a restart) and answers the listed files
     * that are not, the ones a poll may deliver. A commit failing again is reported and retried on the next poll.
     */
    List<FtpEntry> retry(FtpSession session, List<FtpEntry> listed, FtpCommitStrategy commit, ExceptionHandler errors) {
        List<FtpEntry> deliverable = new ArrayList<>(listed.size());
        Set<String> present = new HashSet<>();
        for (FtpEntry entry : listed) {
            String key = IdempotentCommit.key(entry);
            present.add(key);
            if (!repository.contains(key)) {
                deliverable.add(entry);
            } else if (session.isConnected()) {
                try {
                    commit.commit(session, entry);
                    repository.remove(key);
                    leftPending.remove(key);
                } catch (RuntimeException e) {
                    leftPending.add(key);
                    errors.handleException("Could not commit " + entry.remotePath() + ", delivered before; its commit stays"
                                           + " pending and is retried on the next poll", e);
                }
            }
        }
        for (String key : new ArrayList<>(leftPending)) {
            if (!present.contains(key)) { // gone from the server (or changed): nothing left to commit
                repository.remove(key);
                leftPending.remove(key);
            }
        }
        return deliverable;
    }
}
