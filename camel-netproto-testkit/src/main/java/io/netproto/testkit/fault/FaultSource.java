package io.netproto.testkit.fault;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Chooses the fault of each new proxied connection. Called from the proxy's threads: implementations are thread-safe. */
@FunctionalInterface
public interface FaultSource {

    /**
     * The fault of a new connection.
     *
     * @param  connection the connection's number, counting from 1 in the order the proxy accepted them
     * @return            the fault, {@link Fault#none()} for a faithful connection
     */
    Fault next(int connection);

    /** @return a source that never injects a fault */
    static FaultSource none() {
        return connection -> Fault.none();
    }

    /** @return a source giving every connection the same fault */
    static FaultSource always(Fault fault) {
        return connection -> fault;
    }

    /** @return a source giving the next connections these faults, one each, then none */
    static FaultSource sequence(Fault... faults) {
        Deque<Fault> queue = new ArrayDeque<>(Arrays.asList(faults));
        return connection -> {
            synchronized (queue) {
                return queue.isEmpty() ? Fault.none() : queue.poll();
            }
        };
    }
}
