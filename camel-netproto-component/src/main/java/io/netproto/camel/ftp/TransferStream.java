package io.netproto.camel.ftp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content stream of one RETR. Closing it reads the transfer's final reply, then reports to the
 * owner whether the session is still usable. Closing twice is harmless.
 */
final class TransferStream extends FilterInputStream {

    private static final Logger LOG = LoggerFactory.getLogger(TransferStream.class);

    private final FtpSession session;
    private final String command;
    private final Consumer<Boolean> afterClose;
    private boolean eof;
    private boolean closed;

    TransferStream(InputStream in, FtpSession session, String command, Consumer<Boolean> afterClose) {
        super(in);
        this.session = session;
        this.command = command;
        this.afterClose = afterClose;
    }

    @Override
    public int read() throws IOException {
        if (closed) {
            return -1;
        }
        int b = super.read();
        atEnd(b < 0);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            return -1;
        }
        int n = super.read(b, off, len);
        atEnd(n < 0);
        return n;
    }

    /** At the end of the data the transfer completes at once, so the connection is free again. */
    private void atEnd(boolean end) throws IOException {
        if (end) {
            eof = true;
            close();
        }
    }

    /** Whether the whole file was read. */
    boolean isComplete() {
        return eof;
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
