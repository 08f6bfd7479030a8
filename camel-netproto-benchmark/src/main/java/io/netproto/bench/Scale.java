package io.netproto.bench;

/**
 * How big a run is.
 *
 * @param items      items per throughput workload (2,000 in a full run)
 * @param largeBytes size of the large-file transfer (1 GiB in a full run)
 * @param repeat     runs per contender; the table shows the median
 */
public record Scale(int items, long largeBytes, int repeat) {

    /** The figures the issue asks for. */
    public static Scale full() {
        return new Scale(2000, 1L << 30, 3);
    }

    /** A few items: checks that every contender works, measures nothing (the smoke test). */
    public static Scale smoke() {
        return new Scale(20, 1L << 20, 1);
    }
}
