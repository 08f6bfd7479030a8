package io.netproto.camel.imap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netproto.camel.mail.MailSessions;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.NetprotoException;
import io.netproto.camel.support.PooledSession;
import io.netproto.camel.support.ProtocolArguments;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * One logged-in IMAP session, the only class that touches Angus Mail's IMAP provider. At most one mailbox is selected
 * at a time; commands that act on messages act on it, always by UID. Message bodies are fetched with BODY.PEEK, so
 * reading never sets \Seen. Closing a mailbox never expunges unless asked ({@link #closeMailbox(boolean)}).
 */
final class ImapClient implements PooledSession, AutoCloseable {

    static final int IMAP_PORT = 143;
    static final int IMAPS_PORT = 993;
    /** Bytes per partial FETCH of a message body (Angus Mail's default is 16 KiB). */
    static final int FETCH_SIZE = 1024 * 1024;

    private static final Pattern COPYUID = Pattern.compile("\\[COPYUID (\\d+) ([0-9:,]+) ([0-9:,]+)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9._:\\-]+");

    @FunctionalInterface
    private interface Command<T> {
        T run(IMAPProtocol protocol) throws Exception;
    }

    private final String server;
    private final IMAPStore store;
    private final Runnable closeSockets;
    private IMAPFolder folder;
    private boolean readOnly;
    private volatile boolean broken;

    private ImapClient(String server, IMAPStore store, Runnable closeSockets) {
        this.server = server;
        this.store = store;
        this.closeSockets = closeSockets;
    }

    /** Connects, upgrades to TLS as configured and logs in. */
    static ImapClient open(CamelContext camelContext, ImapConfiguration cfg, boolean secure) {
        String protocol = secure ? "imaps" : "imap";
        int port = cfg.effectivePort(secure ? IMAPS_PORT : IMAP_PORT);
        Session session = MailSessions.create(camelContext, cfg, protocol, port,
                secure ? MailSessions.StartTls.disabled : cfg.getStartTls());
        Properties props = session.getProperties();
        // reading a message never marks it \Seen: the consumer decides after the exchange
        props.put("mail." + protocol + ".peek", "true");
        // bodies stream in partial fetches of this size: bounded memory, few round trips for large messages
        props.put("mail." + protocol + ".fetchsize", String.valueOf(FETCH_SIZE));
        String server = cfg.getHost() + ":" + port;
        GuardedImapStore store = new GuardedImapStore(session, secure, cfg, server);
        ImapClient client = new ImapClient(server, store, () -> MailSessions.closeSockets(session, protocol));
        try {
            store.connect(cfg.getHost(), port, cfg.getUsername(), cfg.getPassword());
        } catch (MessagingException | RuntimeException e) {
            client.close();
            if (store.refusal() != null) {
                throw store.refusal();
            }
            throw ImapFailures.login(client.server, cfg.getUsername(), secure, e);
        }
        return client;
    }

    /** host:port, for messages and logs. */
    String server() {
        return server;
    }

    /** Whether the server announced the capability, such as MOVE, UIDPLUS or IDLE. */
    boolean hasCapability(String capability) {
        try {
            return store.hasCapability(capability);
        } catch (MessagingException | RuntimeException e) {
            throw fail("CAPABILITY", e);
        }
    }

    /** SELECT (EXAMINE when read-only), anew: the mailbox's current status. */
    ImapMailboxStatus select(String mailbox, boolean readOnly) {
        closeMailbox(false);
        IMAPFolder f = open(mailbox, readOnly);
        try {
            Flags permanent = f.getPermanentFlags();
            return new ImapMailboxStatus(f.getFullName(), f.getMessageCount(), f.getNewMessageCount(),
                    f.getUnreadMessageCount(), f.getUIDValidity(), f.getUIDNext(),
                    permanent == null ? List.of() : ImapFlags.names(permanent), readOnly);
        } catch (MessagingException | RuntimeException e) {
            throw fail("SELECT " + mailbox, e);
        }
    }

    /** Selects the mailbox unless it already is (with the same mode). */
    IMAPFolder open(String mailbox, boolean readOnly) {
        checkMailbox(mailbox);
        if (folder != null && folder.isOpen() && folder.getFullName().equals(mailbox) && this.readOnly == readOnly) {
            return folder;
        }
        closeMailbox(false);
        try {
            IMAPFolder f = (IMAPFolder) store.getFolder(mailbox);
            f.open(readOnly ? Folder.READ_ONLY : Folder.READ_WRITE);
            folder = f;
            this.readOnly = readOnly;
            return f;
        } catch (MessagingException | RuntimeException e) {
            throw fail((readOnly ? "EXAMINE " : "SELECT ") + mailbox, e);
        }
    }

    /** The selected mailbox's UIDVALIDITY. */
    long uidValidity() {
        IMAPFolder f = selected();
        try {
            return f.getUIDValidity();
        } catch (MessagingException | RuntimeException e) {
            throw fail("STATUS UIDVALIDITY", e);
        }
    }

    /**
     * Closes the selected mailbox: with {@code expunge} the server removes every message flagged \Deleted (CLOSE);
     * without it nothing is removed (UNSELECT, or the EXAMINE-then-CLOSE equivalent).
     */
    void closeMailbox(boolean expunge) {
        IMAPFolder f = folder;
        folder = null;
        if (f != null && f.isOpen()) {
            try {
                f.close(expunge && !readOnly);
            } catch (MessagingException | RuntimeException e) {
                throw fail("CLOSE", e);
            }
        }
    }

    /** UID SEARCH in the selected mailbox: the UIDs matching the criteria, ascending. */
    List<Long> search(String criteria, String charset) {
        ImapCriteria.check("search criteria", criteria);
        if (charset != null && !ATOM.matcher(charset).matches()) {
            throw new IllegalArgumentException("The search charset must be a charset name such as UTF-8, was '" + charset + "'");
        }
        String command = "UID SEARCH " + (charset != null ? "CHARSET " + charset + " " : "") + criteria;
        return run(command, p -> {
            Response[] responses = p.command(command, null);
            List<Long> uids = new ArrayList<>();
            for (Response response : responses) {
                if (response instanceof IMAPResponse r && r.keyEquals("SEARCH")) {
                    long uid;
                    while ((uid = r.readLong()) != -1) {
                        uids.add(uid);
                    }
                }
            }
            finish(p, responses);
            uids.sort(null);
            return uids;
        });
    }

    /** UID FETCH of the parts (not RFC822) in the selected mailbox: one result per message, ascending UIDs. */
    List<ImapFetchResult> fetch(String uidSet, Set<ImapFetchPart> parts) {
        StringBuilder items = new StringBuilder("UID");
        for (ImapFetchPart part : parts) {
            if (part != ImapFetchPart.RFC822) {
                items.append(' ').append(part.item());
            }
        }
        String command = "UID FETCH " + uidSet + " (" + items + ")";
        return run(command, p -> {
            Response[] responses = p.command(command, null);
            finish(p, responses);
            return ImapFetchMapping.results(responses, parts);
        });
    }

    /** The message with this UID in the selected mailbox (its body fetched with PEEK when read), or null. */
    IMAPMessage message(long uid) {
        IMAPFolder f = selected();
        try {
            IMAPMessage message = (IMAPMessage) f.getMessageByUID(uid);
            if (message != null) {
                message.setPeek(true);
            }
            return message;
        } catch (MessagingException | RuntimeException e) {
            throw fail("UID FETCH " + uid, e);
        }
    }

    /**
     * Fetches ahead what a consumer reads of these messages of the selected mailbox, in one command for all of them:
     * UID FETCH of their flags, sizes and first octets ({@link ImapFetchAhead#items()}); the messages that fit whole
     * are parsed here, a larger one is read from the server when needed (see {@link #message(long)}). A UID no longer
     * in the mailbox is missing from the result.
     */
    Map<Long, ImapPrefetch> prefetch(List<Long> uids, long maxMessageSize) {
        ImapFetchAhead ahead = new ImapFetchAhead(uids, maxMessageSize);
        String command = "UID FETCH " + ImapUids.of(uids) + " " + ahead.items();
        run(command, p -> {
            Response[] responses = p.command(command, null);
            finish(p, responses);
            ahead.read(responses);
            return null;
        });
        return ahead.result();
    }

    /** UID STORE of flags and keywords (such as {@code \Seen $Label}) in the selected mailbox. */
    void store(String uidSet, ImapStoreMode mode, String flags) {
        String list = ImapFlags.flagList(flags);
        String item = switch (mode) {
            case add -> "+FLAGS.SILENT";
            case remove -> "-FLAGS.SILENT";
            case replace -> "FLAGS.SILENT";
        };
        String command = "UID STORE " + uidSet + " " + item + " (" + list + ")";
        run(command, p -> {
            finish(p, p.command(command, null));
            return null;
        });
    }

    /** UID COPY to another mailbox. */
    ImapCopyResult copy(String uidSet, String destination) {
        return copyOrMove("COPY", uidSet, destination);
    }

    /**
     * UID MOVE where the server announces MOVE; otherwise UID COPY, then \Deleted and UID EXPUNGE of exactly those UIDs
     * (UIDPLUS), or, without UIDPLUS, the originals stay flagged \Deleted (no mailbox-wide expunge).
     */
    ImapCopyResult move(String uidSet, String destination) {
        if (hasCapability("MOVE")) {
            return copyOrMove("MOVE", uidSet, destination);
        }
        return moveByCopy(uidSet, destination);
    }

    /** MOVE for servers without it: UID COPY, +FLAGS \Deleted, and UID EXPUNGE of those UIDs only (UIDPLUS). */
    ImapCopyResult moveByCopy(String uidSet, String destination) {
        ImapCopyResult copied = copyOrMove("COPY", uidSet, destination);
        store(uidSet, ImapStoreMode.add, "\\Deleted");
        if (hasCapability("UIDPLUS")) {
            uidExpunge(uidSet);
        }
        return copied;
    }

    private ImapCopyResult copyOrMove(String verb, String uidSet, String destination) {
        checkMailbox(destination);
        String command = "UID " + verb + " " + uidSet + " " + destination;
        return run(command, p -> {
            Argument args = new Argument();
            args.writeString(BASE64MailboxEncoder.encode(destination));
            Response[] responses = p.command("UID " + verb + " " + uidSet, args);
            finish(p, responses);
            for (Response response : responses) {
                Matcher m = COPYUID.matcher(response.toString());
                if (m.find()) {
                    return new ImapCopyResult(destination, ImapUids.expand(m.group(2)), ImapUids.expand(m.group(3)),
                            Long.parseLong(m.group(1)));
                }
            }
            List<Long> source = uidSet.contains("*") ? List.of() : ImapUids.expand(uidSet);
            return new ImapCopyResult(destination, source, List.of(), 0);
        });
    }

    /**
     * UID EXPUNGE (UIDPLUS): removes those of the given messages that are flagged \Deleted, and no other. Returns the
     * UIDs removed.
     */
    List<Long> uidExpunge(String uidSet) {
        if (!hasCapability("UIDPLUS")) {
            throw new ImapReplyException("UID EXPUNGE " + uidSet, "NO", "the server " + server + " does not announce UIDPLUS:"
                                                                        + " expunging only given UIDs is impossible (set"
                                                                        + " CamelImapExpungeAll=true to expunge every"
                                                                        + " \\Deleted message)");
        }
        List<Long> doomed = search("UID " + uidSet + " DELETED", null);
        if (doomed.isEmpty()) {
            return doomed;
        }
        String command = "UID EXPUNGE " + ImapUids.of(doomed);
        run(command, p -> {
            finish(p, p.command(command, null));
            return null;
        });
        return doomed;
    }

    /** EXPUNGE: removes every message flagged \Deleted in the selected mailbox, whoever flagged it. Returns their UIDs. */
    List<Long> expungeAll() {
        List<Long> doomed = search("DELETED", null);
        run("EXPUNGE", p -> {
            finish(p, p.command("EXPUNGE", null));
            return null;
        });
        return doomed;
    }

    /** APPEND: the new message's UID and the mailbox's UIDVALIDITY, or null when the server has no UIDPLUS. */
    AppendUID append(String mailbox, MimeMessage message, String flags) {
        checkMailbox(mailbox);
        try {
            if (flags != null && !flags.isBlank()) {
                message.setFlags(ImapFlags.toFlags(flags), true);
            }
            IMAPFolder target = (IMAPFolder) store.getFolder(mailbox);
            AppendUID[] uids = target.appendUIDMessages(new Message[] { message });
            return uids == null || uids.length == 0 ? null : uids[0];
        } catch (MessagingException | RuntimeException e) {
            throw fail("APPEND " + mailbox, e);
        }
    }

    /** LIST "" pattern: the mailboxes matching it. */
    List<ImapMailbox> list(String pattern) {
        ProtocolArguments.requireValue("list pattern", pattern);
        try {
            List<ImapMailbox> result = new ArrayList<>();
            for (Folder f : store.getDefaultFolder().list(pattern)) {
                IMAPFolder imap = (IMAPFolder) f;
                result.add(new ImapMailbox(imap.getFullName(), imap.getSeparator(), Arrays.asList(imap.getAttributes())));
            }
            return result;
        } catch (MessagingException | RuntimeException e) {
            throw fail("LIST \"\" " + pattern, e);
        }
    }

    /** CREATE: fails when the mailbox exists or the server refuses it. */
    void create(String mailbox) {
        checkMailbox(mailbox);
        try {
            Folder f = store.getFolder(mailbox);
            if (f.exists()) {
                throw new ImapReplyException("CREATE " + mailbox, "NO", "[ALREADYEXISTS] the mailbox exists");
            }
            if (!f.create(Folder.HOLDS_MESSAGES)) {
                throw new ImapReplyException("CREATE " + mailbox, "NO", "the server refused to create the mailbox");
            }
        } catch (MessagingException | RuntimeException e) {
            throw fail("CREATE " + mailbox, e);
        }
    }

    /** DELETE: fails when the mailbox does not exist or the server refuses it. */
    void delete(String mailbox) {
        checkMailbox(mailbox);
        if (folder != null && folder.getFullName().equals(mailbox)) {
            closeMailbox(false);
        }
        try {
            Folder f = store.getFolder(mailbox);
            if (!f.exists()) {
                throw new ImapReplyException("DELETE " + mailbox, "NO", "[NONEXISTENT] no such mailbox");
            }
            if (!f.delete(false)) {
                throw new ImapReplyException("DELETE " + mailbox, "NO", "the server refused to delete the mailbox");
            }
        } catch (MessagingException | RuntimeException e) {
            throw fail("DELETE " + mailbox, e);
        }
    }

    /**
     * IDLE on the selected mailbox until the server reports a change (such as a new message) or {@code maxMillis}
     * passed, whichever comes first; then DONE. The timer ends an IDLE that outlives {@code maxMillis}, repeating every
     * second until it has (an abort that raced with the start of the IDLE is retried).
     */
    void idle(long maxMillis, ScheduledExecutorService timer) {
        IMAPFolder f = selected();
        ScheduledFuture<?> breaker = timer.scheduleWithFixedDelay(this::abortIdle, maxMillis, 1000, TimeUnit.MILLISECONDS);
        try {
            f.idle(true);
        } catch (MessagingException | RuntimeException e) {
            throw fail("IDLE", e);
        } finally {
            breaker.cancel(false);
        }
    }

    /** Ends a running IDLE (from another thread): any command on the folder makes Angus Mail send DONE first. */
    void abortIdle() {
        IMAPFolder f = folder;
        if (f != null && f.isOpen()) {
            try {
                f.doCommand(p -> null);
            } catch (MessagingException | RuntimeException e) {
                // the IDLE ends with the connection
            }
        }
    }

    /** NOOP: fails with {@link ConnectionFailedException} when the server no longer answers. */
    void noop() {
        if (!store.isConnected()) {
            broken = true;
            throw new ConnectionFailedException("The IMAP server " + server + " did not answer NOOP: connection lost", null);
        }
    }

    @Override
    public boolean isConnected() {
        return !broken;
    }

    @Override
    public void check() {
        noop();
    }

    /** Logs out (closing the selected mailbox without expunging), quietly. */
    @Override
    public void close() {
        IMAPFolder f = folder;
        folder = null;
        if (f != null && f.isOpen()) {
            try {
                f.close(false);
            } catch (MessagingException | RuntimeException e) {
                // logging out anyway
            }
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone either way
        } finally {
            closeSockets.run();
        }
    }

    private static void checkMailbox(String mailbox) {
        ProtocolArguments.requireValue("mailbox name", mailbox);
    }

    private IMAPFolder selected() {
        if (folder == null) {
            throw new IllegalStateException("No IMAP mailbox is selected on " + server);
        }
        if (!folder.isOpen()) {
            // Angus Mail closes a selected folder whose connection was lost
            broken = true;
            throw new ConnectionFailedException("The connection to the IMAP server " + server + " was lost: mailbox "
                                                + folder.getFullName() + " is no longer selected", null);
        }
        return folder;
    }

    /** Lets the folder see unsolicited responses (EXPUNGE, EXISTS, FETCH), then fails on NO or BAD. */
    private static void finish(IMAPProtocol p, Response[] responses) throws Exception {
        p.notifyResponseHandlers(responses);
        p.handleResult(responses[responses.length - 1]);
    }

    private <T> T run(String command, Command<T> work) {
        IMAPFolder f = selected();
        try {
            @SuppressWarnings("unchecked")
            T result = (T) f.doCommand(p -> {
                try {
                    return work.run(p);
                } catch (org.eclipse.angus.mail.iap.ProtocolException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new org.eclipse.angus.mail.iap.ProtocolException(e.getMessage(), e);
                }
            });
            return result;
        } catch (MessagingException | RuntimeException e) {
            throw fail(command, e);
        }
    }

    private RuntimeException fail(String command, Exception e) {
        RuntimeException failure = ImapFailures.command(server, command, e);
        if (failure instanceof ConnectionFailedException || !(e instanceof MessagingException || e instanceof NetprotoException)) {
            broken = true;
        }
        return failure;
    }
}
