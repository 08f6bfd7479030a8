package io.netproto.testkit.nntp;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The failure switches and counters every connection consults; all thread-safe and changeable while the server
 * runs.
 */
final class ServerSwitches {

    /** How many of the latest command lines the log keeps. */
    static final int COMMAND_LOG_SIZE = 10_000;

    private volatile boolean overHdrDisabled;
    private volatile boolean xoverXhdrDisabled;
    private volatile boolean refusingNewConnections;
    private final AtomicBoolean failNextCommand = new AtomicBoolean();
    private final AtomicLong commands = new AtomicLong();
    private final ArrayDeque<String> commandLog = new ArrayDeque<>(); // guarded by itself
    private final AtomicLong authenticationEpoch = new AtomicLong();
    private boolean stalled; // guarded by this
    private int waiting; // guarded by this

    boolean overHdrDisabled() {
        return overHdrDisabled;
    }

    void disableOverHdr(boolean disabled) {
        overHdrDisabled = disabled;
    }

    private volatile boolean overviewSizesOmitted;

    boolean overviewSizesOmitted() {
        return overviewSizesOmitted;
    }

    void omitOverviewSizes(boolean omit) {
        overviewSizesOmitted = omit;
    }

    boolean xoverXhdrDisabled() {
        return xoverXhdrDisabled;
    }

    void disableXoverXhdr(boolean disabled) {
        xoverXhdrDisabled = disabled;
    }

    boolean refusingNewConnections() {
        return refusingNewConnections;
    }

    void refuseNewConnections(boolean refuse) {
        refusingNewConnections = refuse;
    }

    void failNextCommand() {
        failNextCommand.set(true);
    }

    /** Whether this command is the one to fail; only one caller gets {@code true} per request. */
    boolean consumeFailNextCommand() {
        return failNextCommand.compareAndSet(true, false);
    }

    void commandReceived(String line) {
        commands.incrementAndGet();
        String recorded = line.regionMatches(true, 0, "AUTHINFO PASS", 0, 13) ? "AUTHINFO PASS ****" : line;
        synchronized (commandLog) {
            if (commandLog.size() == COMMAND_LOG_SIZE) {
                commandLog.removeFirst();
            }
            commandLog.addLast(recorded);
        }
    }

    List<String> commandLog() {
        synchronized (commandLog) {
            return List.copyOf(commandLog);
        }
    }

    long commandCount() {
        return commands.get();
    }

    /** Ends every authentication granted so far; sessions compare the epoch they authenticated in. */
    void forgetAuthentication() {
        authenticationEpoch.incrementAndGet();
    }

    /** Changes with every {@link #forgetAuthentication()}; an authentication is valid only in its own epoch. */
    long authenticationEpoch() {
        return authenticationEpoch.get();
    }

    synchronized void stall(boolean stall) {
        stalled = stall;
        notifyAll();
    }

    /** Wakes waiting connections so they re-check whether they were closed meanwhile. */
    synchronized void wakeUp() {
        notifyAll();
    }

    /**
     * Blocks while the server is stalled, until released or until the connection is abandoned.
     *
     * @param abandoned whether the waiting connection was closed; checked after every {@link #wakeUp()}
     */
    synchronized void awaitNotStalled(BooleanSupplier abandoned) throws InterruptedException {
        waiting++;
        try {
            while (stalled && !abandoned.getAsBoolean()) {
                wait();
            }
        } finally {
            waiting--;
        }
    }

    /** How many connections are held by the stall now. */
    synchronized int stalledConnections() {
        return stalled ? waiting : 0;
    }
}
