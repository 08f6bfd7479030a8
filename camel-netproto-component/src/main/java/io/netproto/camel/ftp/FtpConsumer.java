package io.netproto.camel.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.SizeLimits;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Polls the endpoint directory and delivers one exchange per file, one at a time, on one logged-in
 * connection kept across polls (checked with NOOP, re-established with back-off when lost). A file is
 * deleted, moved or remembered only after its exchange succeeded.
 */
public class FtpConsumer extends ScheduledBatchPollingConsumer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FtpConsumer.class);

    private final FtpEndpoint endpoint;
    private final FtpConfiguration cfg;
    private final FtpScanner scanner;
    private final FtpMover failedMover;
    private IdempotentRepository repository;
    private FtpCommitStrategy commit;
    private FtpSession session;
    private PendingCommits pendingCommits;
    private long nextConnectAttempt;
    private long reconnectDelay;

    public FtpConsumer(FtpEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.cfg = endpoint.getConfiguration();
        this.scanner = new FtpScanner(cfg);
        this.failedMover = cfg.getMoveFailed() == null ? null : new FtpMover(cfg.getMoveFailed());
        this.reconnectDelay = cfg.getReconnectDelay();
        setMaxMessagesPerPoll(cfg.getMaxMessagesPerPoll());
    }

    @Override
    protected void doStart() throws Exception {
        repository = cfg.getIdempotentRepository() != null
                ? cfg.getIdempotentRepository() : MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
        ServiceHelper.startService(repository);
        commit = FtpCommitStrategy.of(cfg, repository);
        pendingCommits = cfg.isDelete() || cfg.getMove() != null ? new PendingCommits(repository) : null;
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        disconnect();
        if (cfg.getIdempotentRepository() == null) {
            ServiceHelper.stopService(repository);
        }
    }

    /** Whether the consumer currently holds a logged-in connection (for tests and health checks). */
    boolean isConnected() {
        return session != null && session.isConnected();
    }

    @Override
    protected int poll() throws Exception {
        FtpSession s = connectedSession();
        if (s == null) {
            return 0;
        }
        List<FtpEntry> files;
        try {
            files = scanner.scan(s);
        } catch (RuntimeException e) {
            if (e instanceof ConnectionFailedException || !s.isConnected()) {
                disconnect(); // lost, or out of step after a reply that could not be parsed
            }
            throw e;
        }
        if (pendingCommits != null) {
            files = pendingCommits.retry(s, files, commit, getExceptionHandler());
            if (!s.isConnected()) {
                disconnect();
                return 0;
            }
        }
        Queue<Object> batch = new ArrayDeque<>();
        for (FtpEntry entry : files) {
            if (maxMessagesPerPoll > 0 && batch.size() >= maxMessagesPerPoll) {
                break;
            }
            if (!commit.alreadyConsumed(entry)) {
                batch.add(entry);
            }
        }
        return processBatch(batch);
    }

    /** The kept session, checked with NOOP; a new one when it was lost, unless backing off. */
    private FtpSession connectedSession() {
        if (session != null) {
            try {
                session.check();
                return session;
            } catch (RuntimeException e) {
                LOG.info("FTP connection lost ({}); reconnecting", e.getMessage());
                disconnect();
            }
        }
        long now = System.currentTimeMillis();
        if (now < nextConnectAttempt) {
            return null;
        }
        try {
            session = endpoint.openSession();
            reconnectDelay = cfg.getReconnectDelay();
            return session;
        } catch (RuntimeException e) {
            nextConnectAttempt = now + reconnectDelay;
            reconnectDelay = Math.min(reconnectDelay * 2, cfg.getMaxReconnectDelay());
            throw e;
        }
    }

    private void disconnect() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public int processBatch(Queue<Object> files) throws Exception {
        int total = files.size();
        int delivered = 0;
        for (int index = 0; index < total && isBatchAllowed() && session != null; index++) {
            FtpEntry entry = (FtpEntry) files.poll();
            pendingExchanges = total - index - 1;
            deliver(entry, index, total);
            delivered++;
        }
        pendingExchanges = 0;
        return delivered;
    }

    private void deliver(FtpEntry entry, int index, int total) throws Exception {
        FtpSession s = session;
        Exchange exchange = createExchange(false);
        TransferStream stream;
        try {
            InputStream in = SizeLimits.limit(s.retrieve(entry.remotePath(), 0, !cfg.isBinary()), cfg.getMaxFileSize(),
                    "The remote file " + entry.remotePath(), "maxFileSize", "download stopped, the file stays on the server");
            long expectedSize = cfg.isBinary() ? entry.size() : -1;
            stream = new TransferStream(in, s, "RETR " + entry.remotePath(), expectedSize, usable -> {
                if (!usable) {
                    s.markBroken();
                }
            });
        } catch (ConnectionFailedException e) {
            releaseExchange(exchange, false);
            disconnect();
            throw e;
        }
        Message message = exchange.getIn();
        headers(message, entry);
        exchange.setProperty(Exchange.BATCH_INDEX, index);
        exchange.setProperty(Exchange.BATCH_SIZE, total);
        exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
        try {
            if (cfg.isStreamDownload()) {
                message.setBody(new FtpRemoteFile(entry, stream));
            } else {
                message.setBody(stream.readAllBytes());
                stream.close();
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        finish(exchange, entry, stream);
    }

    /** After the route: completes the transfer, then commits on success or leaves / moves the file on failure. */
    private void finish(Exchange exchange, FtpEntry entry, TransferStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            if (!exchange.isFailed()) {
                exchange.setException(e);
            }
        }
        FtpSession s = session;
        try {
            if (!exchange.isFailed()) {
                if (pendingCommits != null) {
                    pendingCommits.commit(s, entry, commit);
                } else {
                    commit.commit(s, entry);
                }
            } else if (failedMover != null && s.isConnected()) {
                failedMover.move(s, entry);
            }
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Could not commit " + entry.remotePath()
                                                  + " after its exchange; retrying on the next poll", exchange, e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing " + entry.remotePath(), exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        if (!s.isConnected()) {
            disconnect();
        }
    }

    private static void headers(Message message, FtpEntry entry) {
        message.setHeader(FtpConstants.FILE_NAME, entry.relativePath());
        message.setHeader(FtpConstants.FILE_NAME_ONLY, entry.name());
        message.setHeader(FtpConstants.FILE_RELATIVE_PATH, entry.relativePath());
        message.setHeader(FtpConstants.REMOTE_PATH, entry.remotePath());
        if (entry.size() >= 0) {
            message.setHeader(FtpConstants.FILE_LENGTH, entry.size());
        }
        if (entry.modified() != null) {
            message.setHeader(FtpConstants.FILE_LAST_MODIFIED, entry.modifiedMillis());
        }
    }
}
