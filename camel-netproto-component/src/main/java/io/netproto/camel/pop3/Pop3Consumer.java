package io.netproto.camel.pop3;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netproto.camel.mail.MailStreamProviders;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.SizeLimits;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the mailbox and delivers one exchange per message, one message at a time. Each poll is one POP3 session (the
 * server shows a session the mailbox as it was at login and locks it, so sessions are not kept between polls).
 * <p>
 * Commit protocol, per message: the message is retrieved (spooled to disk) and routed. Only when its exchange
 * succeeded is it marked for deletion (delete=true) and its unique id recorded in the idempotent repository; a failed
 * exchange leaves the message untouched, to be delivered again by the next poll. The marked messages are deleted (DELE)
 * right before the QUIT that ends the poll, and the server carries the deletions out at that QUIT. When the connection
 * is lost before QUIT, nothing is deleted; the next poll finds the messages again, skips those whose id is known and
 * deletes them. Known ids are skipped whatever the reason, so with a persistent repository even a crash between
 * processing and QUIT delivers nothing twice; with the default in-memory repository it causes a redelivery
 * (at least once, never lost).
 */
public class Pop3Consumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(Pop3Consumer.class);
    private static final int DEFAULT_REPOSITORY_SIZE = 10_000;

    private final Pop3Endpoint endpoint;
    private final Pop3Configuration cfg;
    private final Pop3Mapping mapping;
    private final MailStreamProviders providers = new MailStreamProviders();
    private final String keyPrefix;
    private IdempotentRepository repository;
    private volatile Pop3Client client;
    /** Messages over maxMessageSize already warned about, by unique id (or number and size). */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** A message of the current poll, to be delivered. */
    private record Candidate(int number, String uid, long size) {
    }

    public Pop3Consumer(Pop3Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.cfg = endpoint.getConfiguration();
        this.mapping = new Pop3Mapping(cfg);
        this.keyPrefix = cfg.getUsername() + "@" + cfg.getHost() + "/";
        setMaxMessagesPerPoll(cfg.getMaxMessagesPerPoll());
    }

    @Override
    protected void doStart() throws Exception {
        repository = cfg.getIdempotentRepository() != null
                ? cfg.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
        ServiceHelper.startService(repository);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        Pop3Client c = client;
        if (c != null) {
            c.close();
        }
        if (cfg.getIdempotentRepository() == null) {
            ServiceHelper.stopService(repository);
        }
    }

    /** The repository key of a unique id: the mailbox and the id, so one repository can serve several mailboxes. */
    String key(String uid) {
        return keyPrefix + uid;
    }

    @Override
    protected int poll() throws Exception {
        Pop3Client c = endpoint.openClient();
        client = c;
        try {
            int count = c.messageCount();
            int delivered = count == 0 ? 0 : processBatch(candidates(c, count));
            c.quit();
            return delivered;
        } finally {
            client = null;
            c.close();
        }
    }

    /**
     * The messages to deliver, in mailbox order, at most maxMessagesPerPoll. Messages whose id is known were processed
     * before: they are not delivered, and with delete=true marked for deletion again (a deletion lost with a
     * connection or a crash before QUIT).
     */
    private Queue<Object> candidates(Pop3Client c, int count) {
        Map<Integer, String> uids = c.uids();
        if (uids.isEmpty() && !cfg.isDelete()) {
            throw new Pop3ReplyException("UIDL", "the server " + c.server() + " does not support UIDL, which delete=false"
                                                 + " needs to remember the messages it delivered");
        }
        Map<Integer, Long> sizes = new HashMap<>();
        for (Pop3ListEntry entry : c.list()) {
            sizes.put(entry.number(), entry.size());
        }
        Queue<Object> batch = new ArrayDeque<>();
        for (int number = 1; number <= count; number++) {
            String uid = uids.get(number);
            if (uid != null && repository.contains(key(uid))) {
                if (cfg.isDelete()) {
                    c.markDeleted(number);
                }
            } else if (!tooLarge(number, uid, sizes.getOrDefault(number, -1L))
                       && (maxMessagesPerPoll <= 0 || batch.size() < maxMessagesPerPoll)) {
                batch.add(new Candidate(number, uid, sizes.getOrDefault(number, -1L)));
            }
        }
        return batch;
    }

    /** maxMessageSize: a larger message stays on the server, untouched; warned about once per message. */
    private boolean tooLarge(int number, String uid, long size) {
        if (!SizeLimits.exceeds(size, cfg.getMaxMessageSize())) {
            return false;
        }
        String id = uid != null ? uid : "#" + number + "/" + size;
        if (warned.size() < 10_000 && warned.add(id)) {
            LOG.warn("Not retrieving POP3 message {} from {}: it is {} bytes, over the limit maxMessageSize={} bytes;"
                     + " it stays on the server",
                    number + (uid != null ? " (uid " + uid + ")" : ""), keyPrefix, size, cfg.getMaxMessageSize());
        }
        return true;
    }

    @Override
    public int processBatch(Queue<Object> messages) throws Exception {
        int total = messages.size();
        int delivered = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Candidate message = (Candidate) messages.poll();
            pendingExchanges = total - index - 1;
            if (deliver(message, index, total)) {
                delivered++;
            }
        }
        pendingExchanges = 0;
        return delivered;
    }

    @SuppressWarnings("try") // the scope only sets the context class loader for the block
    private boolean deliver(Candidate candidate, int index, int total) {
        Pop3Client c = client;
        Exchange exchange = createExchange(false);
        Message in;
        try (MailStreamProviders.Scope parsing = providers.enter()) {
            MimeMessage message = c.retrieve(candidate.number());
            in = mapping.fill(exchange.getIn(), message, mapping.isMapped() ? null : c.retrieveRaw(candidate.number()));
        } catch (ConnectionFailedException e) {
            releaseExchange(exchange, false);
            throw e;
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Cannot retrieve POP3 message " + describe(candidate) + " from "
                                                  + c.server() + "; it stays on the server",
                    exchange, e);
            releaseExchange(exchange, false);
            c.release(candidate.number());
            return false;
        }
        in.setHeader(Pop3Constants.MESSAGE_NUMBER, candidate.number());
        if (candidate.uid() != null) {
            in.setHeader(Pop3Constants.UID, candidate.uid());
        }
        if (candidate.size() >= 0) {
            in.setHeader(Pop3Constants.SIZE, candidate.size());
        }
        exchange.setProperty(Exchange.BATCH_INDEX, index);
        exchange.setProperty(Exchange.BATCH_SIZE, total);
        exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
        exchange.getExchangeExtension().addOnCompletion(new Commit(c, candidate));
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing POP3 message " + describe(candidate) + " from "
                                                  + c.server() + "; it stays on the server for the next poll",
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        c.release(candidate.number());
        return true;
    }

    private static String describe(Candidate candidate) {
        return candidate.number() + (candidate.uid() != null ? " (uid " + candidate.uid() + ")" : "");
    }

    /** Commits a message once its exchange succeeded; leaves it untouched when the exchange failed. */
    private final class Commit extends SynchronizationAdapter {
        private final Pop3Client session;
        private final Candidate candidate;

        Commit(Pop3Client session, Candidate candidate) {
            this.session = session;
            this.candidate = candidate;
        }

        @Override
        public boolean allowHandover() {
            // the commit belongs to this poll's session: it must not travel with a copy of the exchange
            return false;
        }

        @Override
        public void onComplete(Exchange exchange) {
            if (cfg.isDelete()) {
                session.markDeleted(candidate.number());
            }
            if (candidate.uid() != null) {
                String key = key(candidate.uid());
                repository.add(key);
                repository.confirm(key);
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            LOG.debug("POP3 message {} not committed: its exchange failed", describe(candidate));
        }
    }
}
