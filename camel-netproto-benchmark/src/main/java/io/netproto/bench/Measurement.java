package io.netproto.bench;

/**
 * The outcome of one run of one contender.
 *
 * @param value the figure in the workload's unit (items/s, MB/s, or milliseconds for latency workloads)
 * @param note  extra facts worth a column (e.g. "p50 12 ms"), or empty
 */
public record Measurement(double value, String note) {

    /** A throughput figure: {@code amount} units moved in {@code nanos}. */
    public static Measurement rate(double amount, long nanos) {
        return new Measurement(amount / (nanos / 1e9), "");
    }

    /** A throughput figure in MB/s (1 MB = 1,048,576 bytes). */
    public static Measurement megabytesPerSecond(long bytes, long nanos) {
        return rate(bytes / 1048576.0, nanos);
    }

    public Measurement withNote(String text) {
        return new Measurement(value, text);
    }
}
