package io.netproto.bench;

import java.util.List;

/**
 * One row group of the table: a piece of work (e.g. "FTP: 2,000 x 1 KB files consumed with delete") and the
 * contenders that do it against the same embedded servers. Started once, run by every contender in turn.
 */
@SuppressWarnings("try") // close() may throw InterruptedException: a workload is never closed by try-with-resources
public interface Workload extends AutoCloseable {

    /** Short id used by --only, e.g. "ftp-consume". */
    String id();

    /** The description shown in the table. */
    String title();

    /** The unit of {@link Measurement#value()}, e.g. "items/s", "MB/s", "ms (p99)". */
    String unit();

    /** False for latency workloads, where smaller is better; the ratio columns are then inverted. */
    default boolean higherIsBetter() {
        return true;
    }

    /**
     * The measured time each contender needs at least (see {@link Scale#minSeconds()}); a workload whose runs vary
     * more than most asks for more.
     */
    default double minSeconds(Scale scale) {
        return scale.minSeconds();
    }

    /** Starts the servers this workload needs. */
    void start() throws Exception;

    List<Contender> contenders();

    @Override
    void close() throws Exception;
}
