package io.netproto.camel.smtp;

import java.util.Arrays;

import io.netproto.camel.mail.MailBinding;
import io.netproto.camel.mail.MailStreamProviders;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.NetprotoException;
import io.netproto.camel.support.SessionPool;
import io.netproto.camel.support.SizeLimitExceededException;
import io.netproto.camel.support.SizeLimits;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;
import org.apache.camel.support.HeaderSelectorProducer;

/**
 * The smtp producer: one method per operation, chosen by the header CamelSmtpOperation or the operation option
 * (default sendmail). Logged-in connections are pooled: sequential exchanges share one connection, concurrent
 * exchanges each borrow their own. A connection idle for more than {@value #CHECK_AFTER_IDLE_MILLIS} ms is proven with
 * RSET before reuse (Angus Mail itself sends RSET after a failed transaction); a mail whose connection turns out to be
 * lost before DATA (so nothing was delivered) is sent once more on a new connection.
 */
public class SmtpProducer extends HeaderSelectorProducer {

    @FunctionalInterface
    private interface ClientWork<T> {
        T run(SmtpClient client) throws MessagingException;
    }

    /** Idle time after which a pooled connection is proven with RSET before reuse. */
    static final long CHECK_AFTER_IDLE_MILLIS = 5_000;

    private final SmtpEndpoint endpoint;
    private final SmtpConfiguration cfg;
    private final MailBinding binding;
    private final MailStreamProviders providers = new MailStreamProviders();
    private Session session;
    private SessionPool<SmtpClient> pool;

    public SmtpProducer(SmtpEndpoint endpoint) {
        super(endpoint, SmtpConstants.OPERATION, () -> endpoint.getConfiguration().getOperation().name());
        this.endpoint = endpoint;
        this.cfg = endpoint.getConfiguration();
        this.binding = new MailBinding(cfg.bindingOptions());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        session = endpoint.createSession();
        pool = new SessionPool<>(() -> endpoint.openClient(session, true), cfg.getMaxIdleSessions(),
                CHECK_AFTER_IDLE_MILLIS);
    }

    @Override
    protected void doStop() throws Exception {
        if (pool != null) {
            pool.close();
        }
        super.doStop();
    }

    @Override
    @SuppressWarnings("try") // the scope only sets the context class loader for the block
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Object op = exchange.getIn().getHeader(SmtpConstants.OPERATION);
        if (op != null && !(op instanceof SmtpOperation)) {
            try {
                SmtpOperation.valueOf(op.toString());
            } catch (IllegalArgumentException e) {
                exchange.setException(new IllegalArgumentException("Unknown smtp operation '" + op + "' in header "
                        + SmtpConstants.OPERATION + "; valid: " + Arrays.toString(SmtpOperation.values())));
                callback.done(true);
                return true;
            }
        }
        try (MailStreamProviders.Scope mime = providers.enter()) {
            return super.process(exchange, callback);
        }
    }

    /** Idle connections kept for reuse (for tests and monitoring). */
    int idleConnections() {
        return pool.idleCount();
    }

    @InvokeOnHeader("sendmail")
    public void sendmail(Exchange exchange) throws MessagingException {
        Message in = exchange.getMessage();
        String notify = SmtpConfiguration.notifyOptions(
                header(in, SmtpConstants.DSN_NOTIFY, cfg.getDsnNotify()));
        String ret = header(in, SmtpConstants.DSN_RET, cfg.getDsnRet());
        if (ret != null && !ret.equals("FULL") && !ret.equals("HDRS")) {
            throw new IllegalArgumentException("Header " + SmtpConstants.DSN_RET + " must be FULL or HDRS, was " + ret);
        }
        MimeMessage message = SmtpClient.newMessage(session, cfg.getEnvelopeFrom(), notify, ret, cfg.getMailExtension(),
                cfg.isSendPartial());
        binding.populate(message, exchange, cfg.addressing());
        long size = -1;
        if (cfg.getMaxMessageSize() > 0) {
            size = SmtpClient.size(message);
            if (SizeLimits.exceeds(size, cfg.getMaxMessageSize())) {
                throw new SizeLimitExceededException("The mail", size, "maxMessageSize", cfg.getMaxMessageSize(), "not sent");
            }
        }
        long knownSize = size;
        SendResult result = withClient(false, client -> client.send(message, knownSize));
        Message out = exchange.getMessage();
        out.setHeader(SmtpConstants.SEND_RESULT, result);
        out.setHeader(SmtpConstants.MESSAGE_ID, result.messageId());
        reply(out, result.replyCode(), result.replyText());
    }

    @InvokeOnHeader("noop")
    public void noop(Exchange exchange) throws MessagingException {
        SmtpReply reply = withClient(true, SmtpClient::noop);
        exchange.getMessage().setBody(reply);
        reply(exchange.getMessage(), reply.code(), reply.text());
    }

    @InvokeOnHeader("ehlo")
    public void ehlo(Exchange exchange) {
        greet(exchange, true);
    }

    @InvokeOnHeader("helo")
    public void helo(Exchange exchange) {
        greet(exchange, false);
    }

    /** A session of its own, so the pooled connections keep their EHLO state. */
    private void greet(Exchange exchange, boolean useEhlo) {
        SmtpClient client = endpoint.openClient(session, useEhlo);
        try {
            SmtpGreeting greeting = client.greeting();
            exchange.getMessage().setBody(greeting);
            reply(exchange.getMessage(), greeting.replyCode(), String.join(" ", greeting.reply()));
        } finally {
            client.close();
        }
    }

    private static String header(Message in, String name, String configured) {
        String value = in.getHeader(name, String.class);
        return value != null ? value.trim().toUpperCase(java.util.Locale.ROOT) : configured;
    }

    private static void reply(Message out, int code, String text) {
        out.setHeader(SmtpConstants.REPLY_CODE, code);
        out.setHeader(SmtpConstants.REPLY_STRING, text);
    }

    /**
     * Runs work on a pooled connection. A connection lost during the work is discarded; the work is repeated once on
     * a new connection only when {@code retry} (commands without effect, such as NOOP) or when the lost send never
     * reached DATA (nothing was delivered) — a mail is never sent twice.
     */
    private <T> T withClient(boolean retry, ClientWork<T> work) throws MessagingException {
        return withClient(retry, work, true);
    }

    private <T> T withClient(boolean retry, ClientWork<T> work, boolean firstAttempt) throws MessagingException {
        SmtpClient client = pool.borrow();
        try {
            T result = work.run(client);
            pool.release(client);
            return result;
        } catch (ConnectionFailedException e) {
            pool.discard(client);
            if (firstAttempt && (retry || client.sentNothing())) {
                return withClient(retry, work, false);
            }
            throw e;
        } catch (MessagingException e) {
            release(client);
            throw new NetprotoException("SMTP error: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(client);
            throw e;
        }
    }

    private void release(SmtpClient client) {
        if (client.isConnected()) {
            pool.release(client);
        } else {
            pool.discard(client);
        }
    }
}
