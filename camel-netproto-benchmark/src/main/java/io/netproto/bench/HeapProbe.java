package io.netproto.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap during one run: the sum of the peak used bytes of every heap pool since {@link #reset()}. Summing
 * per-pool peaks can only over-state the true peak, so a figure under a limit is a proof.
 */
public final class HeapProbe {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();

    /** Collects garbage left by earlier runs, then starts a new peak. */
    public void reset() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public long peakBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
