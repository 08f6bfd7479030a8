package io.netproto.testkit.mail;

import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.netproto.testkit.tls.TestTls;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A GreenMail mail server on {@code 127.0.0.1} speaking SMTP, SMTPS, POP3, POP3S, IMAP and IMAPS, each on a free
 * port, for tests, examples and benchmarks.
 * <p>
 * The TLS variants speak TLS from the first byte and present the certificate of {@link TestTls#serverKeyStore()}; no
 * server offers STARTTLS. Accepted sockets have {@code TCP_NODELAY} set (GreenMail leaves Nagle's algorithm on, and
 * each multi-line reply then stalls about 40 ms). Idle client connections are closed by the server after 300
 * seconds. POP3 and IMAP logins need a {@link #user user}; SMTP accepts mail without {@code AUTH} and creates a
 * mailbox for every unknown recipient (login and password = the address).
 *
 * <pre>
 * try (EmbeddedMailServer mail = EmbeddedMailServer.start().user("bob@example.org", "bob", "secret")) {
 *     // send to mail.host():mail.smtpPort(), then
 *     MimeMessage[] received = mail.greenMail().getReceivedMessages();
 * }
 * </pre>
 *
 * {@link GreenMail#getImap()} and {@link GreenMail#getImaps()} of {@link #greenMail()} are not available (GreenMail's
 * IMAP server class is final, the test kit runs its own around GreenMail's IMAP handler).
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final long STARTUP_TIMEOUT_MILLIS = 10_000;

    private final ClientConnections connections = new ClientConnections();
    private final SmtpCommands smtpCommands = new SmtpCommands();
    private final TunedGreenMail greenMail;

    private EmbeddedMailServer() {
        ServerSetup[] setups = Arrays.stream(ServerSetup.PROTOCOLS).map(protocol -> {
            ServerSetup setup = new ServerSetup(0, HOST, protocol);
            setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
            return setup;
        }).toArray(ServerSetup[]::new);
        greenMail = new TunedGreenMail(setups, connections, smtpCommands);
    }

    /**
     * Starts SMTP, SMTPS, POP3, POP3S, IMAP and IMAPS on free loopback ports.
     *
     * @return                       the running server
     * @throws IllegalStateException if a server cannot start
     */
    public static EmbeddedMailServer start() {
        EmbeddedMailServer server = new EmbeddedMailServer();
        try {
            server.greenMail.start();
        } catch (RuntimeException e) {
            server.greenMail.stop();
            throw new IllegalStateException("Cannot start the embedded mail server on " + HOST, e);
        }
        return server;
    }

    /**
     * Adds a user (mailbox), or changes the password of an existing login.
     *
     * @param  email    the address mail to this user is delivered to
     * @param  login    the login name for POP3, IMAP and SMTP {@code AUTH}
     * @param  password the password
     * @return          this server
     */
    public EmbeddedMailServer user(String email, String login, String password) {
        greenMail.setUser(Objects.requireNonNull(email, "email"), Objects.requireNonNull(login, "login"),
                Objects.requireNonNull(password, "password"));
        return this;
    }

    /**
     * Makes SMTP and SMTPS advertise extra ESMTP extensions in the {@code EHLO} reply, in addition to GreenMail's
     * {@code AUTH}, for example {@code "DSN"} or {@code "SIZE 10485760"}; clients then send the matching
     * {@code MAIL}/{@code RCPT} parameters, which GreenMail accepts and ignores (see {@link #smtpCommands()}).
     * Affects the following {@code EHLO} commands.
     *
     * @param  keywords the extension lines, without the {@code 250-} prefix
     * @return          this server
     */
    public EmbeddedMailServer advertiseSmtpExtensions(String... keywords) {
        smtpCommands.advertise(List.of(keywords));
        return this;
    }

    /**
     * Makes SMTP and SMTPS refuse a recipient: {@code RCPT TO} with this address gets the given reply instead of
     * {@code 250 OK}, e.g. {@code "550 5.1.1 No such user"} (permanent) or {@code "450 4.2.1 Mailbox busy"}
     * (transient).
     *
     * @param  address the recipient address (case ignored)
     * @param  reply   the complete reply line, code first
     * @return         this server
     */
    public EmbeddedMailServer refuseRecipient(String address, String reply) {
        smtpCommands.refuse(Objects.requireNonNull(address, "address"), Objects.requireNonNull(reply, "reply"));
        return this;
    }

    /**
     * The SMTP and SMTPS command lines received so far, in order, for example {@code "EHLO client"},
     * {@code "MAIL FROM:<a@example.org> RET=HDRS"}, {@code "RCPT TO:<b@example.org>"}, {@code "DATA"},
     * {@code "RSET"}. {@code AUTH} is recorded without its credentials ({@code "AUTH PLAIN"}); message content and
     * the lines of an {@code AUTH} exchange are not recorded.
     *
     * @return a snapshot
     */
    public List<String> smtpCommands() {
        return smtpCommands.received();
    }

    /** Forgets the command lines recorded so far, see {@link #smtpCommands()}. */
    public void clearSmtpCommands() {
        smtpCommands.clearReceived();
    }

    /**
     * The address every server listens on.
     *
     * @return {@code "127.0.0.1"}
     */
    public String host() {
        return HOST;
    }

    /** @return the SMTP port (plain, no STARTTLS) */
    public int smtpPort() {
        return greenMail.port(ServerSetup.PROTOCOL_SMTP);
    }

    /** @return the SMTPS port (TLS from the first byte) */
    public int smtpsPort() {
        return greenMail.port(ServerSetup.PROTOCOL_SMTPS);
    }

    /** @return the POP3 port (plain, no STLS) */
    public int pop3Port() {
        return greenMail.port(ServerSetup.PROTOCOL_POP3);
    }

    /** @return the POP3S port (TLS from the first byte) */
    public int pop3sPort() {
        return greenMail.port(ServerSetup.PROTOCOL_POP3S);
    }

    /** @return the IMAP port (plain, no STARTTLS) */
    public int imapPort() {
        return greenMail.port(ServerSetup.PROTOCOL_IMAP);
    }

    /** @return the IMAPS port (TLS from the first byte) */
    public int imapsPort() {
        return greenMail.port(ServerSetup.PROTOCOL_IMAPS);
    }

    /**
     * Direct access to GreenMail, e.g. {@link GreenMail#getReceivedMessages()},
     * {@link GreenMail#purgeEmailFromAllMailboxes()} or {@link GreenMail#getUserManager()}.
     *
     * @return the running GreenMail
     */
    public GreenMail greenMail() {
        return greenMail;
    }

    /**
     * Stores a message in the INBOX of each of its recipients ({@code To}, {@code Cc}, {@code Bcc}) without SMTP, as
     * if it had been delivered. A recipient without a mailbox gets one (login and password = the address).
     *
     * @param  message                  the message
     * @throws IllegalArgumentException if the message has no recipient or its recipients cannot be read
     */
    public void deliver(MimeMessage message) {
        Address[] recipients;
        try {
            recipients = message.getAllRecipients();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot read the recipients of the message", e);
        }
        if (recipients == null || recipients.length == 0) {
            throw new IllegalArgumentException("The message has no recipient");
        }
        UserManager users = greenMail.getUserManager();
        for (Address recipient : recipients) {
            String email = recipient instanceof InternetAddress internet ? internet.getAddress() : recipient.toString();
            mailbox(users, email).deliver(message);
        }
    }

    private static synchronized GreenMailUser mailbox(UserManager users, String email) {
        GreenMailUser user = users.getUserByEmail(email);
        if (user != null) {
            return user;
        }
        try {
            return users.createUser(email, email, email);
        } catch (UserException e) {
            throw new IllegalStateException("Cannot create a mailbox for " + email, e);
        }
    }

    /**
     * The number of currently open client connections of one server, logged in or not. A connection counts from
     * accept until the server has seen the client's {@code QUIT} or disconnect, which it may see a moment after the
     * client returns; {@link #closeAllConnections()} is seen at once.
     *
     * @param  protocol {@code "smtp"}, {@code "smtps"}, {@code "pop3"}, {@code "pop3s"}, {@code "imap"} or
     *                  {@code "imaps"}
     * @return          the number of open connections
     */
    public int connectionCount(String protocol) {
        return connections.count(Objects.requireNonNull(protocol, "protocol"));
    }

    /**
     * The number of client connections one server has accepted since start, closed ones included.
     *
     * @param  protocol {@code "smtp"}, {@code "smtps"}, {@code "pop3"}, {@code "pop3s"}, {@code "imap"} or
     *                  {@code "imaps"}
     * @return          the number of accepted connections
     */
    public int acceptedConnections(String protocol) {
        return connections.accepted(Objects.requireNonNull(protocol, "protocol"));
    }

    /**
     * Abruptly closes every client connection of every server, without a reply, as a dropped connection would; the
     * servers keep accepting new connections.
     */
    public void closeAllConnections() {
        connections.closeAll();
    }

    /** The server side of the open client connections of one server; for the test kit's own tests. */
    List<Socket> serverSideSockets(String protocol) {
        return connections.sockets(protocol);
    }

    /** Stops every server, closing every connection and releasing the ports. */
    @Override
    public void close() {
        greenMail.stop();
    }

    @Override
    public String toString() {
        if (!greenMail.isRunning()) {
            return "EmbeddedMailServer[" + HOST + ", stopped]";
        }
        return "EmbeddedMailServer[" + HOST + ", smtp=" + smtpPort() + ", smtps=" + smtpsPort() + ", pop3="
               + pop3Port() + ", pop3s=" + pop3sPort() + ", imap=" + imapPort() + ", imaps=" + imapsPort() + "]";
    }
}
