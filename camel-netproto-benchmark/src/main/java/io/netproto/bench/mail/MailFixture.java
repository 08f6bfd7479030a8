package io.netproto.bench.mail;

import java.util.Properties;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import io.netproto.testkit.mail.EmbeddedMailServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The embedded mail server of a mail workload with bob's mailbox, and what the contenders need around it: messages to
 * send or deliver, and the state of the INBOX as the server sees it (to prove that no message was lost).
 */
final class MailFixture implements AutoCloseable {

    static final String EMAIL = "bob@example.org";
    static final String LOGIN = "bob";
    static final String PASSWORD = "secret";
    static final String SENDER = "alice@example.org";
    /** About 1 KB of text: the body of every benchmark message. */
    static final String TEXT = "The quick brown fox jumps over the lazy dog. ".repeat(23);

    private static final Session PLAIN = Session.getInstance(new Properties());

    private final EmbeddedMailServer server;

    private MailFixture(EmbeddedMailServer server) {
        this.server = server;
    }

    static MailFixture start() {
        return new MailFixture(EmbeddedMailServer.start().user(EMAIL, LOGIN, PASSWORD));
    }

    EmbeddedMailServer server() {
        return server;
    }

    String host() {
        return server.host();
    }

    /** A text message from alice to bob. */
    static MimeMessage message(Session session, String subject) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(SENDER));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(EMAIL));
            message.setSubject(subject, "UTF-8");
            message.setText(TEXT, "UTF-8");
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot build the message " + subject, e);
        }
    }

    /** Empties every mailbox and forgets the SMTP commands recorded so far. */
    void purge() throws FolderException {
        server.greenMail().purgeEmailFromAllMailboxes();
        server.clearSmtpCommands();
    }

    /** Empties the mailboxes, then puts {@code count} messages (subjects {@code prefix 1} ...) into bob's INBOX. */
    void fill(String prefix, int count) throws FolderException {
        purge();
        for (int i = 1; i <= count; i++) {
            deliver(prefix + " " + i);
        }
    }

    /** Puts one message into bob's INBOX, as a delivery by another client would. */
    void deliver(String subject) {
        server.deliver(message(PLAIN, subject));
    }

    /** Messages received over SMTP since the last purge, in every mailbox. */
    int received() {
        return server.greenMail().getReceivedMessages().length;
    }

    int inboxCount() throws FolderException {
        return inbox().getMessageCount();
    }

    int inboxUnseen() throws FolderException {
        return inbox().getUnseenCount();
    }

    private MailFolder inbox() throws FolderException {
        return server.greenMail().getManagers().getImapHostManager()
                .getInbox(server.greenMail().getUserManager().getUserByEmail(EMAIL));
    }

    @Override
    public void close() {
        server.close();
    }
}
