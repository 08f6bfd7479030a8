package io.netproto.camel.pop3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import io.netproto.camel.mail.MailSessions;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.PlainTextPasswords;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.eclipse.angus.mail.pop3.POP3SSLStore;
import org.eclipse.angus.mail.pop3.POP3Store;

/**
 * One logged-in POP3 session on a mailbox, the only class that touches Angus Mail's POP3 provider. The session sees the
 * mailbox as it was at login (POP3 numbers messages per session and locks the maildrop); deletions are only marked
 * and reach the server as DELE commands right before QUIT ({@link #quit()}), which is when the server carries them out.
 * Retrieved messages are spooled to a temporary file (Angus Mail's file cache), never held in memory whole.
 */
final class Pop3Client implements AutoCloseable {

    static final int POP3_PORT = 110;
    static final int POP3S_PORT = 995;

    private final String server;
    private final POP3Store store;
    private final Runnable closeSockets;
    private POP3Folder folder;
    private Map<Integer, String> uids;
    private boolean deletions;

    private Pop3Client(String server, POP3Store store, Runnable closeSockets) {
        this.server = server;
        this.store = store;
        this.closeSockets = closeSockets;
    }

    /**
     * The Jakarta Mail session for connections with the given STARTTLS policy: finite timeouts, TLS trust, RETR
     * spooled to a temporary file, no TOP. Reusable by many connections when the trace is off.
     */
    static Session session(CamelContext camelContext, Pop3Configuration cfg, boolean secure, MailSessions.StartTls startTls) {
        String protocol = secure ? "pop3s" : "pop3";
        Session session = MailSessions.create(camelContext, cfg, protocol, cfg.effectivePort(secure ? POP3S_PORT : POP3_PORT),
                startTls);
        Properties props = session.getProperties();
        String prefix = "mail." + protocol + ".";
        // spool RETR to a temporary file instead of memory
        props.put(prefix + "filecache.enable", "true");
        if (cfg.getSpoolDirectory() != null) {
            props.put(prefix + "filecache.dir", cfg.getSpoolDirectory());
        }
        // headers come with the message (RETR), never a separate TOP per message
        props.put(prefix + "disabletop", "true");
        return session;
    }

