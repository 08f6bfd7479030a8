package io.netproto.bench;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every workload once with a few items: every contender must move every item (a contender throws when one is
 * lost), so the benchmark cannot rot between runs. Measures nothing; the benchmark itself is not part of the build.
 */
class BenchmarkSmokeTest {

    @Test
    void everyContenderOfEveryWorkloadCompletes() throws Exception {
        Scale scale = Scale.smoke();
        List<Workload> workloads = BenchmarkMain.workloads(scale, Set.of());
        assertThat(workloads).extracting(Workload::id).contains("ftp-consume", "ftp-upload", "ftp-large-download",
                "ftp-large-upload",
                "smtp", "smtp-tls", "pop3", "imap", "imap-idle", "nntp-consume", "nntp-post");

        List<Result> results = BenchmarkMain.run(workloads, scale);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.error()).as(r.workload().id() + " / " + r.contender()).isNull();
            assertThat(r.median()).as(r.workload().id() + " / " + r.contender()).isPositive();
        });
        for (Workload w : workloads) {
            assertThat(results).filteredOn(r -> r.workload() == w).extracting(Result::role)
                    .as(w.id()).contains(Role.NETPROTO);
        }
        assertThat(ResultTable.markdown(results, scale)).contains("| Work | Contender | Median");
    }
}
