package io.netproto.camel.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netproto.testkit.ftp.EmbeddedFtpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link LargeFileStreamingTest} in a JVM with a 64 MB heap: a file of several hundred MB is
 * consumed (route to a local file), downloaded by the producer (retrbinary) and uploaded again
 * (storbinary), with Camel's defaults (stream caching on). Prints one line per step; exit code 0 when
 * every copy has the original's digest.
 */
public final class LargeFileTransfer {

    private LargeFileTransfer() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]) * 1024 * 1024;
        Path work = Path.of(args[1]);
        CamelContext camel = new DefaultCamelContext();
        try (EmbeddedFtpServer server = EmbeddedFtpServer.builder().user("big", "pw").root(work.resolve("ftp")).start()) {
            Path original = work.resolve("ftp/in/big.bin");
            Files.createDirectories(original.getParent());
            String digest = generate(original, size);
            String base = "netftp://big@" + server.host() + ":" + server.port();
            Path local = work.resolve("local");
            CountDownLatch consumed = new CountDownLatch(1);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(base + "/in?password=pw&delay=100")
                            .to("file:" + local.resolve("consumed"))
                            .process(e -> consumed.countDown());
                    from("direct:download")
                            .setHeader(FtpConstants.OPERATION, constant("retrbinary"))
                            .setHeader(Exchange.FILE_NAME, constant("big.bin"))
                            .to(base + "/in?password=pw")
                            .to("file:" + local.resolve("downloaded"));
                }
            });
            camel.start();
            System.out.println("stream caching enabled: " + camel.isStreamCaching());
            if (!consumed.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the consumer did not deliver the file");
            }
            check("consumed", local.resolve("consumed/big.bin"), digest);

            Exchange downloaded = camel.createProducerTemplate().request("direct:download", e -> {
            });
            if (downloaded.getException() != null) {
                throw downloaded.getException();
            }
            check("downloaded", local.resolve("downloaded/big.bin"), digest);

            camel.createProducerTemplate().sendBodyAndHeader(base + "/out?password=pw",
                    local.resolve("downloaded/big.bin").toFile(), Exchange.FILE_NAME, "copy.bin");
            check("uploaded", work.resolve("ftp/out/copy.bin"), digest);
            Runtime rt = Runtime.getRuntime();
            System.out.println("max heap MB: " + rt.maxMemory() / (1024 * 1024));
        } finally {
            camel.stop();
        }
    }

    private static String generate(Path file, long size) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        java.util.Random random = new java.util.Random(42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                md.update(block);
                out.write(block);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void check(String step, Path copy, String expected) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(copy)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalStateException(step + ": copy missing: " + copy, e);
        }
        String actual = HexFormat.of().formatHex(md.digest());
        if (!actual.equals(expected)) {
            throw new IllegalStateException(step + ": digest differs");
        }
        System.out.println(step + ": " + Files.size(copy) + " bytes, digest ok");
    }
}