    /**
     * Connects, upgrades to TLS as configured, logs in and opens the mailbox (STAT).
     *
     * @param sessions the session for a STARTTLS policy (see {@link #session})
     */
    static Pop3Client open(Pop3Configuration cfg, boolean secure, Function<MailSessions.StartTls, Session> sessions) {
        String protocol = secure ? "pop3s" : "pop3";
        int port = cfg.effectivePort(secure ? POP3S_PORT : POP3_PORT);
        String server = cfg.getHost() + ":" + port;
        // Angus connects, upgrades and logs in in one step: a password refused over clear text requires STLS
        boolean tlsForPassword = !secure && PlainTextPasswords.requireTls(cfg);
        if (tlsForPassword && cfg.getStartTls() == MailSessions.StartTls.disabled) {
            throw PlainTextPasswords.refused(cfg, "POP3", server);
        }
        if (cfg.getSpoolDirectory() != null) {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(cfg.getSpoolDirectory()));
            } catch (java.io.IOException e) {
                throw new ConnectionFailedException("Cannot create the spoolDirectory " + cfg.getSpoolDirectory(), e);
            }
        }
        Session session = sessions.apply(secure ? MailSessions.StartTls.disabled
                : tlsForPassword ? MailSessions.StartTls.required : cfg.getStartTls());
        POP3Store store = secure ? new POP3SSLStore(session, null) : new POP3Store(session, null, protocol, false);
        Thread owner = Thread.currentThread();
        Pop3Client client = new Pop3Client(server, store, () -> MailSessions.closeSockets(session, protocol, owner));
        try {
            store.connect(cfg.getHost(), port, cfg.getUsername(), cfg.getPassword());
        } catch (MessagingException | RuntimeException e) {
            client.close();
            if (tlsForPassword && cfg.getStartTls() != MailSessions.StartTls.required && Pop3Failures.startTlsUnavailable(e)) {
                throw PlainTextPasswords.refused(cfg, "POP3", server);
            }
            throw Pop3Failures.login(client.server, cfg.getUsername(), cfg.getStartTls(), secure, e);
        }
        try {
            POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            client.folder = inbox;
        } catch (MessagingException | RuntimeException e) {
            client.close();
            throw Pop3Failures.command(client.server, "STAT", e);
        }
        return client;
    }

    /** host:port, for messages and logs. */
    String server() {
        return server;
    }

    /** STAT as answered at login: message count and mailbox size. */
    Pop3Status stat() {
        try {
            return new Pop3Status(folder.getMessageCount(), folder.getSize());
        } catch (MessagingException | RuntimeException e) {
            throw Pop3Failures.command(server, "STAT", e);
        }
    }

    int messageCount() {
        return stat().count();
    }

    /** LIST: every message's number and size. */
    List<Pop3ListEntry> list() {
        List<Pop3ListEntry> entries = new ArrayList<>();
        try (InputStream in = folder.listCommand()) {
            if (in == null) {
                throw new Pop3ReplyException("LIST", "the server refused to list the mailbox");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                Pop3ListEntry entry = parseListLine(line);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            throw Pop3Failures.command(server, "LIST", e);
        }
        return entries;
    }

    /** One line of a LIST answer ({@code number size [extension]}), null when it is not one. */
    static Pop3ListEntry parseListLine(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length < 2) {
            return null;
        }
        try {
            return new Pop3ListEntry(Integer.parseInt(words[0]), Long.parseLong(words[1]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** UIDL: every message's unique id by number, in order; empty when the server does not support UIDL. */
    Map<Integer, String> uids() {
        if (uids == null) {
            Map<Integer, String> result = new LinkedHashMap<>();
            try {
                Message[] messages = folder.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(messages, profile);
                for (Message message : messages) {
                    String uid = folder.getUID(message);
                    if (uid != null) {
                        result.put(message.getMessageNumber(), uid);
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                throw Pop3Failures.command(server, "UIDL", e);
            }
            uids = Collections.unmodifiableMap(result);
        }
        return uids;
    }

    /** UIDL n: the unique id of one message, null when the server does not support UIDL. */
    String uid(int number) {
        if (uids != null) {
            return uids.get(number);
        }
        try {
            return folder.getUID(pop3Message(number));
        } catch (MessagingException | RuntimeException e) {
            throw Pop3Failures.command(server, "UIDL " + number, e);
        }
    }

    /** The number of the message with this unique id in this session; fails when no message has it. */
    int numberOf(String uid) {
        for (Map.Entry<Integer, String> entry : uids().entrySet()) {
            if (entry.getValue().equals(uid)) {
                return entry.getKey();
            }
        }
        if (uids().isEmpty() && messageCount() > 0) {
            throw new Pop3NoSuchMessageException("The POP3 server " + server
                                                 + " does not support UIDL: select the message by CamelPop3MessageNumber");
        }
        throw new Pop3NoSuchMessageException("No message with unique id '" + uid + "' in the mailbox on " + server);
    }

    /** TOP n lines: the headers and the first lines of the body, as the server sent them. */
    byte[] top(int number, int lines) {
        try (InputStream in = pop3Message(number).top(lines)) {
            if (in == null) {
                throw new Pop3ReplyException("TOP " + number + " " + lines, "the server does not support TOP or refused it");
            }
            return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
            throw Pop3Failures.command(server, "TOP " + number + " " + lines, e);
        }
    }

    /**
     * RETR n, spooled to the session's temporary file: the message, whose content is read from the spool. Valid until
     * {@link #release(int)} or the end of the session.
     */
    MimeMessage retrieve(int number) {
        POP3Message message = pop3Message(number);
        try {
            // fetches and pins the whole message (headers and content) in the spool
            message.getRawInputStream().close();
            return message;
        } catch (MessagingException | IOException | RuntimeException e) {
            throw Pop3Failures.command(server, "RETR " + number, e);
        }
    }

    /** RETR n, spooled: the raw RFC 822 message as a stream over the session's spool file. */
    InputStream retrieveRaw(int number) {
        try {
            return pop3Message(number).getMimeStream();
        } catch (MessagingException | RuntimeException e) {
            throw Pop3Failures.command(server, "RETR " + number, e);
        }
    }

    /** Frees what the session keeps of a retrieved message (its deletion mark stays). */
    void release(int number) {
        try {
            ((POP3Message) folder.getMessage(number)).invalidate(true);
        } catch (MessagingException | RuntimeException e) {
            // the message object is gone with the session: nothing left to free
        }
    }

    /** Marks a message for deletion; the DELE is sent right before QUIT. */
    void markDeleted(int number) {
        try {
            pop3Message(number).setFlag(Flags.Flag.DELETED, true);
            deletions = true;
        } catch (MessagingException | RuntimeException e) {
            throw Pop3Failures.command(server, "DELE " + number, e);
        }
    }

    /** NOOP: fails with {@link ConnectionFailedException} when the server no longer answers. */
    void noop() {
        if (!isOpen()) {
            throw new ConnectionFailedException("The POP3 server " + server + " did not answer NOOP: connection lost", null);
        }
    }

    /** Whether the session is still logged in (sends NOOP). */
    boolean isOpen() {
        return folder != null && folder.isOpen();
    }

    /** CAPA: the server's capabilities, keyword to arguments; empty when the server does not answer CAPA. */
    Map<String, String> capabilities() {
        try {
            Map<String, String> capabilities = store.capabilities();
            return capabilities == null ? Map.of() : new LinkedHashMap<>(capabilities);
        } catch (MessagingException | RuntimeException e) {
            throw Pop3Failures.command(server, "CAPA", e);
        }
    }

    /**
     * Ends the session: the marked messages are deleted (DELE) and QUIT makes the server carry the deletions out. The
     * server is asked NOOP first, so a connection lost during the session is reported here and nothing is deleted.
     *
     * @throws ConnectionFailedException when the connection was lost before QUIT (no deletion took place)
     */
    void quit() {
        if (folder == null) {
            return;
        }
        POP3Folder f = folder;
        folder = null;
        try {
            if (!deletions) {
                f.close(false);
            } else if (f.isOpen()) {
                f.close(true);
            } else {
                throw new ConnectionFailedException("The connection to the POP3 server " + server
                                                    + " was lost before QUIT: no message was deleted", null);
            }
        } catch (MessagingException | RuntimeException e) {
            throw Pop3Failures.command(server, deletions ? "DELE" : "QUIT", e);
        } finally {
            closeStore();
        }
    }

    /** Ends the session without deleting anything, quietly (QUIT when the connection is still there). */
    @Override
    public void close() {
        POP3Folder f = folder;
        folder = null;
        if (f != null) {
            try {
                f.close(false);
            } catch (MessagingException | RuntimeException e) {
                // closing anyway
            }
        }
        closeStore();
    }

    private void closeStore() {
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone either way
        } finally {
            closeSockets.run();
        }
    }

    private POP3Message pop3Message(int number) {
        int count = messageCount();
        if (number < 1 || number > count) {
            throw new Pop3NoSuchMessageException("No message number " + number + " in the mailbox on " + server
                                                 + " (it holds " + count + " messages, numbered from 1)");
        }
        try {
            return (POP3Message) folder.getMessage(number);
        } catch (MessagingException | RuntimeException e) {
            throw Pop3Failures.command(server, "message " + number, e);
        }
    }
}
