package io.netproto.camel.support;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Watches one connection: the commands the client writes and the bytes the server sends back, and fails a read as
 * soon as the reply to a command exceeds the {@link ReplyLimits}. Once the client starts TLS on the connection (a
 * TLS record where a command would start), the guard steps aside: the bytes are no longer the protocol's.
 */
public final class ReplyGuard {

    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    private static final int COMMAND_PREFIX = 64;
    private static final int LINE_TAIL = 24;
    /**
     * The most messages an IMAP server may announce in a mailbox ({@code * n EXISTS}): Angus Mail's message cache
     * allocates per announced message (about 8 bytes each), so 10 million cost some 80 MiB, and 2^31 would exhaust
     * memory at once.
     */
    static final long IMAP_MAX_EXISTS = 10_000_000;

    private final ReplyLimits limits;
    private volatile boolean passThrough;
    private volatile String failure;
    private boolean content;
    private long replyBytes;
    private int replyLines;
    private int lineBytes;
    private long literalRemaining;
    private final byte[] tail = new byte[LINE_TAIL];
    private int tailLength;
    private int tailHead;
    private byte[] command = new byte[COMMAND_PREFIX];
    private int commandLength;
    private byte[] lastCommand = new byte[COMMAND_PREFIX];
    private int lastCommandLength = -1;
    private boolean atCommandStart = true;

    ReplyGuard(ReplyLimits limits) {
        this.limits = limits;
    }

    /** The server's side of the connection, checked byte by byte. */
    public InputStream input(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && !passThrough) {
                    received(new byte[] { (byte) b }, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0 && !passThrough) {
                    received(buffer, offset, n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                return read() < 0 ? 0 : 1;
            }
        };
    }

