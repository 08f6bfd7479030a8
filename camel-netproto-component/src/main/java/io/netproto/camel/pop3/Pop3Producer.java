package io.netproto.camel.pop3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.netproto.camel.mail.MailStreamProviders;
import io.netproto.camel.support.ProtocolArguments;
import io.netproto.camel.support.SizeLimitExceededException;
import io.netproto.camel.support.SizeLimits;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;
import org.apache.camel.support.HeaderSelectorProducer;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The pop3 producer: one method per operation, chosen by the header CamelPop3Operation or the operation option.
 * <p>
 * Each exchange is one POP3 session: log in, perform the operation, QUIT. Sessions are not pooled across exchanges:
 * a POP3 server locks the mailbox for the session and carries out deletions only at QUIT, so a kept session would
 * hold the lock (refusing every other client, including this endpoint's consumer) and delay every dele indefinitely.
 * Message numbers are only valid within one session; the header CamelPop3Uid selects a message by its stable unique
 * id instead, and wins when both are set.
 */
public class Pop3Producer extends HeaderSelectorProducer {

    @FunctionalInterface
    private interface SessionWork<T> {
        T run(Pop3Client client);
    }

    private final Pop3Endpoint endpoint;
    private final Pop3Configuration cfg;
    private final Pop3Mapping mapping;
    private final MailStreamProviders providers = new MailStreamProviders();

    public Pop3Producer(Pop3Endpoint endpoint) {
        super(endpoint, Pop3Constants.OPERATION, () -> defaultOperation(endpoint.getConfiguration()));
        this.endpoint = endpoint;
        this.cfg = endpoint.getConfiguration();
        this.mapping = new Pop3Mapping(cfg);
    }

    private static String defaultOperation(Pop3Configuration cfg) {
        return cfg.getOperation() == null ? null : cfg.getOperation().name();
    }

    @Override
    @SuppressWarnings("try") // the scope only sets the context class loader for the block
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Object op = exchange.getIn().getHeader(Pop3Constants.OPERATION);
        String problem = null;
        if (op == null && cfg.getOperation() == null) {
            problem = "No POP3 operation: set the operation option or the header " + Pop3Constants.OPERATION;
        } else if (op != null && !(op instanceof Pop3Operation)) {
            try {
                Pop3Operation.valueOf(op.toString());
            } catch (IllegalArgumentException e) {
                problem = "Unknown POP3 operation '" + op + "' in header " + Pop3Constants.OPERATION + "; valid: "
                          + Arrays.toString(Pop3Operation.values());
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

    /** Logs in, runs the work, and ends the session with QUIT (which carries out deletions). */
    private <T> T inSession(SessionWork<T> work) {
        Pop3Client client = endpoint.openClient();
        try {
            T result = work.run(client);
            client.quit();
            return result;
        } finally {
            client.close();
        }
    }

    @InvokeOnHeader("stat")
    public Pop3Status stat(Exchange exchange) {
        return inSession(Pop3Client::stat);
    }

    @InvokeOnHeader("list")
    public Object list(Exchange exchange) {
        Selection selection = Selection.of(exchange, false);
        return inSession(c -> {
            List<Pop3ListEntry> entries = c.list();
            if (!selection.present()) {
                return entries;
            }
            int number = selection.resolve(c);
            return entries.stream().filter(e -> e.number() == number).findFirst()
                    .orElseThrow(() -> new Pop3NoSuchMessageException("LIST has no entry for message " + number
                                                                       + " on " + c.server()));
        });
    }

    @InvokeOnHeader("uidl")
    public Object uidl(Exchange exchange) {
        Selection selection = Selection.of(exchange, false);
        return inSession(c -> {
            if (!selection.present()) {
                Map<Integer, String> uids = c.uids();
                if (uids.isEmpty() && c.messageCount() > 0) {
                    throw unsupportedUidl(c);
                }
                return uids;
            }
            int number = selection.resolve(c);
            String uid = c.uid(number);
            if (uid == null) {
                throw unsupportedUidl(c);
            }
            return uid;
        });
    }

    private static Pop3ReplyException unsupportedUidl(Pop3Client c) {
        return new Pop3ReplyException("UIDL", "the server " + c.server() + " does not support UIDL");
    }

    @InvokeOnHeader("retr")
    public void retr(Exchange exchange) throws IOException {
        Selection selection = Selection.of(exchange, true);
        Retrieved retrieved = inSession(c -> {
            int number = selection.resolve(c);
            String uid = c.uid(number);
            checkSize(c, number, uid);
            return new Retrieved(number, uid, Pop3Spool.copy(c.retrieveRaw(number), cfg.getSpoolDirectory()));
        });
        Pop3Spool spool = retrieved.spool();
        long size = spool.size();
        Message out;
        try (InputStream parsed = spool.open()) {
            out = mapping.fill(exchange.getMessage(), mapping.parse(parsed), mapping.isMapped() ? null : spool.handOver());
        } catch (RuntimeException | IOException e) {
            spool.close();
            throw e;
        }
        if (mapping.isMapped()) {
            // the binding copied what it needs
            spool.close();
        } else {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onFailure(Exchange failed) {
                    // nobody reads the body of a failed exchange
                    spool.close();
                }
            });
        }
        headers(out, retrieved.number(), retrieved.uid(), size);
    }

    /** maxMessageSize: the size LIST reports, checked before RETR. */
    private void checkSize(Pop3Client c, int number, String uid) {
        if (cfg.getMaxMessageSize() <= 0) {
            return;
        }
        long size = c.list().stream().filter(e -> e.number() == number).mapToLong(Pop3ListEntry::size).findFirst().orElse(-1);
        if (SizeLimits.exceeds(size, cfg.getMaxMessageSize())) {
            throw new SizeLimitExceededException("POP3 message " + number + (uid != null ? " (uid " + uid + ")" : "") + " on "
                                                 + c.server(), size, "maxMessageSize", cfg.getMaxMessageSize(),
                    "not retrieved, it stays on the server");
        }
    }

    @InvokeOnHeader("dele")
    public Integer dele(Exchange exchange) {
        Selection selection = Selection.of(exchange, true);
        return inSession(c -> {
            int number = selection.resolve(c);
            c.markDeleted(number);
            return number;
        });
    }

    @InvokeOnHeader("top")
    public void top(Exchange exchange) {
        Selection selection = Selection.of(exchange, true);
        int lines = topLines(exchange);
        Top top = inSession(c -> {
            int number = selection.resolve(c);
            return new Top(number, c.uid(number), c.top(number, lines));
        });
        Message out = mapping.fillTop(exchange.getMessage(), top.content());
        headers(out, top.number(), top.uid(), -1);
        out.setHeader(Pop3Constants.TOP_LINES, lines);
    }

    @InvokeOnHeader("noop")
    public Boolean noop(Exchange exchange) {
        return inSession(c -> {
            c.noop();
            return Boolean.TRUE;
        });
    }

    @InvokeOnHeader("capa")
    public Map<String, String> capa(Exchange exchange) {
        return inSession(Pop3Client::capabilities);
    }

    private static int topLines(Exchange exchange) {
        Object raw = exchange.getIn().getHeader(Pop3Constants.TOP_LINES);
        if (raw == null) {
            return 0;
        }
        int lines = Selection.toInt(Pop3Constants.TOP_LINES, raw);
        if (lines < 0) {
            throw new IllegalArgumentException("Header " + Pop3Constants.TOP_LINES + " must be 0 or more, was " + lines);
        }
        return lines;
    }

    private static void headers(Message out, int number, String uid, long size) {
        out.setHeader(Pop3Constants.MESSAGE_NUMBER, number);
        if (uid != null) {
            out.setHeader(Pop3Constants.UID, uid);
        }
        if (size >= 0) {
            out.setHeader(Pop3Constants.SIZE, size);
        }
    }

    private record Retrieved(int number, String uid, Pop3Spool spool) {
    }

    private record Top(int number, String uid, byte[] content) {
    }

    /** The message an operation acts on: by unique id (preferred) or by number. */
    private record Selection(Integer number, String uid) {

        static Selection of(Exchange exchange, boolean required) {
            Message in = exchange.getIn();
            Object rawUid = in.getHeader(Pop3Constants.UID);
            Object rawNumber = in.getHeader(Pop3Constants.MESSAGE_NUMBER);
            String uid = rawUid == null ? null : ProtocolArguments.requireSingleLine("header " + Pop3Constants.UID,
                    rawUid.toString());
            Integer number = rawNumber == null ? null : toInt(Pop3Constants.MESSAGE_NUMBER, rawNumber);
            if (required && uid == null && number == null) {
                throw new IllegalArgumentException("This POP3 operation needs a message: set the header "
                                                   + Pop3Constants.MESSAGE_NUMBER + " or " + Pop3Constants.UID);
            }
            return new Selection(number, uid);
        }

        static int toInt(String header, Object raw) {
            if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
                return ((Number) raw).intValue();
            }
            String text = ProtocolArguments.requireSingleLine("header " + header, raw.toString()).trim();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Header " + header + " must be a whole number, was '" + text + "'", e);
            }
        }

        boolean present() {
            return uid != null || number != null;
        }

        int resolve(Pop3Client client) {
            return uid != null ? client.numberOf(uid) : number;
        }
    }
}
