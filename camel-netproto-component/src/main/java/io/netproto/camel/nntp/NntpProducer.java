package io.netproto.camel.nntp;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.SessionPool;
import io.netproto.camel.support.SizeLimitExceededException;
import io.netproto.camel.support.SizeLimits;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;
import org.apache.camel.support.HeaderSelectorProducer;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The nntp producer: one method per operation, chosen by the header CamelNntpOperation or the operation option
 * (default: post). Connections are pooled; each exchange borrows its own.
 * <p>
 * The current-article pointer of stat, next and last belongs to a connection, and the pooled connection serving one
 * exchange may not be the one that served the previous. So the pointer travels in the message instead: stat, next
 * and last set the headers CamelNntpGroup and CamelNntpArticleNumber, and next and last re-establish the pointer
 * from those headers (GROUP, then STAT of that number; the overview when that article has expired) before moving.
 * A route walks a group by repeating next
 * with the headers of the previous result, until the body is null.
 * <p>
 * article and body stream the article body: their result is an {@link NntpArticleBody} (headers loaded, body read
 * from the connection; converters give an InputStream, a String, a byte[] or a loaded {@link NntpArticle}), and the
 * connection returns to the pool when its stream is read to the end or closed; a failed exchange closes it. head
 * returns a loaded {@link NntpArticle} with a null body. The streamBody option is the consumer's only.
 */
public class NntpProducer extends HeaderSelectorProducer {

    @FunctionalInterface
    private interface SessionWork<T> {
        T run(NntpSession session);
    }

    private final NntpEndpoint endpoint;
    private final NntpConfiguration cfg;
    private SessionPool<NntpSession> pool;

    public NntpProducer(NntpEndpoint endpoint) {
        super(endpoint, NntpConstants.OPERATION, () -> endpoint.getConfiguration().getOperation() != null
                ? endpoint.getConfiguration().getOperation().name() : NntpOperation.post.name());
        this.endpoint = endpoint;
        this.cfg = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        pool = new SessionPool<>(endpoint::openSession, cfg.getMaxIdleSessions(), 5_000);
    }

