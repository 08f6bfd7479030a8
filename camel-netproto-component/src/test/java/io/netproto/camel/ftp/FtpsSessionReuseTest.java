package io.netproto.camel.ftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.netproto.camel.ftp.vsftpd.Vsftpd;
import io.netproto.testkit.tls.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * netftps against vsftpd with {@code require_ssl_reuse=YES}: every data connection must resume the
 * control connection's TLS session. Skipped when vsftpd cannot run here, unless
 * {@code -Dnetproto.requireVsftpd=true} (set by CI) turns that into a failure.
 * <p>
 * TLS 1.2 needs {@code jdk.tls.client.enableSessionTicketExtension=false}, which JSSE reads once per
 * JVM: the surefire configuration of this module sets it for the whole test JVM.
 */
class FtpsSessionReuseTest {

    private static final String TICKET_PROPERTY = "jdk.tls.client.enableSessionTicketExtension";
    private static final int ROUNDS = 3;

    @TempDir
    private static Path workDir;
    private static Vsftpd vsftpd;
    private static Optional<String> unavailable;

    @BeforeAll
    static void startVsftpd() throws IOException {
        unavailable = Vsftpd.unavailableReason();
        if (unavailable.isPresent() && Boolean.getBoolean(Vsftpd.REQUIRE_PROPERTY)) {
            fail(unavailable.get() + ", but -D" + Vsftpd.REQUIRE_PROPERTY + "=true requires the vsftpd tests");
        }
        if (unavailable.isEmpty()) {
            vsftpd = Vsftpd.start(workDir);
        }
    }

    /** Per test, so each one is reported as skipped, with the reason. */
    @BeforeEach
    void requireVsftpd() {
        assumeTrue(vsftpd != null, () -> "vsftpd tests skipped: " + unavailable.orElse("vsftpd did not start"));
    }

    @AfterAll
    static void stopVsftpd() throws InterruptedException {
        if (vsftpd != null) {
            vsftpd.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
    void everyDataConnectionResumesTheControlSession(String protocol) throws Exception {
        requireTicketPropertyFor(protocol);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("tls", parameters(protocol));
        String uri = "netftps://localhost:" + vsftpd.port() + "/" + Vsftpd.UPLOAD_DIR + "?sslContextParameters=#tls";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // one endpoint, one producer: every transfer on the same control connection
                from("direct:ftps").to(uri)
                        .choice().when(body().isInstanceOf(FtpRemoteFile.class)).convertBodyTo(String.class).end();
            }
        });
        context.start();
        try {
            ProducerTemplate template = context.createProducerTemplate();
            int transfers = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                String name = protocol + "-round-" + round + ".txt";
                String content = "round " + round + " over " + protocol;

                template.sendBodyAndHeaders("direct:ftps", content, headers("storbinary", name));
                transfers++;
                List<?> listing = template.requestBodyAndHeaders("direct:ftps", null, headers("dir", null), List.class);
                assertThat(listing).map(entry -> ((FtpEntry) entry).name()).contains(name);
                transfers++;
                Object downloaded = template.requestBodyAndHeaders("direct:ftps", null, headers("retrbinary", name));
                assertThat(downloaded).isEqualTo(content);
                transfers++;

                assertThat(vsftpd.root().resolve(Vsftpd.UPLOAD_DIR).resolve(name)).hasContent(content);
            }
            assertThat(transfers).isEqualTo(3 * ROUNDS);
        } catch (Exception | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nvsftpd log:\n" + vsftpd.log(), e);
        } finally {
            context.stop();
        }
    }

    /**
     * Two endpoints, so two control connections open at once, each with a TLS context of its own: a
     * shared one would hold only the latest session for this host and port.
     */
    @ParameterizedTest
    @ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
    void twoOpenSessionsEachResumeTheirOwnControlSession(String protocol) throws Exception {
        requireTicketPropertyFor(protocol);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("tls", parameters(protocol));
        String uri = "netftps://localhost:" + vsftpd.port() + "/" + Vsftpd.UPLOAD_DIR + "?sslContextParameters=#tls";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to(uri);
                from("direct:b").to(uri + "&maxIdleSessions=2")
                        .choice().when(body().isInstanceOf(FtpRemoteFile.class)).convertBodyTo(String.class).end();
            }
        });
        context.start();
        try {
            ProducerTemplate template = context.createProducerTemplate();
            for (int round = 1; round <= 2; round++) {
                String name = protocol + "-two-sessions-" + round + ".txt";
                template.sendBodyAndHeaders("direct:a", "via a", headers("storbinary", name));
                assertThat(template.requestBodyAndHeaders("direct:b", null, headers("retrbinary", name))).isEqualTo("via a");
            }
        } catch (Exception | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nvsftpd log:\n" + vsftpd.log(), e);
        } finally {
            context.stop();
        }
    }

    /** Proves the server enforces reuse: a stock Commons Net client's first transfer is refused. */
    @ParameterizedTest
    @ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
    void stockFtpsClientIsRefusedWith522(String protocol) throws Exception {
        SSLContext tls = parameters(protocol).createSSLContext(null);
        FTPSClient client = new FTPSClient(false, tls);
        try {
            client.connect("localhost", vsftpd.port());
            client.execPBSZ(0);
            client.execPROT("P");
            assertThat(client.login("anonymous", "anonymous@")).isTrue();
            client.enterLocalPassiveMode();
            int reply;
            try {
                client.storeFile(Vsftpd.UPLOAD_DIR + "/stock.txt", new ByteArrayInputStream("x".getBytes(StandardCharsets.US_ASCII)));
                reply = client.getReplyCode();
            } catch (IOException dataConnectionTornDown) {
                reply = client.getReply(); // the refusal waits on the control connection
            }
            assertThat(reply).as(client.getReplyString()).isEqualTo(522);
            assertThat(client.getReplyString()).contains("session reuse required");
        } finally {
            client.disconnect();
        }
    }

    private static void requireTicketPropertyFor(String protocol) {
        if ("TLSv1.2".equals(protocol)) {
            assertThat(System.getProperty(TICKET_PROPERTY))
                    .as("TLS 1.2 resumption against vsftpd needs -D" + TICKET_PROPERTY
                        + "=false in the test JVM (set by the surefire configuration of this module)")
                    .isEqualTo("false");
        }
    }

    /** Trusts the test certificate and allows exactly one protocol version. */
    private static SSLContextParameters parameters(String protocol) {
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.getSecureSocketProtocol().add(protocol);
        SSLContextParameters parameters = TestTls.trustingParameters();
        parameters.setSecureSocketProtocols(protocols);
        return parameters;
    }

    private static Map<String, Object> headers(String operation, String fileName) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(FtpConstants.OPERATION, operation);
        if (fileName != null) {
            headers.put(Exchange.FILE_NAME, fileName);
        }
        return headers;
    }
}
