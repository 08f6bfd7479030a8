package io.netproto.camel.smtp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.netproto.camel.mail.MailSessions;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.NetprotoException;
import io.netproto.camel.support.PlainTextPasswords;
import io.netproto.camel.support.PooledSession;
import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.camel.support.SizeLimitExceededException;
import io.netproto.camel.support.SizeLimits;
import io.netproto.camel.support.TlsContexts;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP session, the only class that touches Angus Mail's {@link SMTPTransport}: connects (greeting, EHLO or
 * HELO, STARTTLS, AUTH), sends mail, answers NOOP and RSET, and turns every failure into a typed exception: a reply
 * with its code ({@link ProtocolReplyException}, {@link SmtpSendException}) or a lost connection
 * ({@link ConnectionFailedException}).
 */
final class SmtpClient implements PooledSession {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpClient.class);

    private final Transport transport;
    private final String label;

    private SmtpClient(Transport transport, String label) {
        this.transport = transport;
        this.label = label;
    }

    /**
     * Opens and logs in a session.
     *
     * @param  session  the Jakarta Mail session of the endpoint (see {@link MailSessions})
     * @param  cfg      the endpoint's settings
     * @param  protocol {@code smtp} or {@code smtps}
     * @param  port     the port to connect to
     * @param  startTls the effective STARTTLS policy
     * @param  useEhlo  {@code false} to greet with HELO (then no extension, no AUTH, no STARTTLS)
     * @return          the logged-in session
     */
    static SmtpClient open(Session session, SmtpConfiguration cfg, String protocol, int port,
            MailSessions.StartTls startTls, boolean useEhlo) {
        String label = cfg.getHost() + ":" + port;
        Transport transport = new Transport(session, new URLName(protocol, cfg.getHost(), port, null, null, null),
                protocol, protocol.equals("smtps"));
        transport.passwordCheck = () -> PlainTextPasswords.checkResolved(cfg, "SMTP", label, transport.isSSL());
        transport.setUseRset(true);
        transport.useEhlo = useEhlo;
        try {
            transport.connect(cfg.getHost(), port, cfg.getUsername(), cfg.getPassword());
            return new SmtpClient(transport, label);
        } catch (AuthenticationFailedException e) {
            int code = transport.getLastReturnCode();
            throw new ProtocolReplyException("SMTP", "AUTH (user " + cfg.getUsername() + ")", code >= 400 ? code : 535,
                    code >= 400 ? text(transport.getLastServerResponse()) : "authentication failed: " + e.getMessage());
        } catch (MessagingException e) {
            if (transport.greeting != null && startTls == MailSessions.StartTls.required && !protocol.equals("smtps")
                    && !transport.supportsExtension("STARTTLS")) {
                throw new NetprotoException("STARTTLS is required (option startTls=required, the default when a username"
                                            + " is set) but the SMTP server " + label + " does not offer it"
                                            + (useEhlo ? "" : " (a HELO session has no extensions)")
                                            + "; the connection was closed before any credentials or mail were sent");
            }
            if (transport.greeting == null || lostConnection(e, transport)) {
                throw new ConnectionFailedException("Cannot connect to the SMTP server " + label + ": " + describe(e)
                                                    + TlsContexts.trustHint(e), e);
            }
            throw new ProtocolReplyException("SMTP", transport.lastCommand, transport.getLastReturnCode(),
                    text(transport.getLastServerResponse()));
        }
    }

    /**
     * A new message carrying per-message envelope options.
     *
     * @param envelopeFrom the MAIL FROM address, or {@code null} for the From address
     * @param dsnNotify    the DSN NOTIFY value ({@code NEVER} or SUCCESS/FAILURE/DELAY), or {@code null}
     * @param dsnRet       {@code FULL}, {@code HDRS} or {@code null}
     * @param extension    further MAIL FROM parameters, or {@code null}
     * @param sendPartial  whether to send to the accepted recipients when others are refused
     */
    static MimeMessage newMessage(Session session, String envelopeFrom, String dsnNotify, String dsnRet,
            String extension, boolean sendPartial) {
        SMTPMessage message = new SMTPMessage(session);
        message.setEnvelopeFrom(envelopeFrom);
        if (dsnNotify != null) {
            message.setNotifyOptions(notifyFlags(dsnNotify));
        }
        if (dsnRet != null) {
            message.setReturnOption(dsnRet.equals("HDRS") ? SMTPMessage.RETURN_HDRS : SMTPMessage.RETURN_FULL);
        }
        message.setMailExtension(extension);
        message.setSendPartial(sendPartial);
        return message;
    }

    private static int notifyFlags(String notify) {
        if (notify.equals("NEVER")) {
            return SMTPMessage.NOTIFY_NEVER;
        }
        int flags = 0;
        for (String option : notify.split(",")) {
            flags |= switch (option) {
                case "SUCCESS" -> SMTPMessage.NOTIFY_SUCCESS;
                case "FAILURE" -> SMTPMessage.NOTIFY_FAILURE;
                default -> SMTPMessage.NOTIFY_DELAY;
            };
        }
        return flags;
    }

    /** The greeting and the EHLO/HELO reply of this session. */
    SmtpGreeting greeting() {
        List<String> lines = lines(transport.heloReply);
        Map<String, String> extensions = new LinkedHashMap<>();
        if (transport.heloCommand.equals("EHLO")) {
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String extension = line.length() > 4 ? line.substring(4).trim() : "";
                int space = extension.indexOf(' ');
                String keyword = (space < 0 ? extension : extension.substring(0, space)).toUpperCase(Locale.ROOT);
                if (!keyword.isEmpty()) {
                    extensions.put(keyword, space < 0 ? "" : extension.substring(space + 1).trim());
                }
            }
        }
        return new SmtpGreeting(String.join(" ", lines(transport.greeting)), transport.heloCommand,
                transport.heloCode, lines, extensions);
    }

    /**
     * Sends a message to all its recipients (To, Cc, Bcc).
     *
     * @return                   the outcome per recipient; with sendPartial some may have been refused
     * @throws SmtpSendException when the server refused the sender, a recipient (without sendPartial) or the message
     */
    SendResult send(MimeMessage message, long size) throws MessagingException {
        // The size is known only when maxMessageSize made the producer measure the mail; measuring it here for every
        // server that advertises SIZE would write each mail twice (and use up attachments that can be read once).
        // Without it, a mail over the server's SIZE is refused by the server (552), which becomes an exception too.
        long advertised = advertisedSize();
        if (advertised > 0 && size > advertised) {
            throw new SizeLimitExceededException("The mail", size, "SIZE (advertised by the SMTP server " + label + ")",
                    advertised, "not sent");
        }
        Address[] recipients = message.getAllRecipients();
        String messageId = message.getMessageID();
        transport.dataStarted = false;
        try {
            transport.sendMessage(message, recipients);
            return new SendResult(messageId, true, addresses(recipients), List.of(), transport.getLastReturnCode(),
                    text(transport.getLastServerResponse()));
        } catch (SendFailedException e) {
            if (lostConnection(e, transport)) {
                throw lost("Sending the mail", e);
            }
            return refused(messageId, e);
        } catch (MessagingException e) {
            if (lostConnection(e, transport)) {
                throw lost("Sending the mail", e);
            }
            throw e;
        }
    }

    /** The size limit of the server's EHLO SIZE extension (RFC 1870), 0 when it announces none. */
    private long advertisedSize() {
        String value = transport.getExtensionParameter("SIZE");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The size in bytes of the message as written to DATA (before dot-stuffing). */
    static long size(MimeMessage message) throws MessagingException {
        try {
            return SizeLimits.count(message::writeTo);
        } catch (MessagingException e) {
            throw e;
        } catch (Exception e) {
            throw new MessagingException("Cannot measure the mail: " + e.getMessage(), e);
        }
    }

    private SendResult refused(String messageId, SendFailedException e) {
        List<SendResult.RefusedRecipient> refused = new ArrayList<>();
        Set<String> refusedAddresses = new LinkedHashSet<>();
        for (Exception next = e; next instanceof MessagingException m; next = m.getNextException()) {
            if (m instanceof SMTPAddressFailedException failed) {
                refused.add(new SendResult.RefusedRecipient(failed.getAddress().getAddress(), failed.getReturnCode(),
                        text(failed.getMessage())));
                refusedAddresses.add(failed.getAddress().getAddress());
            }
        }
        List<String> sent = addresses(e.getValidSentAddresses());
        boolean delivered = !sent.isEmpty();
        List<String> accepted = delivered ? sent : addresses(e.getValidUnsentAddresses()).stream()
                .filter(a -> !refusedAddresses.contains(a)).toList();
        if (e instanceof SMTPSendFailedException smtp && !smtp.getCommand().equals(".")) {
            SendResult result = new SendResult(messageId, false, accepted, refused, smtp.getReturnCode(),
                    text(smtp.getMessage()));
            throw new SmtpSendException(command(smtp.getCommand()), smtp.getReturnCode(), text(smtp.getMessage()), result);
        }
        if (delivered) {
            // sendPartial: the message went to the accepted recipients
            return new SendResult(messageId, true, accepted, refused, transport.getLastReturnCode(),
                    text(transport.getLastServerResponse()));
        }
        SendResult.RefusedRecipient decisive = refused.stream().filter(r -> !r.isTransient()).findFirst()
                .orElse(refused.isEmpty() ? null : refused.get(0));
        int code = e instanceof SMTPSendFailedException smtp ? smtp.getReturnCode()
                : decisive != null ? decisive.replyCode() : 554;
        String reply = e instanceof SMTPSendFailedException smtp ? text(smtp.getMessage())
                : decisive != null ? decisive.replyText() : String.valueOf(e.getMessage());
        SendResult result = new SendResult(messageId, false, accepted, refused, code, reply);
        throw new SmtpSendException(e instanceof SMTPSendFailedException ? "DATA" : "RCPT TO", code, reply, result);
    }

    /** Sends NOOP. */
    SmtpReply noop() {
        try {
            transport.issueCommand("NOOP", 250);
            return new SmtpReply(transport.getLastReturnCode(), text(transport.getLastServerResponse()));
        } catch (MessagingException e) {
            if (lostConnection(e, transport)) {
                throw lost("NOOP", e);
            }
            throw new ProtocolReplyException("SMTP", "NOOP", transport.getLastReturnCode(),
                    text(transport.getLastServerResponse()));
        }
    }

    @Override
    public boolean isConnected() {
        return transport.open;
    }

    /**
     * Whether the last {@link #send(MimeMessage)} failed before DATA: then the server discarded the transaction and
     * nothing was delivered, so the mail may be sent again on another connection.
     */
    boolean sentNothing() {
        return !transport.dataStarted;
    }

    /** RSET: proves the connection works and clears any transaction state before the session is reused. */
    @Override
    public void check() throws MessagingException {
        transport.issueCommand("RSET", 250);
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Closing the SMTP session to {}: {}", label, e.getMessage());
        }
    }

    private ConnectionFailedException lost(String what, MessagingException e) {
        close();
        return new ConnectionFailedException(what + " failed: the connection to the SMTP server " + label
                                             + " was lost (" + describe(e) + ")", e);
    }

    private static boolean lostConnection(MessagingException e, Transport transport) {
        if (!transport.open || transport.getLastReturnCode() == -1) {
            return true;
        }
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(MessagingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root;
    }

    private static String command(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        return upper.startsWith("MAIL FROM") ? "MAIL FROM" : upper.startsWith("RCPT TO") ? "RCPT TO"
                : upper.equals(".") ? "DATA" : upper;
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> list = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                list.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
            }
        }
        return list;
    }

    private static List<String> lines(String response) {
        List<String> lines = new ArrayList<>();
        if (response != null) {
            for (String line : response.split("\r?\n")) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** A reply without its code: the text of every line, joined by spaces. */
    private static String text(String response) {
        List<String> texts = new ArrayList<>();
        for (String line : lines(response)) {
            boolean coded = line.length() >= 4 && Character.isDigit(line.charAt(0)) && Character.isDigit(line.charAt(1))
                    && Character.isDigit(line.charAt(2)) && (line.charAt(3) == ' ' || line.charAt(3) == '-');
            texts.add(coded ? line.substring(4).trim() : line.trim());
        }
        return String.join(" ", texts);
    }

    /** Angus's transport, with the greeting and EHLO/HELO reply captured and the connection state observable. */
    private static final class Transport extends SMTPTransport {
        private volatile boolean open;
        private boolean useEhlo = true;
        private String greeting;
        private String heloCommand = "EHLO";
        private int heloCode;
        private String heloReply;
        private String lastCommand = "connect";
        private Runnable passwordCheck = () -> { };
        private boolean dataStarted;

        Transport(Session session, URLName url, String protocol, boolean ssl) {
            super(session, url, protocol, ssl);
        }

        @Override
        protected synchronized void setConnected(boolean connected) {
            super.setConnected(connected);
            open = connected;
        }

        @Override
        protected boolean ehlo(String domain) throws MessagingException {
            if (!useEhlo) {
                return false;
            }
            captureGreeting();
            lastCommand = "EHLO";
            boolean ok = super.ehlo(domain);
            if (ok) {
                reply("EHLO");
            }
            return ok;
        }

        @Override
        protected void helo(String domain) throws MessagingException {
            captureGreeting();
            lastCommand = "HELO";
            super.helo(domain);
            reply("HELO");
        }

        /** Asked before each AUTH mechanism is tried: the place to refuse a password over clear text. */
        @Override
        protected boolean supportsAuthentication(String mechanism) {
            passwordCheck.run();
            return super.supportsAuthentication(mechanism);
        }

        @Override
        protected java.io.OutputStream data() throws MessagingException {
            dataStarted = true;
            return super.data();
        }

        @Override
        protected void startTLS() throws MessagingException {
            lastCommand = "STARTTLS";
            super.startTLS();
        }

        private void captureGreeting() {
            if (greeting == null) {
                greeting = getLastServerResponse();
            }
        }

        private void reply(String command) {
            heloCommand = command;
            heloCode = getLastReturnCode();
            heloReply = getLastServerResponse();
        }
    }
}
