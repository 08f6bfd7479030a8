package io.netproto.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.netproto.bench.ftp.FtpWorkloads;
import io.netproto.bench.mail.MailWorkloads;
import io.netproto.bench.nntp.NewsWorkloads;

/**
 * Runs the benchmark and prints the table, also written to a file. Arguments: {@code --only id,id} (workload ids),
 * {@code --items N}, {@code --large-mb N}, {@code --repeat N}, {@code --min-seconds S}, {@code --smoke}, {@code --out FILE}
 * (default target/benchmark-results.md).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Scale scale = Scale.full();
        Set<String> only = Set.of();
        Path out = Path.of("target/benchmark-results.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only = Set.copyOf(Arrays.asList(args[++i].split(",")));
                case "--items" -> scale = scale.withItems(Integer.parseInt(args[++i]));
                case "--large-mb" -> scale = scale.withLargeBytes(Long.parseLong(args[++i]) << 20);
                case "--repeat" -> scale = scale.withRepeat(Integer.parseInt(args[++i]));
                case "--min-seconds" -> scale = scale.withMinSeconds(Double.parseDouble(args[++i]));
                case "--smoke" -> scale = Scale.smoke();
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; use --only id,id --items N --large-mb N --repeat N --min-seconds S --smoke --out FILE");
            }
        }
        List<Result> results = run(workloads(scale, only), scale);
        String table = ResultTable.markdown(results, scale);
        System.out.println();
        System.out.println(table);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /** Every workload, or those whose id is in {@code only} when it is not empty. */
    public static List<Workload> workloads(Scale scale, Set<String> only) {
        List<Workload> all = new ArrayList<>();
        all.addAll(FtpWorkloads.all(scale));
        all.addAll(MailWorkloads.all(scale));
        all.addAll(NewsWorkloads.all(scale));
        List<String> unknown = only.stream().filter(id -> all.stream().noneMatch(w -> w.id().equals(id))).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown workload " + unknown + "; known: "
                    + all.stream().map(Workload::id).toList());
        }
        return all.stream().filter(w -> only.isEmpty() || only.contains(w.id())).toList();
    }

    public static List<Result> run(List<Workload> workloads, Scale scale) throws Exception {
        BenchmarkRunner runner = new BenchmarkRunner(scale);
        List<Result> results = new ArrayList<>();
        for (Workload workload : workloads) {
            System.out.println("== " + workload.title());
            results.addAll(runner.run(workload));
        }
        return results;
    }
}
