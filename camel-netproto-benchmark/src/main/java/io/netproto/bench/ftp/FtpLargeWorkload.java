package io.netproto.bench.ftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.netproto.bench.ChildJvm;
import io.netproto.bench.Contender;
import io.netproto.bench.Measurement;
import io.netproto.bench.Role;
import io.netproto.bench.Scale;
import io.netproto.bench.SimpleContender;
import io.netproto.bench.Workload;
import io.netproto.testkit.ftp.EmbeddedFtpServer;

/**
 * One large file ({@link Scale#largeBytes()}) downloaded or uploaded, in MB/s. Every contender runs in a child JVM
 * limited to a 64 MB heap ({@link ChildJvm}) with Camel's defaults (stream caching on): finishing there proves the
 * transfer streams in bounded memory, and the peak heap column is the child's. The file is generated on the server's
 * disk (streamed) when the workload starts; uploads go to the server's directory {@code up}, emptied before each run.
 */
final class FtpLargeWorkload implements Workload {

    /** The heap limit of the child JVMs: the bound for a 1 GB transfer. */
    static final String CHILD_HEAP = "64m";
    private static final int CHUNK = 1 << 20;

    private final Scale scale;
    private final LargeTransferChild.Direction direction;
    private EmbeddedFtpServer server;

    FtpLargeWorkload(Scale scale, LargeTransferChild.Direction direction) {
        this.scale = scale;
        this.direction = direction;
    }

    @Override
    public String id() {
        return "ftp-large-" + direction.name().toLowerCase();
    }

    @Override
    public String title() {
        return String.format("FTP: one %,d MB file %s (child JVM -Xmx%s)", scale.largeBytes() >> 20,
                direction == LargeTransferChild.Direction.DOWNLOAD ? "downloaded" : "uploaded", CHILD_HEAP);
    }

    @Override
    public String unit() {
        return "MB/s";
    }

    /**
     * Four times the usual: a run takes 2-4 s, and the rate of one run varies up to 2x on a 2-core VM (the server in the
     * benchmark JVM and the client in its child share the cores, and the kernel fills fresh pages for the file), so the
     * median needs six runs and more.
     */
    @Override
    public double minSeconds(Scale scale) {
        return 4 * scale.minSeconds();
    }

    @Override
    public void start() throws IOException {
        server = FtpBench.startServer(2 * scale.largeBytes());
        generate(server.root().resolve(LargeTransferChild.SOURCE), scale.largeBytes());
        generate(server.root().resolve(LargeTransferChild.WARM_UP_SOURCE),
                Math.min(LargeTransferChild.WARM_UP_BYTES, scale.largeBytes()));
    }

    /** Writes {@code bytes} of a repeating pattern, one buffer at a time. */
    private static void generate(Path file, long bytes) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] chunk = new byte[CHUNK];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31 + (i >> 8));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }

    @Override
    public List<Contender> contenders() {
        return List.of(contender("netftp", Role.NETPROTO, LargeTransferChild.Contender.NETFTP),
                contender("camel-ftp (tuned)", Role.CAMEL, LargeTransferChild.Contender.CAMEL_FTP),
                contender("commons-net loop", Role.BARE, LargeTransferChild.Contender.BARE));
    }

    private Contender contender(String name, Role role, LargeTransferChild.Contender which) {
        Path uploads = server.root().resolve(LargeTransferChild.UPLOAD_DIR);
        return new SimpleContender(name, role, () -> FtpBench.clear(uploads), () -> {
            Measurement m = ChildJvm.run(CHILD_HEAP, LargeTransferChild.class, List.of(which.name(), direction.name(),
                    Integer.toString(server.port()), Long.toString(scale.largeBytes()),
                    server.root().resolve(LargeTransferChild.SOURCE).toString()), Duration.ofMinutes(15));
            if (direction == LargeTransferChild.Direction.UPLOAD) {
                Path uploaded = uploads.resolve(LargeTransferChild.UPLOAD_NAME);
                if (!Files.exists(uploaded) || FtpBench.size(uploaded) != scale.largeBytes()) {
                    throw new IllegalStateException("The upload is missing or incomplete: " + uploaded);
                }
                FtpBench.clear(uploads);
            }
            return m;
        });
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
