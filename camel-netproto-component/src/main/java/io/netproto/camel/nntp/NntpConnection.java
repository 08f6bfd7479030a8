package io.netproto.camel.nntp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.netproto.camel.support.CommonsNetTrace;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.NetprotoException;
import io.netproto.camel.support.PlainTextPasswords;
import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.camel.support.ProtocolTrace;
import io.netproto.camel.support.ReplyGuard;
import io.netproto.camel.support.ReplyLimits;
import io.netproto.camel.support.TlsContexts;
import org.apache.camel.CamelContext;
import org.apache.commons.net.io.CRLFLineReader;
import org.apache.commons.net.nntp.NNTPClient;

/**
 * The command channel under an {@link NntpSession}, part of the nntp session layer and with it the only code that
 * talks to Commons Net's {@link NNTPClient}: connection set-up (implicit TLS, STARTTLS, MODE READER, AUTHINFO
 * USER/PASS), sending commands (logging in and repeating once on 480), reading data lines and closing. Every refusal
 * becomes a {@link ProtocolReplyException}, every I/O failure inside {@link #io} a {@link ConnectionFailedException}.
 * <p>
 * Commons Net reads and writes NNTP as ISO-8859-1, which maps every byte to one char; this class turns those chars
 * back into UTF-8 text on the way in and encodes UTF-8 text into such chars on the way out, so articles are UTF-8 on
 * the wire both ways.
 */
final class NntpConnection {

    static final String PROTOCOL = "NNTP";
    static final int STANDARD_PORT = 119;
    static final int STANDARD_TLS_PORT = 563;

    /** Commons Net's client with access to the data lines of commands it has no method for. */
    private static final class Wire extends NNTPClient {

        List<String> readData() throws IOException {
            List<String> lines = new ArrayList<>();
            while (true) {
                String line = _reader_.readLine();
                if (line == null) {
                    throw new IOException("Connection closed in the middle of a multi-line reply");
                }
                if (line.equals(".")) {
                    return lines;
                }
                lines.add(line.startsWith("..") ? line.substring(1) : line);
            }
        }

        /** One data line as sent (dot-stuffing removed), or null at the terminating dot. */
        String readDataLine() throws IOException {
            String line = _reader_.readLine();
            if (line == null) {
                throw new IOException("Connection closed in the middle of a multi-line reply");
            }
            if (line.equals(".")) {
                return null;
            }
            return line.startsWith("..") ? line.substring(1) : line;
        }

        void writeData(String text) throws IOException {
            _writer_.write(text);
        }

        void flushData() throws IOException {
            _writer_.flush();
        }

        /** After a 382 reply to STARTTLS: the TLS handshake on the open socket, then the streams over TLS. */
        void upgrade(SSLContext context, boolean verifyHostname) throws IOException {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(_socket_, _hostname_, getRemotePort(), true);
            if (verifyHostname) {
                TlsContexts.verifyHostname(tls);
            }
            tls.setUseClientMode(true);
            tls.startHandshake();
            _socket_ = tls;
            guardStreams();
        }

        /** Replies on the TLS socket bounded by {@link ReplyLimits#NNTP} (a plain socket is guarded by its factory). */
        void guardStreams() throws IOException {
            ReplyGuard guard = ReplyLimits.NNTP.newGuard();
            _input_ = guard.input(_socket_.getInputStream());
            _output_ = guard.output(_socket_.getOutputStream());
            _reader_ = new CRLFLineReader(new InputStreamReader(_input_, StandardCharsets.ISO_8859_1));
            _writer_ = new BufferedWriter(new OutputStreamWriter(_output_, StandardCharsets.ISO_8859_1));
        }
    }

