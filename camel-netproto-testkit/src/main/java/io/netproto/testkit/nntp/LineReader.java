package io.netproto.testkit.nntp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads CRLF-terminated lines (a bare LF is accepted too) from a connection, decoding them as UTF-8 (invalid
 * sequences become U+FFFD). Buffers its own input, so replacing the reader (after STARTTLS) discards whatever the
 * client pipelined behind the command.
 */
final class LineReader {

    /** A line longer than the limit; the reader has already skipped the rest of it. */
    static final class LineTooLongException extends Exception {
        private static final long serialVersionUID = 1L;

        LineTooLongException() {
            super("line too long", null, false, false);
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int position;
    private int limit;

    LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next line without its terminator.
     *
     * @param  maxBytes             the longest line accepted in octets, terminator (CRLF or LF) excluded
     * @return                      the line, or {@code null} at the end of the stream (a final unterminated line is
     *                              dropped: the client went away mid-command)
     * @throws LineTooLongException when the line is longer than {@code maxBytes}
     */
    String readLine(int maxBytes) throws IOException, LineTooLongException {
        line.reset();
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return null;
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                if (tooLong || length > maxBytes) {
                    throw new LineTooLongException();
                }
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            if (line.size() > maxBytes) {
                tooLong = true;
            } else {
                line.write(b);
            }
        }
    }
}
