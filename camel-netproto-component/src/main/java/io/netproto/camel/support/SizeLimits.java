package io.netproto.camel.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Size-limit options: checking them, comparing sizes with them, and enforcing them on streams. */
public final class SizeLimits {

    private SizeLimits() {
    }

    /** Checks a size-limit option: 0 (no limit) or more. */
    public static void validate(String option, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Option " + option + " must be 0 (no limit) or a number of bytes, was " + value);
        }
    }

    /** Whether a known size (-1: unknown) is over a limit (0: none). */
    public static boolean exceeds(long size, long limit) {
        return limit > 0 && size > limit;
    }

    /**
     * A stream that fails as soon as more than {@code limit} bytes have been read from {@code in}: an
     * {@link IOException} caused by a {@link SizeLimitExceededException}. With limit 0 the stream itself is returned.
     */
    public static InputStream limit(InputStream in, long limit, String what, String limitName, String outcome) {
        return limit <= 0 ? in : new Limited(in, limit, what, limitName, outcome);
    }

    /** The number of bytes {@code writer} writes, without keeping them. */
    public static long count(IoWriter writer) throws Exception {
        Counter counter = new Counter();
        writer.writeTo(counter);
        return counter.count;
    }

    /** Writes content to a stream, as {@code MimeMessage.writeTo} does. */
    @FunctionalInterface
    public interface IoWriter {
        void writeTo(OutputStream out) throws Exception;
    }

    private static final class Counter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private final String what;
        private final String limitName;
        private final String outcome;
        private long read;

        Limited(InputStream in, long limit, String what, String limitName, String outcome) {
            super(in);
            this.limit = limit;
            this.what = what;
            this.limitName = limitName;
            this.outcome = outcome;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(long n) throws IOException {
            read += n;
            if (read > limit) {
                SizeLimitExceededException e = new SizeLimitExceededException(what, -1, limitName, limit, outcome);
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
