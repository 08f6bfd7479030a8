package io.netproto.camel.ftp;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.netproto.camel.support.NetprotoException;
import io.netproto.testkit.fault.Direction;
import io.netproto.testkit.fault.Fault;
import io.netproto.testkit.fault.FaultProxy;
import io.netproto.testkit.fault.FaultSource;
import io.netproto.testkit.fault.SeededFaults;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through a fault-injecting proxy: an upload either lands complete or fails with an exception, never
 * silently; a retried upload (Camel redelivery) leaves the complete target and no partial or temporary file.
 */
class FtpProducerFaultTest extends FtpTestSupport {

    private static final long SEED = 42;
    private static final int UPLOADS = 200;

    private FaultProxy proxy;

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private String proxyUri(String options) {
        return "netftp://" + USER + "@" + proxy.host() + ":" + proxy.port() + "/out?password=" + PASSWORD
               + "&readTimeout=300&connectTimeout=1000" + (options.isEmpty() ? "" : "&" + options);
    }

    private static byte[] content(Random random) {
        byte[] bytes = new byte[20_000 + random.nextInt(40_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void everyUploadLandsCompleteOrFailsWithAnException() throws Exception {
        proxy = FaultProxy.ftp(server.host(), server.port()).faults(new SeededFaults(SEED, 0.4, 60_000, 1_000, 2,
                Fault.Kind.DROP, Fault.Kind.RESET, Fault.Kind.STALL, Fault.Kind.CUT_REPLY, Fault.Kind.DELAY));
        Random random = new Random(SEED);
        Map<String, byte[]> succeeded = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            String name = "u" + i + ".bin";
            byte[] bytes = content(random);
            Exchange exchange = template.send(proxyUri(""), e -> {
                e.getIn().setHeader(Exchange.FILE_NAME, name);
                e.getIn().setBody(bytes);
            });
            if (exchange.getException() == null) {
                succeeded.put(name, bytes);
            } else {
                assertThat(exchange.getException()).as("failure of " + name).isInstanceOf(NetprotoException.class)
                        .hasMessageContaining("FTP");
                failed.add(name);
            }
        }
        System.out.println("fault-run netftp producer: uploads=" + UPLOADS + " faults=" + proxy.faultsInjected()
                           + " failed=" + failed.size() + " seed=" + SEED);
        assertThat(proxy.faultsInjected()).isGreaterThan(5);
        assertThat(failed).isNotEmpty();
        succeeded.forEach((name, bytes) -> assertThat(remote("out/" + name)).as(name).hasBinaryContent(bytes));
        for (String name : failed) {
            assertThat(remote("out/" + name)).as("a failed upload leaves no target").doesNotExist();
        }
    }

    @Test
    void aRetriedUploadLeavesTheCompleteTargetAndNoPartialFile() throws Exception {
        // 1: control connection, 2: data connection of the first STOR, reset mid-transfer; then no more faults
        proxy = FaultProxy.ftp(server.host(), server.port()).faults(FaultSource.sequence(Fault.none(),
                Fault.resetAfterBytes(Direction.CLIENT_TO_SERVER, 10_000)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).maximumRedeliveries(3).redeliveryDelay(0);
                from("direct:upload").to(proxyUri(""));
            }
        });
        byte[] bytes = content(new Random(7));
        Exchange exchange = template.send("direct:upload", e -> {
            e.getIn().setHeader(Exchange.FILE_NAME, "retried.bin");
            e.getIn().setBody(bytes);
        });
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(proxy.faultsInjected(Fault.Kind.RESET)).isEqualTo(1);
        assertThat(remote("out/retried.bin")).hasBinaryContent(bytes);
        try (var files = Files.list(remote("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("retried.bin");
        }
    }

    @Test
    void seededFaultsWithRedeliveryLandEveryUploadCompleteWithoutLeftovers() throws Exception {
        proxy = FaultProxy.ftp(server.host(), server.port()).faults(new SeededFaults(SEED + 1, 0.5, 60_000, 1_000, 2,
                Fault.Kind.DROP, Fault.Kind.RESET, Fault.Kind.STALL, Fault.Kind.CUT_REPLY));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).maximumRedeliveries(10).redeliveryDelay(0);
                from("direct:upload").to(proxyUri(""));
            }
        });
        Random random = new Random(SEED);
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String name = "r" + i + ".bin";
            byte[] bytes = content(random);
            uploads.put(name, bytes);
            Exchange exchange = template.send("direct:upload", e -> {
                e.getIn().setHeader(Exchange.FILE_NAME, name);
                e.getIn().setBody(bytes);
            });
            assertThat(exchange.getException()).as(name).isNull();
        }
        assertThat(proxy.faultsInjected()).isPositive();
        uploads.forEach((name, bytes) -> assertThat(remote("out/" + name)).as(name).hasBinaryContent(bytes));
        try (var files = Files.list(remote("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(uploads.keySet());
        }
    }
}