    @Override
    protected void doStop() throws Exception {
        if (pool != null) {
            pool.close();
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Object op = exchange.getIn().getHeader(NntpConstants.OPERATION);
        if (op != null && !(op instanceof NntpOperation)) {
            try {
                NntpOperation.valueOf(op.toString());
            } catch (IllegalArgumentException e) {
                exchange.setException(new IllegalArgumentException("Unknown nntp operation '" + op + "' in header "
                                                                   + NntpConstants.OPERATION + "; valid: "
                                                                   + java.util.Arrays.toString(NntpOperation.values())));
                callback.done(true);
                return true;
            }
        }
        return super.process(exchange, callback);
    }

    /**
     * Runs the work on a borrowed session. When a reused pooled connection turns out to be broken (the server closed
     * it while idle, or answered 400), retryable work runs once more on a new connection; post is never repeated.
     */
    private <T> T withSession(Exchange exchange, boolean retryable, SessionWork<T> work) {
        NntpSession session = pool.borrow();
        boolean reused = session.isReused();
        try {
            T result = work.run(session);
            reply(exchange, session);
            session.markReused();
            pool.release(session);
            return result;
        } catch (ConnectionFailedException e) {
            pool.discard(session);
            if (retryable && reused) {
                return withSession(exchange, false, work);
            }
            throw e;
        } catch (RuntimeException e) {
            if (session.isConnected()) {
                session.markReused();
                pool.release(session);
            } else {
                pool.discard(session);
            }
            throw e;
        }
    }

    private static void reply(Exchange exchange, NntpSession session) {
        exchange.getMessage().setHeader(NntpConstants.REPLY_CODE, session.lastReplyCode());
        exchange.getMessage().setHeader(NntpConstants.REPLY_STRING, session.lastReplyText());
    }

    private String group(Exchange exchange, String operation) {
        String group = exchange.getIn().getHeader(NntpConstants.GROUP, String.class);
        if (group == null) {
            group = cfg.defaultGroup();
        }
        if (group == null) {
            throw new IllegalArgumentException("Operation " + operation + " needs a group: set the header " + NntpConstants.GROUP
                                               + " or name a group in the endpoint URI");
        }
        return NntpSession.arg("group (header " + NntpConstants.GROUP + ")", group);
    }

    private String articleId(Exchange exchange, String operation, boolean required) {
        String id = exchange.getIn().getHeader(NntpConstants.ARTICLE_ID, String.class);
        if (id == null && required) {
            throw new IllegalArgumentException("Operation " + operation + " needs the header " + NntpConstants.ARTICLE_ID
                                               + " (a Message-ID in angle brackets or an article number)");
        }
        return id == null ? null : NntpSession.arg("article id (header " + NntpConstants.ARTICLE_ID + ")", id);
    }

    /** The group only matters for article numbers; Message-IDs need none. */
    private String groupFor(Exchange exchange, String id) {
        if (id != null && id.startsWith("<")) {
            return null;
        }
        String group = exchange.getIn().getHeader(NntpConstants.GROUP, String.class);
        return group != null ? NntpSession.arg("group (header " + NntpConstants.GROUP + ")", group) : cfg.defaultGroup();
    }

    private static void pointerResult(Exchange exchange, NntpPointer pointer) {
        Message out = exchange.getMessage();
        out.setBody(pointer);
        if (pointer != null) {
            if (pointer.group() != null) {
                out.setHeader(NntpConstants.GROUP, pointer.group());
                out.setHeader(NntpConstants.ARTICLE_NUMBER, pointer.number());
            }
            out.setHeader(NntpConstants.MESSAGE_ID, pointer.messageId());
        }
    }

    @InvokeOnHeader("group")
    public void group(Exchange exchange) {
        String name = group(exchange, "group");
        NntpGroup result = withSession(exchange, true, s -> s.group(name));
        exchange.getMessage().setBody(result);
        exchange.getMessage().setHeader(NntpConstants.GROUP, result.name());
    }

    /** The range header, checked before any connection is used; null for the whole group. */
    private static String rangeHeader(Exchange exchange) {
        String range = exchange.getIn().getHeader(NntpConstants.RANGE, String.class);
        return range == null ? null : NntpSession.arg("range (header " + NntpConstants.RANGE + ")", range);
    }

    /** The range, or the whole group (its first to last article). */
    private static String range(String range, NntpSession session, String group) {
        if (range != null) {
            return range;
        }
        NntpGroup status = session.group(group);
        return status.first() + "-" + status.last();
    }

    @InvokeOnHeader("over")
    public void over(Exchange exchange) {
        String group = group(exchange, "over");
        String range = rangeHeader(exchange);
        List<NntpOverview> result = withSession(exchange, true, s -> s.over(group, range(range, s, group)));
        exchange.getMessage().setBody(result);
    }

    @InvokeOnHeader("xhdr")
    public void xhdr(Exchange exchange) {
        String group = group(exchange, "xhdr");
        String field = exchange.getIn().getHeader(NntpConstants.HEADER_NAME, String.class);
        if (field == null) {
            throw new IllegalArgumentException("Operation xhdr needs the header " + NntpConstants.HEADER_NAME + " (e.g. Subject)");
        }
        NntpSession.arg("header name (header " + NntpConstants.HEADER_NAME + ")", field);
        String range = rangeHeader(exchange);
        List<NntpHeaderValue> result = withSession(exchange, true, s -> s.hdr(group, field, range(range, s, group)));
        exchange.getMessage().setBody(result);
    }

    /** HEAD: the headers loaded, as an {@link NntpArticle} whose body is null. */
    @InvokeOnHeader("head")
    public void head(Exchange exchange) {
        String id = articleId(exchange, "head", true);
        String group = groupFor(exchange, id);
        NntpArticle article = withSession(exchange, true, s -> s.fetch(group, id, true, false));
        pointerResult(exchange, article.pointer());
        exchange.getMessage().setBody(article);
    }

    /** BODY: an {@link NntpArticleBody} without headers whose stream is the body. */
    @InvokeOnHeader("body")
    public void body(Exchange exchange) {
        stream(exchange, "body", false);
    }

    /** ARTICLE: an {@link NntpArticleBody} with the headers loaded and the body as a stream. */
    @InvokeOnHeader("article")
    public void article(Exchange exchange) {
        stream(exchange, "article", true);
    }

    private void stream(Exchange exchange, String operation, boolean headers) {
        String id = articleId(exchange, operation, true);
        String group = groupFor(exchange, id);
        if (cfg.getMaxArticleSize() > 0 && group != null && !id.startsWith("<")) {
            checkOverviewSize(exchange, group, id);
        }
        NntpArticleBody result = openStream(exchange, group, id, headers, true);
        pointerResult(exchange, result.getPointer());
        exchange.getMessage().setBody(result);
    }

    /** maxArticleSize, before ARTICLE/BODY of a number: the size OVER reports. */
    private void checkOverviewSize(Exchange exchange, String group, String number) {
        List<NntpOverview> entries = withSession(exchange, true, s -> s.over(group, number));
        long size = entries.isEmpty() ? -1 : entries.get(0).bytes();
        if (SizeLimits.exceeds(size, cfg.getMaxArticleSize())) {
            throw new SizeLimitExceededException("Article " + number + " of " + group, size, "maxArticleSize",
                    cfg.getMaxArticleSize(), "not fetched");
        }
    }

    /**
     * ARTICLE or BODY on a borrowed session that stays borrowed until the body stream is read to its end or closed;
     * a failed exchange closes the stream and its connection. A broken reused connection is replaced once.
     */
    private NntpArticleBody openStream(Exchange exchange, String group, String id, boolean headers, boolean retryable) {
        NntpSession session = pool.borrow();
        boolean reused = session.isReused();
        InputStream[] data = new InputStream[1];
        NntpArticle article;
        try {
            article = session.fetchStreaming(group, id, headers, in -> data[0] = in);
        } catch (ConnectionFailedException e) {
            pool.discard(session);
            if (retryable && reused) {
                return openStream(exchange, group, id, headers, false);
            }
            throw e;
        } catch (RuntimeException e) {
            if (data[0] == null && session.isConnected()) {
                session.markReused();
                pool.release(session);
            } else {
                pool.discard(session);
            }
            throw e;
        }
        reply(exchange, session);
        InputStream limited = SizeLimits.limit(data[0], cfg.getMaxArticleSize(), "Article " + id, "maxArticleSize",
                "reading stopped");
        NntpBodyStream body = new NntpBodyStream(limited, session, usable -> {
            if (usable) {
                session.markReused();
                pool.release(session);
            } else {
                pool.discard(session);
            }
        });
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onFailure(Exchange failed) {
                body.abort(); // nobody will read the body of a failed exchange: close its connection
            }
        });
        return new NntpArticleBody(article.pointer(), article.headers(), body);
    }

    @InvokeOnHeader("stat")
    public void stat(Exchange exchange) {
        String id = articleId(exchange, "stat", false);
        String group = id == null ? group(exchange, "stat") : groupFor(exchange, id);
        pointerResult(exchange, withSession(exchange, true, s -> s.stat(group, id)));
    }

    @InvokeOnHeader("next")
    public void next(Exchange exchange) {
        move(exchange, "next", true);
    }

    @InvokeOnHeader("last")
    public void last(Exchange exchange) {
        move(exchange, "last", false);
    }

    private void move(Exchange exchange, String operation, boolean forward) {
        String group = group(exchange, operation);
        Long from = exchange.getIn().getHeader(NntpConstants.ARTICLE_NUMBER, Long.class);
        pointerResult(exchange, withSession(exchange, true, s -> s.move(group, from, forward)));
    }

    @InvokeOnHeader("post")
    public void post(Exchange exchange) throws Exception {
        NntpPost.Composed composed = NntpPost.compose(exchange, cfg);
        long size = cfg.getMaxArticleSize() > 0 ? composed.article().getBytes(StandardCharsets.UTF_8).length : -1;
        if (SizeLimits.exceeds(size, cfg.getMaxArticleSize())) {
            throw new SizeLimitExceededException("The article to post", size, "maxArticleSize", cfg.getMaxArticleSize(),
                    "not posted");
        }
        withSession(exchange, false, s -> {
            s.post(composed.article());
            return null;
        });
        exchange.getMessage().setBody(composed.messageId());
        exchange.getMessage().setHeader(NntpConstants.MESSAGE_ID, composed.messageId());
    }

    private String wildmat(Exchange exchange) {
        String wildmat = exchange.getIn().getHeader(NntpConstants.WILDMAT, String.class);
        return wildmat != null ? NntpSession.arg("wildmat (header " + NntpConstants.WILDMAT + ")", wildmat) : cfg.getGroups();
    }

    @InvokeOnHeader("list")
    public void list(Exchange exchange) {
        String wildmat = wildmat(exchange);
        exchange.getMessage().setBody(withSession(exchange, true, s -> s.listActive(wildmat)));
    }

    private static Instant since(Exchange exchange, String operation) {
        Object value = exchange.getIn().getHeader(NntpConstants.SINCE);
        if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof Date date) {
            return date.toInstant();
        } else if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        } else if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        } else if (value != null) {
            return Instant.parse(value.toString());
        }
        throw new IllegalArgumentException("Operation " + operation + " needs the header " + NntpConstants.SINCE);
    }

    @InvokeOnHeader("newgroups")
    public void newgroups(Exchange exchange) {
        Instant since = since(exchange, "newgroups");
        exchange.getMessage().setBody(withSession(exchange, true, s -> s.newgroups(since)));
    }

    @InvokeOnHeader("newnews")
    public void newnews(Exchange exchange) {
        Instant since = since(exchange, "newnews");
        String wildmat = wildmat(exchange);
        if (wildmat == null) {
            throw new IllegalArgumentException("Operation newnews needs a wildmat: set the header " + NntpConstants.WILDMAT
                                               + " or name groups in the endpoint URI");
        }
        exchange.getMessage().setBody(withSession(exchange, true, s -> s.newnews(wildmat, since)));
    }

    @InvokeOnHeader("date")
    public void date(Exchange exchange) {
        exchange.getMessage().setBody(withSession(exchange, true, NntpSession::date));
    }

    @InvokeOnHeader("capabilities")
    public void capabilities(Exchange exchange) {
        exchange.getMessage().setBody(withSession(exchange, true, NntpSession::capabilities));
    }
}
