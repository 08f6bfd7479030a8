package io.netproto.camel.imap;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run in a JVM with a small heap by {@link ImapLargeMessageTest}: consumes one message from an IMAP server (raw,
 * mapMailMessage=false) and reads its body stream to the end. Arguments: imap URI. Prints the byte count and the
 * last line; exit code 0 when the route completed.
 */
public final class ImapLargeMessageTransfer {

    private ImapLargeMessageTransfer() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong bytes = new AtomicLong();
        AtomicReference<String> tail = new AtomicReference<>("");
        CountDownLatch done = new CountDownLatch(1);
        CamelContext camel = new DefaultCamelContext();
        camel.getStreamCachingStrategy().setSpoolEnabled(true);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(args[0]).process(e -> {
                    byte[] buffer = new byte[64 * 1024];
                    byte[] last = new byte[0];
                    try (InputStream in = e.getIn().getBody(InputStream.class)) {
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            bytes.addAndGet(n);
                            last = java.util.Arrays.copyOfRange(buffer, Math.max(0, n - 200), n);
                        }
                    }
                    tail.set(new String(last, StandardCharsets.US_ASCII));
                    done.countDown();
                });
            }
        });
        camel.start();
        boolean ok = done.await(4, TimeUnit.MINUTES);
        camel.stop();
        Runtime rt = Runtime.getRuntime();
        System.out.println("consumed: " + bytes.get() + " bytes");
        System.out.println("tail: " + tail.get().strip().replace("\r\n", "|"));
        System.out.println("max heap MB: " + rt.maxMemory() / (1024 * 1024));
        System.exit(ok ? 0 : 1);
    }
}
