package io.netproto.camel.ftp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content stream of one RETR. Closing it reads the transfer's final reply, then reports to the
 * owner whether the session is still usable. Closing twice is harmless. When the size is known, a stream
 * that ends early fails: a data connection cut after the server sent its last bytes still ends with a
 * positive reply, so the reply alone cannot tell a truncated transfer from a complete one.
 */
final class TransferStream extends FilterInputStream {

    private static final Logger LOG = LoggerFactory.getLogger(TransferStream.class);

    private final FtpSession session;
    private final String command;
    private final Consumer<Boolean> afterClose;
    private final long expectedSize;
    private long count;
    private boolean eof;
    private boolean closed;

    TransferStream(InputStream in, FtpSession session, String command, Consumer<Boolean> afterClose) {
        this(in, session, command, -1, afterClose);
    }

    /** A stream that must deliver {@code expectedSize} bytes (-1: unknown, not checked). */
    TransferStream(InputStream in, FtpSession session, String command, long expectedSize, Consumer<Boolean> afterClose) {
        super(in);
        this.session = session;
        this.command = command;
        this.expectedSize = expectedSize;
        this.afterClose = afterClose;
    }

    @Override
    public int read() throws IOException {
        if (closed) {
            return endOfClosed();
        }
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        atEnd(b < 0);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            return endOfClosed();
        }
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
        }
        atEnd(n < 0);
        return n;
    }

    /** At the end of the data the transfer completes at once, so the connection is free again. */
    private void atEnd(boolean end) throws IOException {
        if (end) {
            eof = true;
            close();
            if (count < expectedSize) {
                throw truncated();
            }
        }
    }

    /** After close: the end of the stream, or the truncation again, so that a retry cannot take it for complete. */
    private int endOfClosed() throws IOException {
        if (eof && count < expectedSize) {
            throw truncated();
        }
        return -1;
    }

    private IOException truncated() {
        return new IOException(command + " ended after " + count + " of " + expectedSize
                               + " bytes: the transfer was cut short");
    }

    /** Whether the whole file was read. */
    boolean isComplete() {
        return eof && count >= expectedSize;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean usable;
        try {
            super.close();
            session.completeTransfer(command);
            usable = true;
        } catch (RuntimeException | IOException e) {
            if (eof) {
                afterClose.accept(false);
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            // closed before the end: the server reports the aborted transfer, which is expected
            LOG.debug("Transfer {} closed before its end: {}", command, e.getMessage());
            usable = session.isConnected();
        }
        afterClose.accept(usable);
    }
}
