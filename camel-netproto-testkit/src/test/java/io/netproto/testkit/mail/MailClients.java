package io.netproto.testkit.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.netproto.testkit.tls.TestTls;
import jakarta.mail.Session;

/** Plain-socket and Jakarta Mail clients for the test kit's own tests. */
final class MailClients {

    private MailClients() {
    }

    /** A line-oriented client connection; the constructor returns once the server's greeting has arrived. */
    static final class LineClient implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        private final String greeting;

        LineClient(String host, int port, boolean tls) throws IOException {
            socket = tls
                    ? TestTls.clientContext().getSocketFactory().createSocket(host, port)
                    : new Socket(host, port);
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
            greeting = in.readLine();
        }

        String greeting() {
            return greeting;
        }

        String command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return in.readLine();
        }

        /** Reads the next line, {@code null} at end of stream. */
        String readLine() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A Jakarta Mail session for one protocol of the server, trusting the test certificate on the TLS variants. */
    static Session session(EmbeddedMailServer server, String protocol, int port) {
        Properties props = new Properties();
        props.setProperty("mail." + protocol + ".host", server.host());
        props.setProperty("mail." + protocol + ".port", Integer.toString(port));
        props.setProperty("mail." + protocol + ".connectiontimeout", "30000");
        props.setProperty("mail." + protocol + ".timeout", "30000");
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.host", server.host());
        if (protocol.endsWith("s")) {
            props.put("mail." + protocol + ".ssl.socketFactory", TestTls.clientContext().getSocketFactory());
            props.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return Session.getInstance(props);
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
}
