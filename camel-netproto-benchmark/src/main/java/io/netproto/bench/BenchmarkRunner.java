package io.netproto.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every contender of a workload alternately, {@link Scale#repeat()} rounds, rotating who goes first in each
 * round so that warm-up and server state do not favour one contender, and keeps the medians.
 */
public final class BenchmarkRunner {

    private final Scale scale;
    private final HeapProbe heap = new HeapProbe();

    public BenchmarkRunner(Scale scale) {
        this.scale = scale;
    }

    /** Starts the workload, runs its rounds, closes it; one result per contender, in the workload's order. */
    public List<Result> run(Workload workload) throws Exception {
        workload.start();
        try {
            List<Contender> contenders = workload.contenders();
            Map<Contender, List<Double>> values = new LinkedHashMap<>();
            Map<Contender, List<String>> notes = new LinkedHashMap<>();
            Map<Contender, Long> peaks = new LinkedHashMap<>();
            Map<Contender, String> errors = new LinkedHashMap<>();
            contenders.forEach(c -> {
                values.put(c, new ArrayList<>());
                notes.put(c, new ArrayList<>());
                peaks.put(c, 0L);
            });
            for (int round = 0; round < scale.repeat(); round++) {
                for (int i = 0; i < contenders.size(); i++) {
                    Contender contender = contenders.get((i + round) % contenders.size());
                    if (errors.containsKey(contender)) {
                        continue;
                    }
                    try {
                        contender.prepare();
                        heap.reset();
                        Measurement m = contender.run();
                        peaks.merge(contender, heap.peakBytes(), Math::max);
                        values.get(contender).add(m.value());
                        notes.get(contender).add(m.note());
                        System.out.printf("  %-14s %-28s round %d: %10.1f %s %s%n", workload.id(), contender.name(),
                                round + 1, m.value(), workload.unit(), m.note());
                    } catch (Exception | OutOfMemoryError e) {
                        errors.put(contender, e.getClass().getSimpleName() + ": " + e.getMessage());
                        System.out.printf("  %-14s %-28s round %d: FAILED %s%n", workload.id(), contender.name(),
                                round + 1, errors.get(contender));
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (Contender c : contenders) {
                List<Double> runs = values.get(c);
                int medianIndex = medianIndex(runs);
                results.add(new Result(workload, c.name(), c.role(), medianIndex < 0 ? 0 : runs.get(medianIndex),
                        List.copyOf(runs), peaks.get(c), medianIndex < 0 ? "" : notes.get(c).get(medianIndex),
                        errors.get(c)));
            }
            return results;
        } finally {
            workload.close();
        }
    }

    /** Index of the median value (the lower middle one for an even count), or -1 when there is none. */
    static int medianIndex(List<Double> runs) {
        if (runs.isEmpty()) {
            return -1;
        }
        List<Double> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        return runs.indexOf(sorted.get((sorted.size() - 1) / 2));
    }
}
