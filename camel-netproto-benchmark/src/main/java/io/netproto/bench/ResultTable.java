package io.netproto.bench;

import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark's one table, in Markdown: per workload and contender the median figure, the ratio to the camel-*
 * contender and to the bare library (above 1 means better than it, for latency too), and the peak heap.
 */
public final class ResultTable {

    private ResultTable() {
    }

    public static String markdown(List<Result> results, Scale scale) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run %s on %d cores, Java %s (%s), %s %s; %d items, large file %d MB,"
                        + " median of %d runs%s (more rounds, up to %d, for a workload until every contender ran %.0f s, 1 GB"
                        + " transfers 4 times that; the Runs column); heap of the benchmark JVM -Xmx%d MB;"
                        + " system load average %.1f at the end.%n%n",
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"),
                scale.items(), scale.largeBytes() >> 20, scale.repeat(),
                scale.repeat() > 1 ? " after a warm-up round" : "", Scale.MAX_ROUNDS, scale.minSeconds(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.append("| Work | Contender | Median | × camel-* | × bare | Runs | Peak heap | Note |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            out.append("| ").append(r.workload().title())
                    .append(" | ").append(r.contender())
                    .append(" | ").append(r.failed() ? "failed" : format(r.median()) + " " + r.workload().unit())
                    .append(" | ").append(ratio(r, results, Role.CAMEL))
                    .append(" | ").append(ratio(r, results, Role.BARE))
                    .append(" | ").append(r.runs().size())
                    .append(" | ").append(r.failed() ? "" : (r.peakHeap() >> 20) + " MB")
                    .append(" | ").append(r.failed() ? r.error().replace('|', '/') : r.note())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String ratio(Result row, List<Result> results, Role to) {
        Optional<Result> reference = results.stream()
                .filter(r -> r.workload() == row.workload() && r.role() == to && !r.failed())
                .findFirst();
        if (row.failed() || reference.isEmpty() || reference.get().median() == 0 || row.median() == 0) {
            return "–";
        }
        double ratio = row.workload().higherIsBetter()
                ? row.median() / reference.get().median()
                : reference.get().median() / row.median();
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
