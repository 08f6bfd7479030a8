package io.netproto.testkit.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Runs a script on a conversation in memory: the client's input given, the output kept up to 64 KiB (then the client "leaves"). */
final class MemoryConversation extends Socket {

    private static final int LIMIT = 64 * 1024;

    private final ByteArrayInputStream in;
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private MemoryConversation(String input) {
        this.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String run(Script script, String input) {
        MemoryConversation socket = new MemoryConversation(input);
        try {
            script.run(new Conversation(socket));
        } catch (IOException e) {
            // the client left: the output limit was reached
        }
        return socket.sent.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (sent.size() + len > LIMIT) {
                    throw new IOException("the client left");
                }
                sent.write(b, off, len);
            }
        };
    }

    @Override
    public synchronized void close() {
        // nothing to release
    }
}
