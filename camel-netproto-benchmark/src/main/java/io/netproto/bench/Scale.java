package io.netproto.bench;

/**
 * How big a run is.
 *
 * @param items      items per throughput workload (2,000 in a full run)
 * @param largeBytes size of the large-file transfer (1 GiB in a full run)
 * @param repeat     measured runs per contender at least; the table shows the median
 * @param minSeconds measured time per contender at least: a workload whose runs are short gets more rounds (up to
 *                   {@link #MAX_ROUNDS}), so that a single pause of the JVM or the machine cannot decide its median
 */
public record Scale(int items, long largeBytes, int repeat, double minSeconds) {

    /** The most measured rounds a short workload gets to reach {@link #minSeconds()}. */
    public static final int MAX_ROUNDS = 15;

    /** The figures the issue asks for. */
    public static Scale full() {
        return new Scale(2000, 1L << 30, 3, 5);
    }

    /** A few items: checks that every contender works, measures nothing (the smoke test). */
    public static Scale smoke() {
        return new Scale(20, 1L << 20, 1, 0);
    }

    public Scale withItems(int count) {
        return new Scale(count, largeBytes, repeat, minSeconds);
    }

    public Scale withLargeBytes(long bytes) {
        return new Scale(items, bytes, repeat, minSeconds);
    }

    public Scale withRepeat(int runs) {
        return new Scale(items, largeBytes, runs, minSeconds);
    }

    public Scale withMinSeconds(double seconds) {
        return new Scale(items, largeBytes, repeat, seconds);
    }

    /**
     * Whether another measured round is due after {@code rounds} rounds, when the contender that has run least has
     * run {@code seconds} in total.
     */
    public boolean wantsMoreRounds(int rounds, double seconds) {
        return rounds < repeat || (rounds < Math.max(repeat, MAX_ROUNDS) && seconds < minSeconds);
    }
}
