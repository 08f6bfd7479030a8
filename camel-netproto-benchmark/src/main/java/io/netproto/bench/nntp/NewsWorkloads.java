package io.netproto.bench.nntp;

import java.util.List;

import io.netproto.bench.Scale;
import io.netproto.bench.Workload;

/** The NNTP workloads of the benchmark. */
public final class NewsWorkloads {

    private NewsWorkloads() {
    }

    public static List<Workload> all(Scale scale) {
        return List.of(new NewsConsumeWorkload(scale), new NewsPostWorkload(scale));
    }
}
