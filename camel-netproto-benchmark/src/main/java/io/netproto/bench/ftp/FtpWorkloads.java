package io.netproto.bench.ftp;

import java.util.List;

import io.netproto.bench.Scale;
import io.netproto.bench.Workload;

/** The FTP and FTPS workloads of the benchmark. */
public final class FtpWorkloads {

    private FtpWorkloads() {
    }

    public static List<Workload> all(Scale scale) {
        return List.of();
    }
}
