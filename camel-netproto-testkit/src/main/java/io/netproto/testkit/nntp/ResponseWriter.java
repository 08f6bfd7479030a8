package io.netproto.testkit.nntp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes responses in UTF-8: a status line, optionally followed by a dot-stuffed multi-line data block ending with
 * {@code "."}. Each response leaves in one flush.
 */
final class ResponseWriter {

    private static final byte[] CRLF = { '\r', '\n' };

    private final OutputStream out;

    ResponseWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 16 * 1024);
    }

    void status(int code, String text) throws IOException {
        line(code + " " + text);
        out.flush();
    }

    /**
     * Writes a multi-line response.
     *
     * @param lines the data lines, without terminators; a line starting with {@code "."} gets another one
     */
    void multiLine(int code, String text, List<String> lines) throws IOException {
        line(code + " " + text);
        for (String data : lines) {
            if (data.startsWith(".")) {
                out.write('.');
            }
            line(data);
        }
        line(".");
        out.flush();
    }

    private void line(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write(CRLF);
    }
}
