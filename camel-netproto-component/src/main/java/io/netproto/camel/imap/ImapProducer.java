package io.netproto.camel.imap;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.netproto.camel.mail.MailBinding;
import io.netproto.camel.mail.MailBindingOptions;
import io.netproto.camel.mail.MailStreamProviders;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.NetprotoException;
import io.netproto.camel.support.ProtocolArguments;
import io.netproto.camel.support.SessionPool;
import io.netproto.camel.support.SizeLimitExceededException;
import io.netproto.camel.support.SizeLimits;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;
import org.apache.camel.support.HeaderSelectorProducer;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * The imap producer: one method per operation, chosen by the header CamelImapOperation or the operation option.
 * <p>
 * Logged-in sessions are kept in a small pool (maxIdleSessions) and reused; concurrent exchanges each borrow their own.
 * Each operation selects the mailbox it needs (header CamelImapMailbox, else the folder option); a mailbox is closed
 * without expunging. Messages are addressed by UID (header CamelImapUid), never by sequence number.
 */
public class ImapProducer extends HeaderSelectorProducer {

    @FunctionalInterface
    private interface SessionWork<T> {
        T run(ImapClient client) throws Exception;
    }

    private static final Session PARSING = Session.getInstance(new Properties());

    private final ImapEndpoint endpoint;
    private final ImapConfiguration cfg;
    private final MailBinding binding;
    private final MailStreamProviders providers = new MailStreamProviders();
    private SessionPool<ImapClient> pool;

    public ImapProducer(ImapEndpoint endpoint) {
        super(endpoint, ImapConstants.OPERATION, () -> defaultOperation(endpoint.getConfiguration()));
        this.endpoint = endpoint;
        this.cfg = endpoint.getConfiguration();
        this.binding = new MailBinding(MailBindingOptions.defaults().withMapMailMessage(cfg.isMapMailMessage()));
    }

    private static String defaultOperation(ImapConfiguration cfg) {
        return cfg.getOperation() == null ? null : cfg.getOperation().name();
    }

    @Override
    protected void doStart() throws Exception {
        pool = new SessionPool<>(endpoint::openClient, cfg.getMaxIdleSessions(), 30_000);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    @SuppressWarnings("try") // the scope only sets the context class loader for the block
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Object op = exchange.getIn().getHeader(ImapConstants.OPERATION);
        String problem = null;
        if (op == null && cfg.getOperation() == null) {
            problem = "No IMAP operation: set the operation option or the header " + ImapConstants.OPERATION;
        } else if (op != null && !(op instanceof ImapOperation)) {
            try {
                ImapOperation.valueOf(op.toString());
            } catch (IllegalArgumentException e) {
                problem = "Unknown IMAP operation '" + op + "' in header " + ImapConstants.OPERATION + "; valid: "
                          + Arrays.toString(ImapOperation.values());
            }
        }
        if (problem != null) {
            exchange.setException(new IllegalArgumentException(problem));
            callback.done(true);
            return true;
        }
        try (MailStreamProviders.Scope mime = providers.enter()) {
            return super.process(exchange, callback);
        }
    }

    /** Runs the work on a pooled session; a session whose connection failed is discarded, not reused. */
    private <T> T inSession(SessionWork<T> work) throws Exception {
        ImapClient client = pool.borrow();
        try {
            T result = work.run(client);
            pool.release(client);
            return result;
        } catch (ConnectionFailedException e) {
            pool.discard(client);
            throw e;
        } catch (Exception e) {
            if (client.isConnected()) {
                pool.release(client);
            } else {
                pool.discard(client);
            }
            throw e;
        }
    }

    /**
     * Runs a read-only command (search, fetch without RFC822, list, noop): a connection found lost is replaced and the
     * command runs once more on a new one, as nothing was changed on the server.
     */
    private <T> T readOnly(SessionWork<T> work) throws Exception {
        try {
            return inSession(work);
        } catch (ConnectionFailedException e) {
            return inSession(work);
        }
    }

    @InvokeOnHeader("select")
    public ImapMailboxStatus select(Exchange exchange) throws Exception {
        String mailbox = mailbox(exchange);
        Boolean readOnly = exchange.getIn().getHeader(ImapConstants.READ_ONLY, Boolean.class);
        boolean ro = readOnly != null ? readOnly : cfg.isReadOnly();
        ImapMailboxStatus status = inSession(c -> {
            ImapMailboxStatus s = c.select(mailbox, ro);
            // a read-only selection must not stay the session's selection for operations that change it
            c.closeMailbox(false);
            return s;
        });
        exchange.getMessage().setHeader(ImapConstants.UID_VALIDITY, status.uidValidity());
        return status;
    }