    /** The client's side of the connection: each command line starts a new reply budget. */
    public OutputStream output(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                if (!passThrough) {
                    sent(b);
                }
                out.write(b);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                if (!passThrough) {
                    sent(buffer, offset, length);
                }
                out.write(buffer, offset, length);
            }
        };
    }

    private synchronized void sent(byte[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length && !passThrough; i++) {
            sentByte(buffer[i] & 0xff);
        }
    }

    private synchronized void sent(int b) {
        sentByte(b);
    }

    /**
     * Keeps the start of the line being written; a completed line becomes the last command, read only when the reply
     * arrives ({@link #startReplyToLastCommand()}): lines written in between (an article posted, a message sent) cost
     * no parsing, and the reply is judged by the last one, as if each had been parsed in turn.
     */
    private void sentByte(int b) {
        if (atCommandStart && b == TLS_HANDSHAKE_RECORD) {
            passThrough = true;
            return;
        }
        atCommandStart = false;
        if (b == '\n') {
            byte[] completed = command;
            command = lastCommand;
            lastCommand = completed;
            lastCommandLength = commandLength;
            commandLength = 0;
            atCommandStart = true;
        } else if (commandLength < COMMAND_PREFIX) {
            command[commandLength++] = (byte) b;
        }
    }

    /** A new reply budget for the last command line written, if one was written since the last reply started. */
    private void startReplyToLastCommand() {
        if (lastCommandLength < 0) {
            return;
        }
        String[] words = new String(lastCommand, 0, lastCommandLength, StandardCharsets.ISO_8859_1).strip().split(" ", 3);
        lastCommandLength = -1;
        String name = limits.imapLiterals() && words.length > 1 ? words[1] : words[0];
        content = limits.isContent(name);
        replyBytes = 0;
        replyLines = 0;
    }

    /**
     * Checks a chunk the server sent: a line at a time (the bytes up to the next LF), and an announced IMAP literal
     * skipped in one step, so that the cost per byte is a comparison, not a round of bookkeeping.
     */
    private synchronized void received(byte[] buffer, int offset, int length) throws ReplyLimitExceededException {
        if (failure != null) {
            throw new ReplyLimitExceededException(failure);
        }
        startReplyToLastCommand();
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (literalRemaining > 0) {
                int skip = (int) Math.min(literalRemaining, end - i);
                literalRemaining -= skip;
                i += skip;
                countReplyBytes(skip);
                continue;
            }
            int stop = i;
            while (stop < end && buffer[stop] != '\n') {
                stop++;
            }
            int lineChunk = stop - i;
            countReplyBytes(lineChunk);
            lineBytes += lineChunk;
            if (lineBytes > limits.maxLineBytes() && (!content || limits.limitContentLines())) {
                fail("sent a line longer than " + limits.maxLineBytes() + " bytes");
            }
            if (limits.imapLiterals()) {
                rememberTail(buffer, i, stop);
            }
            i = stop;
            if (i < end) {
                countReplyBytes(1);
                i++;
                endOfLine();
            }
        }
    }

    private void countReplyBytes(int n) throws ReplyLimitExceededException {
        replyBytes += n;
        if (!content && replyBytes > limits.maxReplyBytes()) {
            fail("sent more than " + limits.maxReplyBytes() + " bytes in reply to one command");
        }
    }

    /** Keeps the last {@value #LINE_TAIL} bytes of the current line (a ring), where an IMAP literal is announced. */
    private void rememberTail(byte[] buffer, int from, int to) {
        for (int j = Math.max(from, to - LINE_TAIL); j < to; j++) {
            tail[tailHead] = buffer[j];
            tailHead = (tailHead + 1) % LINE_TAIL;
            if (tailLength < LINE_TAIL) {
                tailLength++;
            }
        }
    }

    private void endOfLine() throws ReplyLimitExceededException {
        replyLines++;
        if (!content && replyLines > limits.maxReplyLines()) {
            fail("sent more than " + limits.maxReplyLines() + " lines in reply to one command");
        }
        if (limits.imapLiterals()) {
            byte[] lineTail = lineTail();
            long exists = announcedExists(lineTail);
            if (exists > IMAP_MAX_EXISTS) {
                fail("announced " + (exists == Long.MAX_VALUE ? "more than 2^63" : exists) + " messages in the mailbox (* n EXISTS),"
                     + " more than the limit of " + IMAP_MAX_EXISTS);
            }
            long announced = announcedLiteral(lineTail);
            if (announced > limits.maxReplyBytes() - replyBytes) {
                fail("announced a literal of " + (announced == Long.MAX_VALUE ? "more than 2^63" : announced)
                     + " bytes, more than the limit of " + limits.maxReplyBytes() + " bytes per reply");
            }
            literalRemaining = announced;
        }
        lineBytes = 0;
        tailLength = 0;
    }

    /** The last bytes of the line (at most {@value #LINE_TAIL}), in order. */
    private byte[] lineTail() {
        byte[] line = new byte[tailLength];
        for (int k = 0; k < tailLength; k++) {
            line[k] = tail[(tailHead - tailLength + k + LINE_TAIL) % LINE_TAIL];
        }
        return line;
    }

    /** The number n of an untagged {@code * n EXISTS} line short enough to sit in the tail, else 0. */
    private long announcedExists(byte[] tail) {
        int end = tail.length;
        if (end > 0 && tail[end - 1] == '\r') {
            end--;
        }
        if (lineBytes > LINE_TAIL || end < 10 || tail[0] != '*' || tail[1] != ' ') {
            return 0;
        }
        String line = new String(tail, 2, end - 2, StandardCharsets.US_ASCII);
        int space = line.indexOf(' ');
        if (space < 1 || !line.substring(space + 1).equalsIgnoreCase("EXISTS")) {
            return 0;
        }
        String digits = line.substring(0, space);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** The size n of a literal announced by {@code {n}} (or {@code {n+}}) at the end of the line, else 0. */
    private static long announcedLiteral(byte[] line) {
        int end = line.length;
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        if (end < 3 || line[end - 1] != '}') {
            return 0;
        }
        int digitsEnd = line[end - 2] == '+' ? end - 2 : end - 1;
        int start = digitsEnd;
        while (start > 0 && line[start - 1] >= '0' && line[start - 1] <= '9') {
            start--;
        }
        if (start == digitsEnd || start == 0 || line[start - 1] != '{') {
            return 0;
        }
        if (digitsEnd - start > 18) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(new String(line, start, digitsEnd - start, StandardCharsets.US_ASCII));
    }

    /** Whether a limit was exceeded on this connection (every later read fails too). */
    boolean failed() {
        return failure != null;
    }

    private void fail(String what) throws ReplyLimitExceededException {
        failure = "The " + limits.protocol() + " server " + what + " (reply limit of the endpoint; the connection is dropped)";
        throw new ReplyLimitExceededException(failure);
    }
}
