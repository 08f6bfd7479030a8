package io.netproto.bench;

/**
 * The outcome of one run of one contender.
 *
 * @param value         the figure in the workload's unit (items/s, MB/s, or milliseconds for latency workloads)
 * @param note          extra facts worth a column (e.g. "p50 12 ms"), or empty
 * @param peakHeapBytes the peak heap measured where the work ran when that was not the benchmark JVM (e.g. a
 *                      {@link ChildJvm}), or -1: the runner's {@link HeapProbe} of this JVM then applies
 */
public record Measurement(double value, String note, long peakHeapBytes) {

    /** A figure whose peak heap the runner probes in this JVM. */
    public Measurement(double value, String note) {
        this(value, note, -1);
    }

    /** A throughput figure: {@code amount} units moved in {@code nanos}. */
    public static Measurement rate(double amount, long nanos) {
        return new Measurement(amount / (nanos / 1e9), "");
    }

    /** A throughput figure in MB/s (1 MB = 1,048,576 bytes). */
    public static Measurement megabytesPerSecond(long bytes, long nanos) {
        return rate(bytes / 1048576.0, nanos);
    }

    public Measurement withNote(String text) {
        return new Measurement(value, text, peakHeapBytes);
    }

    /** The same figure, with the peak heap measured in the JVM that did the work. */
    public Measurement withPeakHeap(long bytes) {
        return new Measurement(value, note, bytes);
    }
}
