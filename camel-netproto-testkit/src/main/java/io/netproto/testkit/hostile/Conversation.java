package io.netproto.testkit.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongFunction;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The server's side of one connection of a {@link HostileServer}: reads the client's command lines and sends
 * whatever the script wants, including endless streams that never sit in memory. Every write fails with an
 * {@link IOException} once the client has gone, which ends the script.
 */
public final class Conversation {

    /** Longest command line kept; the rest of a longer line is read and dropped. */
    static final int MAX_COMMAND = 8 * 1024;
    private static final int CHUNK = 16 * 1024;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long bytesSent;
    private volatile String lastLine = "";

    Conversation(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** The next line from the client without its line end, or null when the client closed the connection. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() < MAX_COMMAND) {
                line.write(b);
            }
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        lastLine = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        return lastLine;
    }

    /** Reads and drops {@code count} bytes (an IMAP literal the client sends, for example). */
    public void skip(long count) throws IOException {
        for (long left = count; left > 0; left--) {
            if (in.read() < 0) {
                return;
            }
        }
    }

    /** Sends text as ISO-8859-1 bytes, exactly as given (line ends included by the caller). */
    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends raw bytes. */
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        bytesSent += bytes.length;
    }

    /** Sends the prefix, then {@code length} bytes of {@code 'a'} without any line end, in chunks. */
    public void sendLongLine(String prefix, long length) throws IOException {
        send(prefix);
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 'a');
        for (long left = length; left > 0; left -= CHUNK) {
            int n = (int) Math.min(CHUNK, left);
            out.write(chunk, 0, n);
            bytesSent += n;
        }
        out.flush();
    }

    /**
     * Sends line after line (line n from the function, line ends included) until the client goes away or
     * {@code maxBytes} were sent: the end of an endless reply is the client's failure, not the server's.
     */
    public void sendEndless(LongFunction<String> line, long maxBytes) throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(CHUNK + 512);
        long start = bytesSent;
        for (long n = 0; bytesSent - start < maxBytes; n++) {
            batch.writeBytes(line.apply(n).getBytes(StandardCharsets.ISO_8859_1));
            if (batch.size() >= CHUNK) {
                send(batch.toByteArray());
                batch.reset();
            }
        }
        send(batch.toByteArray());
    }

    /** Sends nothing until the client closes the connection (its read timeout), reading and dropping its input. */
    public void stall() throws IOException {
        while (in.read() >= 0) {
            // the client may still send commands; they are never answered
        }
    }

    /** The last line read from the client (empty before the first). */
    public String lastLine() {
        return lastLine;
    }

    /** Bytes sent on this connection so far. */
    public long bytesSent() {
        return bytesSent;
    }

    /**
     * Upgrades the connection to TLS as the server (after a STARTTLS exchange), presenting the context's certificate;
     * from now on every read and write is encrypted.
     */
    public void startTls(SSLContext context) throws IOException {
        SSLSocket secure = (SSLSocket) context.getSocketFactory().createSocket(socket, null, true);
        secure.setUseClientMode(false);
        secure.startHandshake();
        socket = secure;
        in = new BufferedInputStream(secure.getInputStream());
        out = secure.getOutputStream();
    }

    /** Closes the connection at once. */
    public void close() throws IOException {
        socket.close();
    }
}
