package io.netproto.bench.ftp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import io.netproto.bench.ChildJvm;
import io.netproto.bench.HeapProbe;
import io.netproto.bench.Measurement;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.net.ftp.FTPClient;

/**
 * The child JVM of {@link FtpLargeWorkload}: one transfer of the large file by one contender, with Camel's defaults
 * (stream caching on). Downloads read the content to the end and count it; uploads send an InputStream of the local
 * file straight to the endpoint. Reports MB/s and the peak heap of this JVM, and notes how long the start took (first
 * poll or connection, login, listing) and the pace once the data flowed.
 * <p>
 * Before the clock starts, each contender transfers a smaller file ({@link #WARM_UP_BYTES}) the same way in the same
 * JVM (the same route or producer, the same code), so that the measured transfer runs on compiled code as the other
 * workloads' rounds do after their warm-up round: a fresh JVM would otherwise spend the first seconds of a 3 s
 * transfer compiling Camel's code on two cores shared with the server. The peak heap covers the warm-up too.
 * Arguments: contender, direction, FTP port, file size, path of the source file.
 */
public final class LargeTransferChild {

    /** Who transfers. */
    enum Contender { NETFTP, CAMEL_FTP, BARE }

    /** Which way. */
    enum Direction { DOWNLOAD, UPLOAD }

    static final String SOURCE = "large/big.bin";
    static final String UPLOAD_DIR = "up";
    static final String UPLOAD_NAME = "big.bin";
    /** The file the download warm-up reads, {@link #WARM_UP_BYTES} long. */
    static final String WARM_UP_SOURCE = "warm-up/warm-up.bin";
    /** The name of the upload warm-up's copy in {@link #UPLOAD_DIR}. */
    static final String WARM_UP_NAME = "warm-up.bin";
    /** The size of the warm-up transfer (or the file's size, when smaller). */
    static final long WARM_UP_BYTES = 64L << 20;
    private static final int BUFFER = 65536;
    /** When a run started, and when its data began to flow. */
    private static long runStart;
    private static long dataStart;

    private LargeTransferChild() {
    }

    public static void main(String[] args) throws Exception {
        Contender who = Contender.valueOf(args[0]);
        Direction direction = Direction.valueOf(args[1]);
        int port = Integer.parseInt(args[2]);
        long size = Long.parseLong(args[3]);
        Path source = Path.of(args[4]);
        HeapProbe heap = new HeapProbe();
        heap.reset();
        long nanos = switch (who) {
            case BARE -> direction == Direction.DOWNLOAD ? bareDownload(port, size) : bareUpload(port, source, size);
            case NETFTP -> direction == Direction.DOWNLOAD
                    ? camelDownload(dir -> FtpBench.netftp(port, dir, "initialDelay=0&delay=100"), size, heap)
                    : camelUpload(name -> FtpBench.netftp(port, UPLOAD_DIR, "fileName=" + name), source, size, heap);
            case CAMEL_FTP -> direction == Direction.DOWNLOAD
                    ? camelDownload(dir -> FtpBench.camelFtp(port, dir,
                            "streamDownload=true&noop=true&initialDelay=0&delay=100"), size, heap)
                    : camelUpload(name -> FtpBench.camelFtp(port, UPLOAD_DIR, "fileName=" + name), source, size, heap);
        };
        Measurement result = Measurement.megabytesPerSecond(size, nanos).withPeakHeap(heap.peakBytes());
        if (dataStart > 0) {
            double flowing = Measurement.megabytesPerSecond(size, runStart + nanos - dataStart).value();
            result = result.withNote(String.format(Locale.ROOT, "data after %,d ms, then %,.0f MB/s",
                    (dataStart - runStart) / 1_000_000, flowing));
        }
        ChildJvm.report(result);
        System.exit(0);
    }