    /** Work on the connection whose I/O failures {@link #io} turns into {@link ConnectionFailedException}. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    private final Wire client;
    private final String label;
    private final String user;
    private final String password;
    private boolean broken;

    private NntpConnection(Wire client, String label, String user, String password) {
        this.client = client;
        this.label = label;
        this.user = user;
        this.password = password;
    }

    /**
     * Connects (implicit TLS for nntps, STARTTLS on nntp with startTls=true), switches to reader mode and logs in
     * when a user is configured.
     */
    static NntpConnection open(CamelContext camelContext, NntpConfiguration cfg, boolean secure) {
        int port = cfg.effectivePort(secure ? STANDARD_TLS_PORT : STANDARD_PORT);
        String label = cfg.getHost() + ":" + port;
        Wire client = new Wire();
        client.setConnectTimeout(Math.toIntExact(cfg.getConnectTimeout()));
        client.setDefaultTimeout(Math.toIntExact(cfg.getReadTimeout()));
        if (secure) {
            client.setSocketFactory(new NntpTlsSocketFactory(TlsContexts.create(camelContext, cfg), cfg.isVerifyHostname()));
        } else {
            client.setSocketFactory(ReplyLimits.NNTP.socketFactory());
        }
        if (cfg.getDebugLevel() > 0) {
            client.addProtocolCommandListener(new CommonsNetTrace(new ProtocolTrace("nntp", cfg.getDebugLevel(), label)));
        }
        NntpConnection connection = new NntpConnection(client, label, cfg.getUsername(), cfg.getPassword());
        try {
            client.connect(cfg.getHost(), port);
            int greeting = client.getReplyCode();
            if (greeting != 200 && greeting != 201) {
                throw new ProtocolReplyException(PROTOCOL, "connect to " + label, greeting, client.getReplyString(),
                        isTransient(greeting));
            }
            client.setSoTimeout(Math.toIntExact(cfg.getReadTimeout()));
            if (secure) {
                client.guardStreams();
            }
            if (!secure && cfg.isStartTls()) {
                if (client.sendCommand("STARTTLS") != 382) {
                    throw connection.refused("STARTTLS");
                }
                client.upgrade(TlsContexts.create(camelContext, cfg), cfg.isVerifyHostname());
            }
            if (connection.user != null) {
                PlainTextPasswords.check(cfg, PROTOCOL, label, secure || cfg.isStartTls(), client.getRemoteAddress());
            }
            int mode = client.sendCommand("MODE READER");
            if (mode == 480 && connection.user != null) {
                connection.login();
                client.sendCommand("MODE READER");
            } else if (connection.user != null) {
                connection.login();
            }
            return connection;
        } catch (IOException e) {
            connection.close();
            throw new ConnectionFailedException("Cannot connect to NNTP server " + label + ": " + describe(e)
                                                + TlsContexts.trustHint(e), e);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
    }

    private void login() throws IOException {
        int code = client.sendCommand("AUTHINFO USER " + wire(user));
        if (code == 381) {
            code = client.sendCommand("AUTHINFO PASS " + wire(password == null ? "" : password));
        }
        if (code != 281) {
            throw refused("AUTHINFO USER " + user);
        }
    }

    // ---- encoding: Commons Net's ISO-8859-1 chars <-> UTF-8 text

    private static String wire(String text) {
        if (NntpHeaderEncoding.isAscii(text)) {
            return text; // the same chars either way: no copies
        }
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String text(String wire) {
        return new String(wire.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static List<String> decoded(List<String> wireLines) {
        List<String> lines = new ArrayList<>(wireLines.size());
        for (String line : wireLines) {
            lines.add(text(line));
        }
        return lines;
    }

    // ---- commands and replies

    /** Runs work on the connection; an I/O failure marks it broken and becomes a {@link ConnectionFailedException}. */
    <T> T io(String command, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            broken = true;
            throw new ConnectionFailedException("NNTP " + command + " failed on " + label + ": " + describe(e), e);
        } catch (NetprotoException e) {
            throw e;
        } catch (RuntimeException e) {
            broken = true; // a reply that cannot be parsed: the session is out of step
            throw new NetprotoException("The NNTP server " + label + " sent a reply to " + command + " that cannot be parsed ("
                                        + describe(e) + "): " + client.getReplyString().strip(), e);
        }
    }

    /** The last reply as a refusal of the command; a 400 reply marks the connection broken. */
    ProtocolReplyException refused(String command) {
        int code = client.getReplyCode();
        if (code == 400) {
            broken = true; // the server closes the connection after 400
        }
        return new ProtocolReplyException(PROTOCOL, command, code, client.getReplyString(), isTransient(code));
    }

    /**
     * NNTP's 4xx replies are mostly final answers (411 no such group, 423 no such article, 440 posting not allowed,
     * 441 posting failed, 480/481 authentication): only 400 (service not available now), 403 (internal fault) and
     * 436 (transfer not possible, try again later) say that the same command may succeed later.
     */
    static boolean isTransient(int code) {
        return code == 400 || code == 403 || code == 436;
    }

    /** Sends a command (arguments already checked), logging in and repeating once on 480. */
    int send(String command) throws IOException {
        int code = client.sendCommand(wire(command));
        if (code == 480 && user != null) {
            login();
            code = client.sendCommand(wire(command));
        }
        if (code == 400) {
            broken = true;
        }
        return code;
    }

    /** Sends a command and requires one of the expected codes. */
    int expect(String command, int... expected) throws IOException {
        int code = send(command);
        for (int e : expected) {
            if (code == e) {
                return code;
            }
        }
        throw refused(command);
    }

    int replyCode() {
        return client.getReplyCode();
    }

    String replyText() {
        String reply = client.getReplyString();
        return reply == null ? "" : reply.strip();
    }

    /** The reply line split into words, after the code. */
    String[] words() {
        return replyText().split("\\s+");
    }

    /** The data lines of a multi-line reply as read (dot-stuffing removed), not decoded. */
    List<String> readData() throws IOException {
        return client.readData();
    }

    /** The data lines of a multi-line reply as UTF-8 text. */
    List<String> readText() throws IOException {
        return decoded(client.readData());
    }

    /** One data line of a multi-line reply as UTF-8 text, or null at the terminating dot. */
    String readTextLine() throws IOException {
        String line = client.readDataLine();
        return line == null ? null : text(line);
    }

    /** The rest of a multi-line reply as bytes (lines ending in CRLF); closing reads what is left. */
    InputStream dataStream(boolean ended) {
        return new DataStream(ended);
    }

    /** Writes text (UTF-8 encoded, dot-stuffed and terminated by the caller) and reads the reply code. */
    int sendData(String text) throws IOException {
        client.writeData(wire(text));
        client.flushData();
        return client.getReply();
    }

    /** The rest of a multi-line reply as bytes; a failure to read marks the connection broken. */
    private final class DataStream extends InputStream {
        private byte[] buffer = new byte[0];
        private int position;
        private boolean ended;

        DataStream(boolean ended) {
            this.ended = ended;
        }

        private boolean fill() throws IOException {
            while (position >= buffer.length) {
                if (ended) {
                    return false;
                }
                String line;
                try {
                    line = client.readDataLine();
                } catch (IOException e) {
                    broken = true;
                    ended = true;
                    throw e;
                }
                if (line == null) {
                    ended = true;
                    return false;
                }
                buffer = (line + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                position = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? buffer[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            while (fill()) {
                position = buffer.length;
            }
        }
    }

    // ---- lifecycle

    /** Whether the socket is open and no failure has made the connection unusable. */
    boolean isConnected() {
        return !broken && client.isConnected();
    }

    /** DATE as a cheap round trip; any other reply marks the connection broken. */
    void check() {
        io("DATE", () -> {
            int code = client.sendCommand("DATE");
            if (code != 111) {
                broken = true;
                throw refused("DATE");
            }
            return null;
        });
    }

    /** QUIT unless broken, then disconnect; never throws. */
    void close() {
        try {
            if (client.isConnected() && !broken) {
                client.sendCommand("QUIT");
            }
        } catch (IOException e) {
            // closing anyway
        }
        try {
            client.disconnect();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    String label() {
        return label;
    }
}
