package io.netproto.camel.nntp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * The body stream of one producer ARTICLE or BODY on a borrowed session. At the end of the data, or when closed (which
 * skips what was not read), it reports to the owner whether the session can serve the next command;
 * {@link #abort()} gives the session up without reading on. Closing twice is harmless.
 */
final class NntpBodyStream extends FilterInputStream {

    private final NntpSession session;
    private final Consumer<Boolean> afterClose;
    private boolean closed;

    NntpBodyStream(InputStream in, NntpSession session, Consumer<Boolean> afterClose) {
        super(in);
        this.session = session;
        this.afterClose = afterClose;
    }

    @Override
    public int read() throws IOException {
        if (isClosed()) {
            return -1;
        }
        int b = super.read();
        atEnd(b < 0);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (isClosed()) {
            return -1;
        }
        int n = super.read(b, off, len);
        atEnd(n < 0);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return isClosed() ? 0 : super.skip(n);
    }

    @Override
    public int available() throws IOException {
        return isClosed() ? 0 : super.available();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** At the end of the data the reply is complete, so the connection is free again at once. */
    private void atEnd(boolean end) throws IOException {
        if (end) {
            close();
        }
    }

    /** Skips the rest of the body, then returns the session (or gives it up when reading failed). */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            super.close();
        } catch (IOException | RuntimeException e) {
            afterClose.accept(false);
            throw e;
        }
        afterClose.accept(session.isConnected());
    }

    /** Gives the session up without reading the rest (the exchange failed: nobody will read it). */
    synchronized void abort() {
        if (closed) {
            return;
        }
        closed = true;
        afterClose.accept(false);
    }
}