    @InvokeOnHeader("search")
    public List<Long> search(Exchange exchange) throws Exception {
        String mailbox = mailbox(exchange);
        String criteria = ImapCriteria.check("header " + ImapConstants.CRITERIA,
                header(exchange, ImapConstants.CRITERIA, cfg.getCriteria()));
        String charset = header(exchange, ImapConstants.CHARSET, cfg.getCharset());
        return readOnly(c -> {
            c.open(mailbox, false);
            return c.search(criteria, charset);
        });
    }

    @InvokeOnHeader("fetch")
    public Object fetch(Exchange exchange) throws Exception {
        String mailbox = mailbox(exchange);
        String uids = ImapUids.toSet("header " + ImapConstants.UID, exchange.getIn().getHeader(ImapConstants.UID));
        Set<ImapFetchPart> parts = ImapFetchPart.parse(header(exchange, ImapConstants.FETCH_PARTS, cfg.getFetchParts()));
        if (!parts.contains(ImapFetchPart.RFC822)) {
            return readOnly(c -> {
                c.open(mailbox, false);
                return c.fetch(uids, parts);
            });
        }
        if (!uids.matches("\\d+")) {
            throw new IllegalArgumentException("Fetching RFC822 maps one message onto the exchange: give exactly one UID in"
                                               + " header " + ImapConstants.UID + ", was '" + uids + "'");
        }
        long uid = Long.parseLong(uids);
        inSession(c -> {
            c.open(mailbox, false);
            IMAPMessage message = c.message(uid);
            if (message == null) {
                throw new ImapReplyException("UID FETCH " + uid + " (BODY.PEEK[])", "NO",
                        "no message with UID " + uid + " in " + mailbox);
            }
            long size = message.getSize();
            if (SizeLimits.exceeds(size, cfg.getMaxMessageSize())) {
                throw new SizeLimitExceededException("IMAP message UID " + uid + " in " + mailbox, size, "maxMessageSize",
                        cfg.getMaxMessageSize(), "not fetched");
            }
            Message out = binding.fill(exchange.getMessage(), message, !cfg.isMapMailMessage());
            out.setHeader(ImapConstants.UID, uid);
            out.setHeader(ImapConstants.MAILBOX, mailbox);
            out.setHeader(ImapConstants.UID_VALIDITY, c.uidValidity());
            out.setHeader(ImapConstants.FLAGS, String.join(" ", ImapFlags.names(message.getFlags())));
            return null;
        });
        return exchange.getMessage().getBody();
    }

    @InvokeOnHeader("store")
    public List<ImapFetchResult> store(Exchange exchange) throws Exception {
        String mailbox = mailbox(exchange);
        String uids = ImapUids.toSet("header " + ImapConstants.UID, exchange.getIn().getHeader(ImapConstants.UID));
        String flags = exchange.getIn().getHeader(ImapConstants.FLAGS, String.class);
        ImapFlags.flagList(flags); // checked before any connection is used
        ImapStoreMode mode = exchange.getIn().getHeader(ImapConstants.STORE_MODE, ImapStoreMode.add, ImapStoreMode.class);
        return inSession(c -> {
            c.open(mailbox, false);
            c.store(uids, mode, flags);
            return c.fetch(uids, Set.of(ImapFetchPart.FLAGS));
        });
    }

    @InvokeOnHeader("copy")
    public ImapCopyResult copy(Exchange exchange) throws Exception {
        String mailbox = mailbox(exchange);
        String uids = ImapUids.toSet("header " + ImapConstants.UID, exchange.getIn().getHeader(ImapConstants.UID));
        String destination = destination(exchange);
        return inSession(c -> {
            c.open(mailbox, false);
            return c.copy(uids, destination);
        });
    }

    @InvokeOnHeader("move")
    public ImapCopyResult move(Exchange exchange) throws Exception {
        String mailbox = mailbox(exchange);
        String uids = ImapUids.toSet("header " + ImapConstants.UID, exchange.getIn().getHeader(ImapConstants.UID));
        String destination = destination(exchange);
        return inSession(c -> {
            c.open(mailbox, false);
            return c.move(uids, destination);
        });
    }

