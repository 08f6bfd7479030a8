package io.netproto.camel.imap;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.netproto.camel.support.LogCapture;
import io.netproto.camel.support.NetprotoException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImapSecurityTest extends ImapTestSupport {

    @Test
    void requiredStartTlsFailsBeforeAnyCredentialIsSent() {
        try (LogCapture logs = new LogCapture()) {
            Exchange exchange = template.send(uri("operation=noop&startTls=required&debugLevel=2"), e -> { });
            assertThat(exchange.getException()).isInstanceOf(NetprotoException.class).hasMessageContaining("STARTTLS");
            assertThat(logs.lines()).noneMatch(l -> l.contains(" LOGIN ") || l.contains("AUTHENTICATE"));
        }
    }

    @Test
    void anUntrustedServerCertificateIsRefused() {
        String uri = "imaps://" + USER + "@" + server.host() + ":" + server.imapsPort() + "?password=" + PASSWORD
                     + "&operation=noop";
        Exchange exchange = template.send(uri, e -> { });
        assertThat(exchange.getException()).isInstanceOf(io.netproto.camel.support.ConnectionFailedException.class)
                .hasMessageContaining("TLS");
    }

    @Test
    void concurrentExchangesEachUseTheirOwnSession() throws Exception {
        deliver("one", "1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> calls = IntStream.range(0, 16)
                    .<Callable<Object>> mapToObj(i -> () -> ok(ImapOperation.search, ImapConstants.CRITERIA, "ALL"))
                    .toList();
            for (Future<Object> result : pool.invokeAll(calls)) {
                assertThat((List<?>) result.get()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
