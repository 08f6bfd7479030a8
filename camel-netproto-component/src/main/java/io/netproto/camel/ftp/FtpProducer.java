package io.netproto.camel.ftp;

import java.io.InputStream;
import java.time.Instant;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.camel.support.SessionPool;
import io.netproto.camel.support.SizeLimitExceededException;
import io.netproto.camel.support.SizeLimits;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;
import org.apache.camel.support.HeaderSelectorProducer;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The netftp producer: one method per operation, chosen by the header CamelNetFtpOperation or the
 * operation option (default: upload). Logged-in sessions are pooled and reused across exchanges;
 * each exchange has a session of its own, so concurrent exchanges are safe.
 */
public class FtpProducer extends HeaderSelectorProducer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FtpProducer.class);

    @FunctionalInterface
    private interface SessionWork<T> {
        T run(FtpSession session) throws Exception;
    }

    private final FtpEndpoint endpoint;
    private final FtpConfiguration cfg;
    private final FtpUploader uploader;
    private SessionPool<FtpSession> pool;

    public FtpProducer(FtpEndpoint endpoint) {
        super(endpoint, FtpConstants.OPERATION, () -> defaultOperation(endpoint.getConfiguration()).name());
        this.endpoint = endpoint;
        this.cfg = endpoint.getConfiguration();
        this.uploader = new FtpUploader(cfg);
    }

    private static FtpOperation defaultOperation(FtpConfiguration cfg) {
        if (cfg.getOperation() != null) {
            return cfg.getOperation();
        }
        return cfg.isBinary() ? FtpOperation.storbinary : FtpOperation.storlines;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        pool = new SessionPool<>(endpoint::openSession, Math.max(1, cfg.getMaxIdleSessions()), 5_000);
    }

    @Override
    protected void doStop() throws Exception {
        if (pool != null) {
            pool.close();
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Object op = exchange.getIn().getHeader(FtpConstants.OPERATION);
        if (op != null && !(op instanceof FtpOperation)) {
            try {
                FtpOperation.valueOf(op.toString());
            } catch (IllegalArgumentException e) {
                exchange.setException(new IllegalArgumentException("Unknown netftp operation '" + op
                        + "' in header " + FtpConstants.OPERATION + "; valid: " + java.util.Arrays.toString(FtpOperation.values())));
                callback.done(true);
                return true;
            }
        }
        return super.process(exchange, callback);
    }

    /** Idle sessions kept for reuse (for tests and monitoring). */
    int idleSessions() {
        return pool.idleCount();
    }

    private <T> T withSession(Exchange exchange, boolean retryable, SessionWork<T> work) throws Exception {
        FtpSession session = pool.borrow();
        boolean reused = session.isReused();
        try {
            T result = work.run(session);
            reply(exchange, session);
            session.markReused();
            pool.release(session);
            return result;
        } catch (ConnectionFailedException e) {
            pool.discard(session);
            if (retryable && reused) {
                // an idle connection the server had closed: once more on a new one
                return withSession(exchange, false, work);
            }
            throw e;
        } catch (Exception e) {
            releaseOrDiscard(session);
            throw e;
        }
    }

    private void releaseOrDiscard(FtpSession session) {
        if (session.isConnected()) {
            session.markReused();
            pool.release(session);
        } else {
            pool.discard(session);
        }
    }

    private static void reply(Exchange exchange, FtpSession session) {
        exchange.getMessage().setHeader(FtpConstants.REPLY_CODE, session.lastReplyCode());
        exchange.getMessage().setHeader(FtpConstants.REPLY_STRING, session.lastReplyText());
    }

    private String fileName(Exchange exchange, String operation) {
        String name = exchange.getIn().getHeader(FtpConstants.FILE_NAME, String.class);
        if (name == null) {
            name = cfg.getFileName();
        }
        if (name == null) {
            throw new IllegalArgumentException("Operation " + operation + " needs a file name: set the header "
                                               + FtpConstants.FILE_NAME + " or the option fileName");
        }
        return RemotePaths.requireRelative("file name (header " + FtpConstants.FILE_NAME + ")", name);
    }

    /** The directory argument: header CamelNetFtpPath, else the endpoint directory itself. */
    private String directoryArgument(Exchange exchange) {
        String path = exchange.getIn().getHeader(FtpConstants.PATH, String.class);
        return path == null ? "" : RemotePaths.requireRelative("path (header " + FtpConstants.PATH + ")", path);
    }

    private String requiredDirectory(Exchange exchange, String operation) {
        String path = exchange.getIn().getHeader(FtpConstants.PATH, String.class);
        if (path == null) {
            path = exchange.getIn().getHeader(FtpConstants.FILE_NAME, String.class);
        }
        if (path == null) {
            throw new IllegalArgumentException("Operation " + operation + " needs a directory: set the header " + FtpConstants.PATH);
        }
        return RemotePaths.requireRelative("path (header " + FtpConstants.PATH + ")", path);
    }

    private static void result(Exchange exchange, Object body, String remotePath) {
        Message out = exchange.getMessage();
        out.setBody(body);
        if (remotePath != null) {
            out.setHeader(FtpConstants.REMOTE_PATH, remotePath);
        }
    }

    @InvokeOnHeader("pwd")
    public void pwd(Exchange exchange) throws Exception {
        String dir = withSession(exchange, true, FtpSession::pwd);
        result(exchange, dir, dir);
    }

    @InvokeOnHeader("cwd")
    public void cwd(Exchange exchange) throws Exception {
        String path = directoryArgument(exchange);
        String dir = withSession(exchange, true, s -> {
            String now = s.cwd(s.resolve(path));
            s.cwd(s.baseDirectory());
            return now;
        });
        result(exchange, dir, dir);
    }

    @InvokeOnHeader("dir")
    public void dir(Exchange exchange) throws Exception {
        String path = directoryArgument(exchange);
        result(exchange, withSession(exchange, true, s -> s.list(s.resolve(path), path)), null);
    }

    @InvokeOnHeader("mlsd")
    public void mlsd(Exchange exchange) throws Exception {
        String path = directoryArgument(exchange);
        result(exchange, withSession(exchange, true, s -> s.mlsd(s.resolve(path), path)), null);
    }

    @InvokeOnHeader("nlst")
    public void nlst(Exchange exchange) throws Exception {
        String path = directoryArgument(exchange);
        result(exchange, withSession(exchange, true, s -> s.nlst(s.resolve(path))), null);
    }

    @InvokeOnHeader("retrlines")
    public void retrlines(Exchange exchange) throws Exception {
        download(exchange, "retrlines", true, 0);
    }

    @InvokeOnHeader("retrbinary")
    public void retrbinary(Exchange exchange) throws Exception {
        Long offset = exchange.getIn().getHeader(FtpConstants.RESTART_OFFSET, Long.class);
        if (offset != null && offset < 0) {
            throw new IllegalArgumentException("Header " + FtpConstants.RESTART_OFFSET + " must not be negative, was " + offset);
        }
        download(exchange, "retrbinary", false, offset == null ? 0 : offset);
    }

    private void download(Exchange exchange, String operation, boolean ascii, long offset) {
        String name = fileName(exchange, operation);
        FtpSession session = pool.borrow();
        String path = session.resolve(name);
        InputStream in;
        try {
            checkRemoteSize(session, path, offset);
            in = SizeLimits.limit(session.retrieve(path, offset, ascii), cfg.getMaxFileSize(), "The remote file " + path,
                    "maxFileSize", "download stopped");
        } catch (RuntimeException e) {
            releaseOrDiscard(session);
            throw e;
        }
        TransferStream stream = new TransferStream(in, session, "RETR " + path, usable -> {
            if (usable) {
                session.markReused();
                pool.release(session);
            } else {
                pool.discard(session);
            }
        });
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onFailure(Exchange failed) {
                // nobody will read the download of a failed exchange: free its connection
                try {
                    stream.close();
                } catch (java.io.IOException e) {
                    LOG.debug("Closing the download of a failed exchange: {}", e.getMessage());
                }
            }
        });
        FtpEntry entry = new FtpEntry(RemotePaths.name(name), name, path, FtpEntry.Type.FILE, -1, null, null);
        reply(exchange, session);
        result(exchange, new FtpRemoteFile(entry, stream), path);
        exchange.getMessage().setHeader(FtpConstants.FILE_NAME, name);
    }

    /** maxFileSize: SIZE before RETR; a server without SIZE is limited while the download streams. */
    private void checkRemoteSize(FtpSession session, String path, long offset) {
        if (cfg.getMaxFileSize() <= 0) {
            return;
        }
        long size;
        try {
            size = session.size(path);
        } catch (ProtocolReplyException e) {
            return; // no SIZE (or no such file: RETR reports it)
        }
        if (SizeLimits.exceeds(size - offset, cfg.getMaxFileSize())) {
            throw new SizeLimitExceededException("The remote file " + path, size - offset, "maxFileSize", cfg.getMaxFileSize(),
                    "not downloaded");
        }
    }

    @InvokeOnHeader("storbinary")
    public void storbinary(Exchange exchange) throws Exception {
        upload(exchange, "storbinary", false);
    }

    @InvokeOnHeader("storlines")
    public void storlines(Exchange exchange) throws Exception {
        upload(exchange, "storlines", true);
    }

    @InvokeOnHeader("append")
    public void append(Exchange exchange) throws Exception {
        String name = fileName(exchange, "append");
        InputStream body = body(exchange, name);
        try {
            String path = withSession(exchange, false, s -> uploader.append(s, name, body, !cfg.isBinary()));
            result(exchange, path, path);
        } catch (Exception e) {
            throw sizeLimitOr(e);
        }
    }

    private void upload(Exchange exchange, String operation, boolean ascii) throws Exception {
        String name = fileName(exchange, operation);
        FtpFileExist fileExist = exchange.getIn().getHeader(FtpConstants.FILE_EXIST, cfg.getFileExist(), FtpFileExist.class);
        InputStream body = body(exchange, name);
        try {
            FtpUploader.Outcome outcome = withSession(exchange, false, s -> uploader.upload(s, name, body, ascii, fileExist));
            if (outcome.skipped()) {
                exchange.getMessage().setHeader(FtpConstants.UPLOAD_SKIPPED, true);
                exchange.getMessage().setHeader(FtpConstants.REMOTE_PATH, outcome.remotePath());
            } else {
                result(exchange, outcome.remotePath(), outcome.remotePath());
            }
        } catch (Exception e) {
            removeTemporary(exchange, name, fileExist);
            throw sizeLimitOr(e);
        } finally {
            body.close();
        }
    }

    /** After a failed atomic upload: remove the partial temporary file, on a fresh session if need be. */
    private void removeTemporary(Exchange exchange, String name, FtpFileExist fileExist) {
        if (!cfg.isAtomicUpload() || fileExist == FtpFileExist.Append) {
            return;
        }
        String temp = uploader.temporaryName(name);
        try {
            withSession(exchange, false, s -> s.tryDelete(s.resolve(temp)));
        } catch (Exception cleanupFailure) {
            LOG.debug("Could not remove the partial upload {}: {}", temp, cleanupFailure.getMessage());
        }
    }

    /** The body to upload; over maxFileSize it fails before connecting when its size is known, else while it streams. */
    private InputStream body(Exchange exchange, String name) throws InvalidPayloadException {
        long limit = cfg.getMaxFileSize();
        if (limit > 0) {
            long size = UploadSize.of(exchange.getIn(), cfg.getCharset());
            if (SizeLimits.exceeds(size, limit)) {
                throw new SizeLimitExceededException("The upload " + name, size, "maxFileSize", limit, "not sent");
            }
        }
        return SizeLimits.limit(exchange.getIn().getMandatoryBody(InputStream.class), limit, "The upload " + name,
                "maxFileSize", "upload stopped (an atomic upload leaves the target unchanged)");
    }

    /** The size-limit failure buried in a failed transfer's causes, else the failure itself. */
    private static Exception sizeLimitOr(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeLimitExceededException limit) {
                return limit;
            }
        }
        return e;
    }

    @InvokeOnHeader("rename")
    public void rename(Exchange exchange) throws Exception {
        String from = fileName(exchange, "rename");
        String newName = exchange.getIn().getHeader(FtpConstants.NEW_NAME, String.class);
        if (newName == null) {
            throw new IllegalArgumentException("Operation rename needs the new name in the header " + FtpConstants.NEW_NAME);
        }
        String to = RemotePaths.requireRelative("new name (header " + FtpConstants.NEW_NAME + ")", newName);
        String path = withSession(exchange, true, s -> {
            s.rename(s.resolve(from), s.resolve(to));
            return s.resolve(to);
        });
        result(exchange, path, path);
    }

    @InvokeOnHeader("delete")
    public void delete(Exchange exchange) throws Exception {
        actOnPath(exchange, fileName(exchange, "delete"), FtpSession::delete);
    }

    @InvokeOnHeader("mkd")
    public void mkd(Exchange exchange) throws Exception {
        actOnPath(exchange, requiredDirectory(exchange, "mkd"), FtpSession::mkd);
    }

    @InvokeOnHeader("rmd")
    public void rmd(Exchange exchange) throws Exception {
        actOnPath(exchange, requiredDirectory(exchange, "rmd"), FtpSession::rmd);
    }

    /** Runs a command on one server path; the body becomes that path. */
    private void actOnPath(Exchange exchange, String relative, java.util.function.BiConsumer<FtpSession, String> command)
            throws Exception {
        String path = withSession(exchange, true, s -> {
            String resolved = s.resolve(relative);
            command.accept(s, resolved);
            return resolved;
        });
        result(exchange, path, path);
    }

    @InvokeOnHeader("size")
    public void size(Exchange exchange) throws Exception {
        String name = fileName(exchange, "size");
        long size = withSession(exchange, true, s -> s.size(s.resolve(name)));
        result(exchange, size, null);
        exchange.getMessage().setHeader(FtpConstants.FILE_LENGTH, size);
    }

    @InvokeOnHeader("mdtm")
    public void mdtm(Exchange exchange) throws Exception {
        String name = fileName(exchange, "mdtm");
        Instant time = withSession(exchange, true, s -> s.mdtm(s.resolve(name)));
        result(exchange, time, null);
        exchange.getMessage().setHeader(FtpConstants.FILE_LAST_MODIFIED, time.toEpochMilli());
    }
}
