package io.netproto.testkit.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client connection and its connection to the target, copied byte for byte by two daemon threads, with at most
 * one {@link Fault}. Each direction ends with a half close (FIN); the sockets close once both ended or a fault fired.
 */
final class ProxiedConnection {

    /** Rewrites the reply stream of a connection (FTP passive replies); may hold back a partial line. */
    interface ReplyFilter {
        byte[] filter(byte[] chunk, int length) throws IOException;
    }

    private static final int BUFFER = 8192;

    private final Socket client;
    private final Socket server;
    private final Fault fault;
    private final ReplyFilter replyFilter;
    private final Consumer<Fault> onFault;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean fired = new AtomicBoolean();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch directionsDone = new CountDownLatch(2);
    private volatile boolean stalled;

    ProxiedConnection(Socket client, Socket server, Fault fault, ReplyFilter replyFilter, Consumer<Fault> onFault,
                      Runnable onClose) {
        this.client = client;
        this.server = server;
        this.fault = fault;
        this.replyFilter = replyFilter;
        this.onFault = onFault;
        this.onClose = onClose;
    }

    void start(String name) {
        daemon(name + "-requests", () -> pump(Direction.CLIENT_TO_SERVER, client, server)).start();
        daemon(name + "-replies", () -> pump(Direction.SERVER_TO_CLIENT, server, client)).start();
    }

    static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private void pump(Direction direction, Socket from, Socket to) {
        boolean faulted = fault.direction() == direction && fault.kind() != Fault.Kind.NONE;
        long count = 0;
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (stalled) {
                    if (direction == Direction.SERVER_TO_CLIENT) {
                        released.await();
                        return;
                    }
                    continue; // keep reading the client only to see it go away
                }
                byte[] data = buffer;
                int length = n;
                if (replyFilter != null && direction == Direction.SERVER_TO_CLIENT) {
                    data = replyFilter.filter(buffer, n);
                    length = data.length;
                }
                if (faulted && reaches(count + length) && fault.kind() != Fault.Kind.DELAY) {
                    fire(direction, out, data, (int) (fault.afterBytes() - count), length);
                    if (!stalled) {
                        return;
                    }
                    continue;
                }
                if (faulted && fault.kind() == Fault.Kind.DELAY && count + length >= fault.afterBytes()) {
                    fired();
                    TimeUnit.MILLISECONDS.sleep(fault.delayMillis());
                }
                out.write(data, 0, length);
                out.flush();
                count += length;
            }
            if (!stalled) {
                to.shutdownOutput();
            }
        } catch (IOException e) {
            close(false); // one side went away: so does the other
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            directionsDone.countDown();
            if (directionsDone.getCount() == 0 || stalled && direction == Direction.CLIENT_TO_SERVER) {
                close(false);
            }
        }
    }

    /** Whether the fault's offset is reached; a cut needs a chunk that goes beyond it. */
    private boolean reaches(long total) {
        return fault.kind() == Fault.Kind.CUT_REPLY ? total > fault.afterBytes() : total >= fault.afterBytes();
    }

    /** Forwards the bytes before the fault's offset, then injects it. */
    private void fire(Direction direction, OutputStream out, byte[] data, int before, int length)
            throws IOException {
        int forward = before;
        if (fault.kind() == Fault.Kind.CUT_REPLY) {
            forward = Math.min(before + Math.max(1, (length - before) / 2), length - 1);
        }
        if (forward > 0) {
            out.write(data, 0, forward);
            out.flush();
        }
        fired();
        switch (fault.kind()) {
            case STALL -> stalled = true;
            case RESET -> close(true);
            default -> close(false);
        }
    }

    private void fired() {
        if (fired.compareAndSet(false, true)) {
            onFault.accept(fault);
        }
    }

    /** Closes both sockets, with RST when {@code reset}, and releases a stalled connection. Idempotent. */
    void close(boolean reset) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (reset) {
            lingerZero(client);
            lingerZero(server);
        }
        closeQuietly(client);
        closeQuietly(server);
        released.countDown();
        onClose.run();
    }

    private static void lingerZero(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
