package io.netproto.camel.ftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import io.netproto.camel.support.ReplyLimitExceededException;
import io.netproto.camel.support.ReplyLimits;

/**
 * Reads a listing (LIST, MLSD, NLST) from its data connection as lines, within bounds: a line of at most
 * {@link ReplyLimits#FTP}'s line length, at most {@code maxEntries} lines and {@code maxBytes} bytes. Past a bound the
 * read stops with a {@link ReplyLimitExceededException} naming the option, so a server sending an endless listing or
 * an endless line cannot exhaust memory. Empty lines are dropped; a CR before the LF is removed.
 */
final class ListingReader {

    private static final int MAX_LINE_BYTES = ReplyLimits.FTP.maxLineBytes();

    private ListingReader() {
    }

    static List<String> read(InputStream in, Charset charset, int maxEntries, long maxBytes, String command)
            throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        byte[] buffer = new byte[16 * 1024];
        long bytes = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            bytes += n;
            if (bytes > maxBytes) {
                throw exceeded(command, "more than " + maxBytes + " bytes", "maxListingSize=" + maxBytes);
            }
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    append(line, buffer, start, i - start, command);
                    start = i + 1;
                    add(lines, line, charset, maxEntries, command);
                }
            }
            append(line, buffer, start, n - start, command);
        }
        add(lines, line, charset, maxEntries, command);
        return lines;
    }

    private static void append(ByteArrayOutputStream line, byte[] buffer, int offset, int length, String command)
            throws ReplyLimitExceededException {
        if (line.size() + length > MAX_LINE_BYTES + 1) { // + 1: the CR before the LF
            throw exceeded(command, "a line longer than " + MAX_LINE_BYTES + " bytes", "the FTP line length limit");
        }
        line.write(buffer, offset, length);
    }

    /** Adds the collected line (without its CR; an empty one is skipped), failing past maxEntries lines. */
    private static void add(List<String> lines, ByteArrayOutputStream line, Charset charset, int maxEntries, String command)
            throws ReplyLimitExceededException {
        int length = line.size();
        byte[] raw = line.toByteArray();
        line.reset();
        if (length > 0 && raw[length - 1] == '\r') {
            length--;
        }
        if (length == 0) {
            return;
        }
        lines.add(new String(raw, 0, length, charset));
        if (lines.size() > maxEntries) {
            throw exceeded(command, "more than " + maxEntries + " entries", "maxListingEntries=" + maxEntries);
        }
    }

    private static ReplyLimitExceededException exceeded(String command, String what, String limit) {
        return new ReplyLimitExceededException("The FTP server sent " + what + " in the listing of " + command + " (limit: "
                                               + limit + "); the listing was abandoned and the connection closed");
    }
}
