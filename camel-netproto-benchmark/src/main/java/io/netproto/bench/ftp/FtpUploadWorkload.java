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
 * upload: STOR to a temporary name, then RNFR/RNTO) and with {@code atomicUpload=false} (a plain STOR, as the others).
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
        server = EmbeddedFtpServer.builder().user(FtpBench.USER, FtpBench.PASSWORD).start();
    }

    private Path out() {
        return server.root().resolve("out");
    }

    @Override
    public List<Contender> contenders() {
        SimpleContender.Step clear = () -> FtpBench.clear(out());
        return List.of(
                new SimpleContender("netftp", Role.NETPROTO, clear, () -> camel(
                        FtpBench.netftp(server.port(), "out", ""))),
                new SimpleContender("netftp atomicUpload=false", Role.NETPROTO, clear, () -> camel(
                        FtpBench.netftp(server.port(), "out", "atomicUpload=false"))),
                new SimpleContender("netftp atomicUpload=false verifyUploadSize=false", Role.NETPROTO, clear, () -> camel(
                        FtpBench.netftp(server.port(), "out", "atomicUpload=false&verifyUploadSize=false"))),
                new SimpleContender("camel-ftp (tuned)", Role.CAMEL, clear, () -> camel(
                        FtpBench.camelFtp(server.port(), "out", "autoCreate=false"))),
                new SimpleContender("commons-net loop", Role.BARE, clear, this::bare));
    }

    private Measurement camel(String uri) throws Exception {
        return CamelRuns.produce(CamelRuns.defaults(), uri, scale.items(), FtpBench::smallContent,
                i -> Map.of(Exchange.FILE_NAME, FtpBench.smallName(i)),
                () -> FtpBench.holdsSmallFiles(out(), scale.items()));
    }

    /** One connection: STOR per file. */
    private Measurement bare() throws Exception {
        long start = System.nanoTime();
        FTPClient client = FtpBench.connect(server.port());
        for (int i = 0; i < scale.items(); i++) {
            String path = "out/" + FtpBench.smallName(i);
            if (!client.storeFile(path, new ByteArrayInputStream(FtpBench.smallContent(i)))) {
                throw new IllegalStateException("Cannot store " + path + ": " + client.getReplyString());
            }
        }
        FtpBench.logout(client);
        long nanos = System.nanoTime() - start;
        if (!FtpBench.holdsSmallFiles(out(), scale.items())) {
            throw new IllegalStateException("Not every one of " + scale.items() + " uploads is on the server");
        }
        return Measurement.rate(scale.items(), nanos);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
