package io.netproto.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every contender of a workload alternately, {@link Scale#repeat()} rounds, rotating who goes first in each
 * round so that warm-up and server state do not favour one contender, and keeps the medians. A workload whose runs
 * are short gets more rounds, until every contender has run {@link Scale#minSeconds()} in total (at most
 * {@link Scale#MAX_ROUNDS} rounds; a contender that has run long enough sits the extra rounds out): the median of
 * three runs of a fraction of a second each is decided by a single pause of the machine. With more than one round a
 * warm-up round comes first; its figures are printed but not kept (a contender failing there counts as failed).
 */
public final class BenchmarkRunner {

    private final Scale scale;
    private final HeapProbe heap = new HeapProbe();

    public BenchmarkRunner(Scale scale) {
        this.scale = scale;
    }

    /** Starts the workload, runs its rounds, closes it; one result per contender, in the workload's order. */
    public List<Result> run(Workload workload) throws Exception {
        Scale scale = this.scale.withMinSeconds(workload.minSeconds(this.scale));
        workload.start();
        try {
            List<Contender> contenders = workload.contenders();
            Map<Contender, List<Double>> values = new LinkedHashMap<>();
            Map<Contender, List<String>> notes = new LinkedHashMap<>();
            Map<Contender, Long> peaks = new LinkedHashMap<>();
            Map<Contender, String> errors = new LinkedHashMap<>();
            Map<Contender, Double> seconds = new LinkedHashMap<>();
            contenders.forEach(c -> {
                values.put(c, new ArrayList<>());
                notes.put(c, new ArrayList<>());
                peaks.put(c, 0L);
            });
            double shortestTotal = 0;
            for (int round = warmUpRounds(); round < 0 || scale.wantsMoreRounds(round, shortestTotal); round++) {
                boolean measured = round >= 0;
                String label = measured ? "round " + (round + 1) : "warm-up";
                for (int i = 0; i < contenders.size(); i++) {
                    Contender contender = contenders.get(Math.floorMod(i + round, contenders.size()));
                    if (errors.containsKey(contender) || measured && hasEnough(scale, values.get(contender).size(),
                            seconds.getOrDefault(contender, 0.0))) {
                        continue;
                    }
                    try {
                        contender.prepare();
                        heap.reset();
                        long began = System.nanoTime();
                        Measurement m = contender.run();
                        if (measured) {
                            seconds.merge(contender, (System.nanoTime() - began) / 1e9, Double::sum);
                            long peak = m.peakHeapBytes() >= 0 ? m.peakHeapBytes() : heap.peakBytes();
                            peaks.merge(contender, peak, Math::max);
                            values.get(contender).add(m.value());
                            notes.get(contender).add(m.note());
                        }
                        System.out.printf("  %-18s %-28s %-8s: %10.1f %s %s%n", workload.id(), contender.name(),
                                label, m.value(), workload.unit(), m.note());
                    } catch (Exception | OutOfMemoryError e) {
                        errors.put(contender, e.getClass().getSimpleName() + ": " + e.getMessage());
                        System.out.printf("  %-18s %-28s %-8s: FAILED %s%n", workload.id(), contender.name(),
                                label, errors.get(contender));
                    }
                }
                shortestTotal = contenders.stream().filter(c -> !errors.containsKey(c))
                        .mapToDouble(c -> seconds.getOrDefault(c, 0.0)).min().orElse(Double.MAX_VALUE);
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

    /** Whether a contender with this many measured runs, taking this long in total, needs no more. */
    private static boolean hasEnough(Scale scale, int runs, double totalSeconds) {
        return runs >= scale.repeat() && totalSeconds >= scale.minSeconds();
    }

    /**
     * -1 (one round whose figures are dropped, so that the JIT has compiled the servers' and clients' code before
     * anything counts) when the scale asks for several runs, else 0 (a smoke run measures nothing anyway).
     */
    private int warmUpRounds() {
        return scale.repeat() > 1 ? -1 : 0;
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
