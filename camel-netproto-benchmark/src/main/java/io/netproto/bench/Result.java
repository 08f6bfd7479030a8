package io.netproto.bench;

import java.util.List;

/**
 * The median of a contender's runs of one workload.
 *
 * @param workload  the workload
 * @param contender the contender's name
 * @param role      its role
 * @param median    median value over the runs
 * @param runs      every run's value, in run order
 * @param peakHeap  the largest peak heap (bytes) seen over the runs
 * @param note      the note of the median run
 * @param error     why the contender failed (then the other figures are meaningless), or null
 */
public record Result(Workload workload, String contender, Role role, double median, List<Double> runs,
        long peakHeap, String note, String error) {

    boolean failed() {
        return error != null;
    }
}
