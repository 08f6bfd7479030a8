package io.netproto.testkit.ftp;

import java.util.Collection;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ipfilter.SessionFilter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.SocketSessionConfig;

/**
 * Sets {@code TCP_NODELAY} on every accepted control connection, and tracks control sessions until FtpServer has
 * finished closing them.
 * <p>
 * Apache FtpServer's listener leaves Nagle's algorithm on, so each reply waits for the client's delayed ACK (~40 ms
 * on Linux loopback). {@link SessionFilter} ({@code ListenerFactory.setSessionFilter}) is FtpServer's public hook that
 * sees the MINA session as it is created, in the I/O thread, before the greeting is written: the place to set the
 * socket option without touching FtpServer internals.
 * <p>
 * The {@code onDisconnect} Ftplet callback runs once FtpServer's worker pool has processed a session's close. Waiting
 * for it before shutting the server down keeps that pool from rejecting late close events (which MINA logs as
 * warnings with stack traces).
 * <p>
 * Every command line received is added to the command log given at construction, {@code PASS} without its argument.
 */
final class ControlSessions extends DefaultFtplet implements SessionFilter {

    /** Session attribute holding the MINA session id; outside FtpServer's reserved attribute prefix. */
    static final String ID_ATTRIBUTE = "io.netproto.testkit.ftp.session-id";

    private final Set<Long> open = new HashSet<>();
    private final Queue<String> commandLog;

    /** @param commandLog receives every command line, in arrival order (thread-safe list) */
    ControlSessions(Queue<String> commandLog) {
        this.commandLog = commandLog;
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) {
        String line = request.getRequestLine();
        commandLog.add("PASS".equalsIgnoreCase(request.getCommand()) ? "PASS ****" : line);
        return FtpletResult.DEFAULT;
    }

    @Override
    public boolean accept(IoSession session) {
        if (session.getConfig() instanceof SocketSessionConfig socketConfig) {
            socketConfig.setTcpNoDelay(true);
        }
        session.setAttribute(ID_ATTRIBUTE, session.getId());
        synchronized (this) {
            open.add(session.getId());
        }
        return true;
    }

    @Override
    public FtpletResult onDisconnect(FtpSession session) {
        if (session.getAttribute(ID_ATTRIBUTE) instanceof Long id) {
            synchronized (this) {
                open.remove(id);
                notifyAll();
            }
        }
        return FtpletResult.DEFAULT;
    }

    /**
     * Waits until FtpServer has processed the close of the given sessions.
     *
     * @param  ids           the MINA session ids
     * @param  timeoutMillis the longest wait
     * @return               whether they were all processed in time
     */
    synchronized boolean awaitClosed(Collection<Long> ids, long timeoutMillis) {
        return await(() -> ids.stream().noneMatch(open::contains), timeoutMillis);
    }

    /**
     * Waits until FtpServer has processed the close of every session; only meaningful once no new connection can
     * arrive.
     *
     * @param  timeoutMillis the longest wait
     * @return               whether all were processed in time
     */
    synchronized boolean awaitAllClosed(long timeoutMillis) {
        return await(open::isEmpty, timeoutMillis);
    }

    private boolean await(BooleanSupplier done, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (!done.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
