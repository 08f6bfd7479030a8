package io.netproto.testkit.nntp;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, run on its own thread: greets, then reads commands and dispatches them until QUIT, end of
 * stream, idle timeout, a 400 failure or {@link #close()}. Applies the server's switches (stall, fail with 400) to
 * every command and enforces authentication before dispatch.
 */
final class NntpConnection implements Runnable {

    /** RFC 3977 section 3.1: a command line is at most 512 octets including CRLF, so 510 without. */
    static final int MAX_COMMAND_LINE = 510;

    private static final Logger LOG = LoggerFactory.getLogger(NntpConnection.class);
    private static final Set<String> ALLOWED_BEFORE_AUTH
            = Set.of("CAPABILITIES", "MODE", "HELP", "AUTHINFO", "STARTTLS", "QUIT");

    private final ServerSettings settings;
    private final ServerSwitches switches;
    private final Set<NntpConnection> open;
    private final Session session;
    private final SessionCommands sessionCommands;
    private final ReaderCommands readerCommands;
    private final ListCommands listCommands;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Socket socket;

    /**
     * @param open the server's open connections; this one leaves the set when it closes, and already before the
     *             final reply of QUIT or a 400, so a client that has read that reply no longer sees it counted
     */
    NntpConnection(Socket socket, NewsStore store, ServerSwitches switches, ServerSettings settings,
                   Set<NntpConnection> open) throws IOException {
        this.socket = socket;
        this.settings = settings;
        this.switches = switches;
        this.open = open;
        this.session = new Session(store, switches, settings, new LineReader(socket.getInputStream()),
                new ResponseWriter(socket.getOutputStream()), settings.implicitTls());
        this.sessionCommands = new SessionCommands(session);
        this.readerCommands = new ReaderCommands(session);
        this.listCommands = new ListCommands(session);
    }

    /** The client socket (the TLS one after STARTTLS). */
    Socket socket() {
        return socket;
    }

    @Override
    public void run() {
        try {
            switches.awaitNotStalled(closed::get);
            if (closed.get()) {
                return;
            }
            SessionCommands.greet(session);
            while (!closed.get() && serveNextCommand()) {
                // one command per iteration
            }
        } catch (IOException e) {
            LOG.debug("News client connection {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Closes the connection at once, without a reply; idempotent and callable from any thread. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            open.remove(this);
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("Cannot close news client socket", e);
            }
            switches.wakeUp();
        }
    }

    /** Reads, gates and executes one command; {@code false} when the connection is to end. */
    private boolean serveNextCommand() throws IOException, InterruptedException {
        String line;
        boolean tooLong = false;
        try {
            line = session.reader().readLine(MAX_COMMAND_LINE);
        } catch (LineReader.LineTooLongException e) {
            line = "";
            tooLong = true;
        } catch (SocketTimeoutException e) {
            open.remove(this);
            session.writer().status(400, "Idle timeout, closing connection");
            return false;
        }
        if (line == null) {
            return false;
        }
        switches.commandReceived(line);
        switches.awaitNotStalled(closed::get);
        if (closed.get()) {
            return false;
        }
        if (switches.consumeFailNextCommand()) {
            open.remove(this);
            session.writer().status(400, "Service temporarily unavailable");
            return false;
        }
        if (tooLong) {
            session.writer().status(501, "Command line too long");
            return true;
        }
        return execute(line);
    }

    private boolean execute(String line) throws IOException {
        String trimmed = line.strip();
        int space = indexOfWhitespace(trimmed);
        String verb = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : trimmed.substring(space).strip();
        try {
            if (line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
                throw new ReplyException(501, "Control character in command line");
            }
            if (settings.requireAuth() && !session.authenticated() && !ALLOWED_BEFORE_AUTH.contains(verb)) {
                throw new ReplyException(480, "Authentication required");
            }
            return dispatch(verb, args);
        } catch (ReplyException e) {
            session.writer().status(e.code(), e.text());
            return true;
        } catch (RuntimeException e) {
            LOG.error("News server failed on command {}", verb, e);
            session.writer().status(403, "Internal fault: " + e.getClass().getSimpleName());
            return true;
        }
    }

    private boolean dispatch(String verb, String args) throws IOException, ReplyException {
        switch (verb) {
            case "QUIT" -> {
                open.remove(this);
                session.writer().status(205, "Closing connection");
                return false;
            }
            case "STARTTLS" -> startTls(args);
            case "CAPABILITIES" -> sessionCommands.capabilities(args);
            case "MODE" -> sessionCommands.mode(args);
            case "HELP" -> sessionCommands.help(args);
            case "AUTHINFO" -> sessionCommands.authinfo(args);
            case "POST" -> sessionCommands.post(args);
            case "DATE" -> listCommands.date(args);
            case "LIST" -> listCommands.list(args);
            case "NEWGROUPS" -> listCommands.newGroups(args);
            case "NEWNEWS" -> listCommands.newNews(args);
            case "GROUP" -> readerCommands.group(args);
            case "LISTGROUP" -> readerCommands.listGroup(args);
            case "ARTICLE", "HEAD", "BODY", "STAT" ->
                readerCommands.retrieve(ReaderCommands.Retrieval.valueOf(verb), args);
            case "NEXT" -> readerCommands.next(args);
            case "LAST" -> readerCommands.last(args);
            case "OVER" -> {
                requireEnabled(!switches.overHdrDisabled());
                readerCommands.over(args);
            }
            case "XOVER" -> {
                requireEnabled(!switches.xoverXhdrDisabled());
                readerCommands.over(args);
            }
            case "HDR" -> {
                requireEnabled(!switches.overHdrDisabled());
                readerCommands.hdr(args, false);
            }
            case "XHDR" -> {
                requireEnabled(!switches.xoverXhdrDisabled());
                readerCommands.hdr(args, true);
            }
            default -> throw new ReplyException(500, "Unknown command");
        }
        return true;
    }

    /** RFC 4642: 382, then a server-side TLS handshake on the same socket; input buffered before it is discarded. */
    private void startTls(String args) throws IOException, ReplyException {
        Commands.tokens(args, 0, 0);
        if (session.tls()) {
            throw new ReplyException(502, "TLS is already active");
        }
        if (session.authenticated()) {
            throw new ReplyException(502, "STARTTLS is not allowed after authentication");
        }
        session.writer().status(382, "Continue with TLS negotiation");
        Socket plain = socket;
        SSLSocket tls = (SSLSocket) ServerTls.context().getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        tls.setUseClientMode(false);
        tls.setSoTimeout(settings.idleTimeoutMillis());
        socket = tls;
        if (closed.get()) {
            tls.close();
            return;
        }
        tls.startHandshake();
        session.upgradeToTls(new LineReader(tls.getInputStream()), new ResponseWriter(tls.getOutputStream()));
    }

    private static void requireEnabled(boolean enabled) throws ReplyException {
        if (!enabled) {
            throw new ReplyException(500, "Unknown command");
        }
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
