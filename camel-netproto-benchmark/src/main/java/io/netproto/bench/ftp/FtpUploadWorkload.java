package io.netproto.bench.ftp;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.netproto.bench.CamelRuns;
import io.netproto.bench.Contender;
import io.netproto.bench.Measurement;
import io.netproto.bench.Role;
import io.netproto.bench.Scale;
import io.netproto.bench.SimpleContender;
import io.netproto.bench.Workload;
import io.netproto.testkit.ftp.EmbeddedFtpServer;
import org.apache.camel.Exchange;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Small uploads: {@code items} messages of 1 KB, each stored as its own file in the server's (emptied) directory
 * {@code out}; a run counts when every file is there with its size. netftp runs twice: with its defaults (an atomic
 * upload: STOR to a temporary name, SIZE of it, then RNFR/RNTO), with {@code atomicUpload=false} (STOR and SIZE) and
 * with {@code verifyUploadSize=false} too (a plain STOR, as camel-ftp and the first bare loop); the second bare loop
 * sends the commands of netftp's defaults.
 * camel-ftp also gets {@code autoCreate=false} (the directory exists): otherwise it sends PWD, CWD and CWD per file.
 */
final class FtpUploadWorkload implements Workload {

    private final Scale scale;
    private EmbeddedFtpServer server;

    FtpUploadWorkload(Scale scale) {
        this.scale = scale;
    }

    @Override
    public String id() {
        return "ftp-upload";
    }

    @Override
    public String title() {
        return String.format("FTP: %,d × 1 KB uploads", scale.items());
    }

    @Override
    public String unit() {
        return "items/s";
    }

    @Override
    public void start() {
        server = FtpBench.startServer((long) scale.items() * FtpBench.SMALL_FILE);
    }

    private Path out() {
        return server.root().resolve("out");
    }

    @Override
    public List<Contender> contenders() {
        SimpleContender.Step clear = () -> {
            server.clearCommands(); // the server's command log would otherwise grow for the whole benchmark
            FtpBench.clear(out());
        };
        return List.of(
                new SimpleContender("netftp", Role.NETPROTO, clear, () -> camel(
                        FtpBench.netftp(server.port(), "out", ""))),
                new SimpleContender("netftp atomicUpload=false", Role.NETPROTO, clear, () -> camel(
                        FtpBench.netftp(server.port(), "out", "atomicUpload=false"))),
                new SimpleContender("netftp atomicUpload=false verifyUploadSize=false", Role.NETPROTO, clear, () -> camel(
                        FtpBench.netftp(server.port(), "out", "atomicUpload=false&verifyUploadSize=false"))),
                new SimpleContender("camel-ftp (tuned)", Role.CAMEL, clear, () -> camel(
                        FtpBench.camelFtp(server.port(), "out", "autoCreate=false"))),
                new SimpleContender("commons-net loop", Role.BARE, clear, () -> bare(false)),
                new SimpleContender("commons-net loop, atomic and verified", Role.BARE, clear, () -> bare(true)));
    }

    private Measurement camel(String uri) throws Exception {
        return FtpBench.withCommandsPerItem(CamelRuns.produce(CamelRuns.defaults(), uri, scale.items(),
                FtpBench::smallContent, i -> Map.of(Exchange.FILE_NAME, FtpBench.smallName(i)),
                () -> FtpBench.holdsSmallFiles(out(), scale.items())), server, scale.items());
    }

    /**
     * One connection: STOR per file; {@code atomic} does per file what netftp's defaults do (STOR to a temporary
     * name, SIZE of it, RNFR/RNTO to the final name), so that the cost of those defaults shows on its own.
     */
    private Measurement bare(boolean atomic) throws Exception {
        long start = System.nanoTime();
        FTPClient client = FtpBench.connect(server.port());
        for (int i = 0; i < scale.items(); i++) {
            String path = "out/" + FtpBench.smallName(i);
            String target = atomic ? "out/.inprogress-" + FtpBench.smallName(i) : path;
            if (!client.storeFile(target, new ByteArrayInputStream(FtpBench.smallContent(i)))) {
                throw new IllegalStateException("Cannot store " + target + ": " + client.getReplyString());
            }
            boolean verified = !atomic || Long.parseLong(client.getSize(target)) == FtpBench.SMALL_FILE;
            if (atomic && !(verified && client.rename(target, path))) {
                throw new IllegalStateException("Cannot verify and rename " + target + ": " + client.getReplyString());
            }
        }
        FtpBench.logout(client);
        long nanos = System.nanoTime() - start;
        if (!FtpBench.holdsSmallFiles(out(), scale.items())) {
            throw new IllegalStateException("Not every one of " + scale.items() + " uploads is on the server");
        }
        return FtpBench.withCommandsPerItem(Measurement.rate(scale.items(), nanos), server, scale.items());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
