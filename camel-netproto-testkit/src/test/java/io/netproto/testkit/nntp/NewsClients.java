package io.netproto.testkit.nntp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLSocket;

import io.netproto.testkit.tls.TestTls;
import org.apache.commons.net.nntp.NNTPClient;

/** Clients for the news server's own tests: Commons Net where it has the command, raw lines where it does not. */
final class NewsClients {

    private static final int TIMEOUT_MILLIS = (int) Duration.ofSeconds(30).toMillis();

    private NewsClients() {
    }

    /** A Commons Net client, connected (over TLS if the server uses implicit TLS); the greeting has been read. */
    static NNTPClient nntp(EmbeddedNewsServer server, boolean tls) throws IOException {
        NNTPClient client = new NNTPClient();
        client.setConnectTimeout(TIMEOUT_MILLIS);
        client.setDefaultTimeout(TIMEOUT_MILLIS);
        if (tls) {
            client.setSocketFactory(TestTls.clientContext().getSocketFactory());
        }
        client.connect(server.host(), server.port());
        return client;
    }

    static NNTPClient nntp(EmbeddedNewsServer server) throws IOException {
        return nntp(server, false);
    }

    /** Header fields in the given order: name, value, name, value... */
    static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    /** Waits until the condition holds, failing after a generous bound; for state the server updates a moment later. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(String instant) {
            now = Instant.parse(instant);
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A line-oriented UTF-8 client connection; the constructor returns once the greeting has arrived. */
    static final class LineClient implements AutoCloseable {
        private final String host;
        private Socket socket;
        private BufferedReader in;
        private OutputStream out;
        private final String greeting;

        LineClient(EmbeddedNewsServer server, boolean tls) throws IOException {
            this(server, tls, true);
        }

        LineClient(EmbeddedNewsServer server) throws IOException {
            this(server, false);
        }

        /** Connects in plain text without reading the greeting (which a stalled server holds back). */
        static LineClient withoutGreeting(EmbeddedNewsServer server) throws IOException {
            return new LineClient(server, false, false);
        }

        private LineClient(EmbeddedNewsServer server, boolean tls, boolean readGreeting) throws IOException {
            host = server.host();
            socket = tls
                    ? TestTls.clientContext().getSocketFactory().createSocket(host, server.port())
                    : new Socket(host, server.port());
            socket.setSoTimeout(TIMEOUT_MILLIS);
            streams();
            greeting = readGreeting ? in.readLine() : null;
        }

        private void streams() throws IOException {
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        /** The greeting, or {@code null} if it was not read. */
        String greeting() {
            return greeting;
        }

        /** Sends one command line and returns the status line of the reply. */
        String command(String line) throws IOException {
            send(line + "\r\n");
            return in.readLine();
        }

        /** Sends text as is. */
        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Reads a data block up to the terminating dot, undoing dot-stuffing. */
        List<String> lines() throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line : rawLines()) {
                lines.add(line.startsWith(".") ? line.substring(1) : line);
            }
            return lines;
        }

        /** Reads a data block up to the terminating dot, as sent (dot-stuffed). */
        List<String> rawLines() throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); !".".equals(line); line = in.readLine()) {
                if (line == null) {
                    throw new IOException("Connection closed inside a data block");
                }
                lines.add(line);
            }
            return lines;
        }

        /** Sends a command whose reply is multi-line, checks the status code and returns the data lines. */
        List<String> multiLine(String command, int expectedCode) throws IOException {
            String status = command(command);
            if (status == null || !status.startsWith(expectedCode + " ")) {
                throw new AssertionError("Expected " + expectedCode + " to " + command + " but got " + status);
            }
            return lines();
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        /** Whether the server has closed the connection: end of stream or a reset, with nothing else to read. */
        boolean closedByServer() throws IOException {
            try {
                return in.readLine() == null;
            } catch (SocketException e) {
                return true;
            }
        }

        /** Octets received and not read yet. */
        int available() throws IOException {
            return socket.getInputStream().available();
        }

        /** Negotiates TLS on this connection, after the server's 382 reply to STARTTLS. */
        void upgradeToTls() throws IOException {
            SSLSocket tls = (SSLSocket) TestTls.clientContext().getSocketFactory()
                    .createSocket(socket, host, socket.getPort(), true);
            tls.setUseClientMode(true);
            tls.setSoTimeout(TIMEOUT_MILLIS);
            tls.startHandshake();
            socket = tls;
            streams();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
