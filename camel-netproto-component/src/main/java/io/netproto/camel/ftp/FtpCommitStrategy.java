package io.netproto.camel.ftp;

/**
 * What the consumer does with a remote file once its exchange succeeded. Called only after success,
 * never before: a failed exchange leaves the file for the next poll (or moveFailed).
 */
interface FtpCommitStrategy {

    /** Whether the file was consumed before and must be skipped. */
    default boolean alreadyConsumed(FtpEntry entry) {
        return false;
    }

    /** Commits a successfully processed file. */
    void commit(FtpSession session, FtpEntry entry);

    /** The strategy the options ask for: delete, move, or keep and remember (the default). */
    static FtpCommitStrategy of(FtpConfiguration cfg, org.apache.camel.spi.IdempotentRepository repository) {
        if (cfg.isDelete()) {
            return (session, entry) -> session.delete(entry.remotePath());
        }
        if (cfg.getMove() != null) {
            FtpMover mover = new FtpMover(cfg.getMove());
            return mover::move;
        }
        return new IdempotentCommit(repository);
    }
}