    /** @param uriOf the consumer URI reading a directory of the server */
    private static long camelDownload(UnaryOperator<String> uriOf, long size, HeapProbe heap) throws Exception {
        String uri = uriOf.apply(Path.of(SOURCE).getParent().toString());
        String warmUpUri = uriOf.apply(Path.of(WARM_UP_SOURCE).getParent().toString());
        CountDownLatch warmedUp = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(warmUpUri).routeId("warm-up")
                            .autoStartup(false).process(exchange -> {
                                try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class)) {
                                    drain(in);
                                }
                                warmedUp.countDown();
                            });
                    from(uri).routeId("download").autoStartup(false).process(exchange -> {
                        try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class)) {
                            dataStart = System.nanoTime();
                            received.set(drain(in));
                        } catch (Exception e) {
                            failure.set(e);
                        }
                        done.countDown();
                    });
                }
            });
            camel.start();
            heap.reset();
            camel.getRouteController().startRoute("warm-up");
            if (!warmedUp.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("No warm-up download from " + warmUpUri);
            }
            camel.getRouteController().stopRoute("warm-up");
            long start = System.nanoTime();
            runStart = start;
            camel.getRouteController().startRoute("download");
            if (!done.await(15, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Nothing downloaded from " + uri);
            }
            long nanos = System.nanoTime() - start;
            if (failure.get() != null) {
                throw failure.get();
            }
            requireSize(received.get(), size);
            return nanos;
        } finally {
            camel.stop();
        }
    }

    /** @param uriOf the producer URI writing a file of that name */
    private static long camelUpload(UnaryOperator<String> uriOf, Path source, long size, HeapProbe heap)
            throws Exception {
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.start();
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                heap.reset();
                try (InputStream warmUp = warmUpPart(source, size)) {
                    template.sendBodyAndHeader(uriOf.apply(WARM_UP_NAME), warmUp, Exchange.FILE_NAME, WARM_UP_NAME);
                }
                try (InputStream in = new FirstRead(Files.newInputStream(source))) {
                    long start = System.nanoTime();
                    runStart = start;
                    template.sendBodyAndHeader(uriOf.apply(UPLOAD_NAME), in, Exchange.FILE_NAME, UPLOAD_NAME);
                    return System.nanoTime() - start;
                }
            }
        } finally {
            camel.stop();
        }
    }

    private static long bareDownload(int port, long size) throws IOException {
        FTPClient warmUp = FtpBench.connect(port);
        try (InputStream in = warmUp.retrieveFileStream(WARM_UP_SOURCE)) {
            if (in == null) {
                throw new IOException("RETR refused: " + warmUp.getReplyString());
            }
            drain(in);
        }
        if (!warmUp.completePendingCommand()) {
            throw new IOException("Warm-up transfer failed: " + warmUp.getReplyString());
        }
        FtpBench.logout(warmUp);
        long start = System.nanoTime();
        runStart = start;
        FTPClient client = FtpBench.connect(port);
        long received;
        try (InputStream in = client.retrieveFileStream(SOURCE)) {
            if (in == null) {
                throw new IOException("RETR refused: " + client.getReplyString());
            }
            dataStart = System.nanoTime();
            received = drain(in);
        }
        if (!client.completePendingCommand()) {
            throw new IOException("Transfer failed: " + client.getReplyString());
        }
        FtpBench.logout(client);
        long nanos = System.nanoTime() - start;
        requireSize(received, size);
        return nanos;
    }

    /**
     * One connection, as the Camel producers keep theirs (a pooled session; camel-ftp's {@code disconnect=false}):
     * the warm-up upload, then the measured one; the clock covers the measured STOR.
     */
    private static long bareUpload(int port, Path source, long size) throws IOException {
        FTPClient client = FtpBench.connect(port);
        try (InputStream in = warmUpPart(source, size)) {
            if (!client.storeFile(UPLOAD_DIR + "/" + WARM_UP_NAME, in)) {
                throw new IOException("STOR refused: " + client.getReplyString());
            }
        }
        long start = System.nanoTime();
        runStart = start;
        try (InputStream in = new FirstRead(Files.newInputStream(source))) {
            if (!client.storeFile(UPLOAD_DIR + "/" + UPLOAD_NAME, in)) {
                throw new IOException("STOR refused: " + client.getReplyString());
            }
        }
        long nanos = System.nanoTime() - start;
        FtpBench.logout(client);
        return nanos;
    }

    /** The first {@link #WARM_UP_BYTES} of the local file, streamed. */
    private static InputStream warmUpPart(Path source, long size) throws IOException {
        return new FilterInputStream(Files.newInputStream(source)) {
            private long left = Math.min(WARM_UP_BYTES, size);

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
    }

    /** The local file of an upload, noting when the contender first reads it: when its data begins to flow. */
    private static final class FirstRead extends FilterInputStream {

        FirstRead(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            started();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            started();
            return super.read(b, off, len);
        }

        private static void started() {
            if (dataStart == 0) {
                dataStart = System.nanoTime();
            }
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    private static void requireSize(long received, long size) {
        if (received != size) {
            throw new IllegalStateException("Received " + received + " of " + size + " bytes");
        }
    }
}
