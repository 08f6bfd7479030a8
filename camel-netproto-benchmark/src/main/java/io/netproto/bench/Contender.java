package io.netproto.bench;

/**
 * One way of doing a workload's work (our endpoint, the Camel component, or the bare library). The runner calls
 * {@link #prepare()} (not timed: fill the server), then {@link #run()} (timed by the contender itself, since only it
 * knows when its work is done).
 */
public interface Contender {

    /** The name in the table, e.g. "netftp", "camel-ftp", "commons-net loop". */
    String name();

    Role role();

    /** Puts the server in the state the run expects (e.g. uploads 2,000 files). Not timed. */
    default void prepare() throws Exception {
    }

    /** Does the work once and returns its figure; must throw when any item was lost or wrong. */
    Measurement run() throws Exception;
}
