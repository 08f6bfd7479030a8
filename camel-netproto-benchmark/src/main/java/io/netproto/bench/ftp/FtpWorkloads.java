package io.netproto.bench.ftp;

import java.util.List;

import io.netproto.bench.Scale;
import io.netproto.bench.Workload;

/** The FTP workloads of the benchmark. */
public final class FtpWorkloads {

    private FtpWorkloads() {
    }

    public static List<Workload> all(Scale scale) {
        return List.of(new FtpConsumeWorkload(scale), new FtpUploadWorkload(scale),
                new FtpLargeWorkload(scale, LargeTransferChild.Direction.DOWNLOAD),
                new FtpLargeWorkload(scale, LargeTransferChild.Direction.UPLOAD));
    }
}
