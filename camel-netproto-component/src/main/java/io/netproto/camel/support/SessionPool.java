package io.netproto.camel.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps logged-in sessions of a producer for reuse, so exchanges do not log in again. Each exchange
 * borrows its own session, so concurrent exchanges never share one. A session idle for longer than
 * the check interval is proven with a NOOP before reuse; a broken one is replaced.
 */
public final class SessionPool<S extends PooledSession> {

    private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);

    private final Supplier<S> opener;
    private final int maxIdle;
    private final long checkAfterIdleMillis;
    private final Deque<Idle<S>> idle = new ArrayDeque<>();
    private boolean closed;

    private record Idle<S>(S session, long since) {
    }

    /**
     * @param opener               opens and logs in a new session, throwing on failure
     * @param maxIdle              how many idle sessions are kept at most
     * @param checkAfterIdleMillis idle time after which a session is checked with NOOP before reuse
     */
    public SessionPool(Supplier<S> opener, int maxIdle, long checkAfterIdleMillis) {
        this.opener = opener;
        this.maxIdle = maxIdle;
        this.checkAfterIdleMillis = checkAfterIdleMillis;
    }

    /** A working session: an idle one (checked if it idled long) or a newly opened one. */
    public S borrow() {
        while (true) {
            Idle<S> candidate;
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("The session pool is closed");
                }
                candidate = idle.pollFirst();
            }
            if (candidate == null) {
                return opener.get();
            }
            S session = candidate.session();
            if (usable(session, candidate.since())) {
                return session;
            }
            session.close();
        }
    }

    private boolean usable(S session, long since) {
        if (!session.isConnected()) {
            return false;
        }
        if (System.currentTimeMillis() - since < checkAfterIdleMillis) {
            return true;
        }
        try {
            session.check();
            return true;
        } catch (Exception e) {
            LOG.debug("Idle session failed its check and is replaced: {}", e.getMessage());
            return false;
        }
    }

    /** Gives a healthy session back for reuse. */
    public void release(S session) {
        boolean keep;
        synchronized (this) {
            keep = !closed && session.isConnected() && idle.size() < maxIdle;
            if (keep) {
                idle.addFirst(new Idle<>(session, System.currentTimeMillis()));
            }
        }
        if (!keep) {
            session.close();
        }
    }

    /** Closes a session that failed; it is not reused. */
    public void discard(S session) {
        if (session != null) {
            session.close();
        }
    }

    /** Number of idle sessions currently kept. */
    public synchronized int idleCount() {
        return idle.size();
    }

    /** Closes every idle session; sessions still borrowed are closed when released. */
    public void close() {
        Deque<Idle<S>> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(i -> i.session().close());
    }
}