    @InvokeOnHeader("expunge")
    public List<Long> expunge(Exchange exchange) throws Exception {
        String mailbox = mailbox(exchange);
        boolean all = exchange.getIn().getHeader(ImapConstants.EXPUNGE_ALL, false, Boolean.class);
        Object rawUids = exchange.getIn().getHeader(ImapConstants.UID);
        if (all && rawUids != null) {
            throw new IllegalArgumentException("Header " + ImapConstants.EXPUNGE_ALL + "=true expunges every \\Deleted message:"
                                               + " remove header " + ImapConstants.UID + ", or set only the UIDs");
        }
        String uids = all ? null : ImapUids.toSet("header " + ImapConstants.UID, rawUids);
        return inSession(c -> {
            c.open(mailbox, false);
            return all ? c.expungeAll() : c.uidExpunge(uids);
        });
    }

    @InvokeOnHeader("append")
    public Long append(Exchange exchange) throws Exception {
        String mailbox = mailbox(exchange);
        String flags = exchange.getIn().getHeader(ImapConstants.FLAGS, String.class);
        if (flags != null) {
            ImapFlags.flagList(flags); // checked before any connection is used
        }
        MimeMessage message = toMimeMessage(exchange);
        AppendUID appended = inSession(c -> c.append(mailbox, message, flags));
        Message out = exchange.getMessage();
        out.setHeader(ImapConstants.MAILBOX, mailbox);
        if (appended == null) {
            out.removeHeader(ImapConstants.UID);
            return null;
        }
        out.setHeader(ImapConstants.UID, appended.uid);
        out.setHeader(ImapConstants.UID_VALIDITY, appended.uidvalidity);
        return appended.uid;
    }

    @InvokeOnHeader("list")
    public List<ImapMailbox> list(Exchange exchange) throws Exception {
        String pattern = header(exchange, ImapConstants.PATTERN, "*");
        return readOnly(c -> c.list(pattern));
    }

    @InvokeOnHeader("create")
    public String create(Exchange exchange) throws Exception {
        String mailbox = requiredMailbox(exchange, "create");
        inSession(c -> {
            c.create(mailbox);
            return null;
        });
        return mailbox;
    }

    @InvokeOnHeader("delete")
    public String delete(Exchange exchange) throws Exception {
        String mailbox = requiredMailbox(exchange, "delete");
        inSession(c -> {
            c.delete(mailbox);
            return null;
        });
        return mailbox;
    }

    @InvokeOnHeader("noop")
    public Boolean noop(Exchange exchange) throws Exception {
        return readOnly(c -> {
            c.noop();
            return Boolean.TRUE;
        });
    }

    private MimeMessage toMimeMessage(Exchange exchange) throws InvalidPayloadException {
        Object body = exchange.getIn().getBody();
        if (body instanceof MimeMessage mime) {
            return mime;
        }
        InputStream in = exchange.getIn().getMandatoryBody(InputStream.class);
        try {
            return new MimeMessage(PARSING, in);
        } catch (MessagingException e) {
            throw new NetprotoException("The body to append is not an RFC 822 message: " + e.getMessage(), e);
        }
    }

    private String mailbox(Exchange exchange) {
        return ProtocolArguments.requireValue("header " + ImapConstants.MAILBOX,
                header(exchange, ImapConstants.MAILBOX, cfg.getFolder()));
    }

    private static String requiredMailbox(Exchange exchange, String operation) {
        String mailbox = exchange.getIn().getHeader(ImapConstants.MAILBOX, String.class);
        if (mailbox == null || mailbox.isBlank()) {
            throw new IllegalArgumentException("The " + operation + " operation needs the header " + ImapConstants.MAILBOX
                                               + " (it never defaults to the folder option)");
        }
        return ProtocolArguments.requireSingleLine("header " + ImapConstants.MAILBOX, mailbox);
    }

    private static String destination(Exchange exchange) {
        return ProtocolArguments.requireValue("header " + ImapConstants.DESTINATION,
                exchange.getIn().getHeader(ImapConstants.DESTINATION, String.class));
    }

    private static String header(Exchange exchange, String name, String fallback) {
        String value = exchange.getIn().getHeader(name, String.class);
        return ProtocolArguments.requireSingleLine("header " + name, value != null ? value : fallback);
    }
}
