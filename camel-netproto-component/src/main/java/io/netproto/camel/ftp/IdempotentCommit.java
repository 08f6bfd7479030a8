package io.netproto.camel.ftp;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Keeps consumed files on the server and remembers them in an idempotent repository. The key is the
 * relative path, size and modification time, so a changed re-upload is delivered again.
 */
final class IdempotentCommit implements FtpCommitStrategy {

    private final IdempotentRepository repository;

    IdempotentCommit(IdempotentRepository repository) {
        this.repository = repository;
    }

    static String key(FtpEntry entry) {
        return entry.relativePath() + "|" + entry.size() + "|" + entry.modifiedMillis();
    }

    @Override
    public boolean alreadyConsumed(FtpEntry entry) {
        return repository.contains(key(entry));
    }

    @Override
    public void commit(FtpSession session, FtpEntry entry) {
        String key = key(entry);
        repository.add(key);
        repository.confirm(key);
    }
}
