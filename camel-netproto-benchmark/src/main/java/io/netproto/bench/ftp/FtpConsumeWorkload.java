package io.netproto.bench.ftp;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

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
import org.apache.commons.net.ftp.FTPFile;

/**
 * Small files consumed with delete: before each run the server's directory {@code in} gets {@code items} files of
 * 1 KB; a run ends when every file was delivered (checked: name and size) and deleted on the server.
 */
final class FtpConsumeWorkload implements Workload {

    /** The consumers' scheduling, the same for both Camel contenders: poll at once, then every 50 ms. */
    private static final String POLLING = "initialDelay=0&delay=50";

    private final Scale scale;
    private EmbeddedFtpServer server;

    FtpConsumeWorkload(Scale scale) {
        this.scale = scale;
    }

    @Override
    public String id() {
        return "ftp-consume";
    }

    @Override
    public String title() {
        return String.format("FTP: %,d × 1 KB files consumed with delete", scale.items());
    }

    @Override
    public String unit() {
        return "items/s";
    }

    @Override
    public void start() {
        server = FtpBench.startServer((long) scale.items() * FtpBench.SMALL_FILE);
    }

    private Path in() {
        return server.root().resolve("in");
    }

    @Override
    public List<Contender> contenders() {
        SimpleContender.Step fill = () -> {
            server.clearCommands(); // the server's command log would otherwise grow for the whole benchmark
            FtpBench.fill(in(), scale.items());
        };
        return List.of(
                new SimpleContender("netftp", Role.NETPROTO, fill, () -> camel(
                        FtpBench.netftp(server.port(), "in", "delete=true&" + POLLING))),
                new SimpleContender("camel-ftp (tuned)", Role.CAMEL, fill, () -> camel(
                        FtpBench.camelFtp(server.port(), "in", "delete=true&streamDownload=false&" + POLLING))),
                new SimpleContender("commons-net loop", Role.BARE, fill, this::bare));
    }

    private Measurement camel(String uri) throws Exception {
        return FtpBench.withCommandsPerItem(CamelRuns.consume(CamelRuns.defaults(), uri, scale.items(),
                FtpConsumeWorkload::check, () -> FtpBench.count(in()) == 0), server, scale.items());
    }

    private static String check(Exchange exchange) {
        byte[] content = exchange.getIn().getBody(byte[].class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (content == null || content.length != FtpBench.SMALL_FILE || name == null) {
            throw new IllegalStateException("Wrong file delivered: " + name);
        }
        return name;
    }

    /** One connection: LIST, then RETR and DELE per file. */
    private Measurement bare() throws Exception {
        long start = System.nanoTime();
        FTPClient client = FtpBench.connect(server.port());
        int consumed = 0;
        long first = 0;
        ByteArrayOutputStream content = new ByteArrayOutputStream(FtpBench.SMALL_FILE);
        for (FTPFile file : client.listFiles("in")) {
            if (!file.isFile()) {
                continue;
            }
            String path = "in/" + file.getName();
            content.reset();
            if (!client.retrieveFile(path, content) || content.size() != FtpBench.SMALL_FILE
                    || !client.deleteFile(path)) {
                throw new IllegalStateException("Cannot consume " + path + ": " + client.getReplyString());
            }
            consumed++;
            first = first == 0 ? System.nanoTime() : first;
        }
        long last = System.nanoTime();
        FtpBench.logout(client);
        long nanos = System.nanoTime() - start;
        if (consumed != scale.items() || FtpBench.count(in()) != 0) {
            throw new IllegalStateException("Consumed " + consumed + " of " + scale.items() + " files");
        }
        return FtpBench.withCommandsPerItem(Measurement.rate(consumed, nanos)
                .withNote(CamelRuns.startNote(consumed, start, first, last)), server, scale.items());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
