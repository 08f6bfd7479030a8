package io.netproto.camel.ftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.testkit.ftp.EmbeddedFtpServer;
import io.netproto.testkit.ftp.EmbeddedFtpServer.Tls;
import io.netproto.testkit.tls.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * netftps against Apache FtpServer, which does not require TLS session reuse: explicit and implicit
 * TLS 1.2 (the test kit's server), TLS 1.3 (a server started here), certificate trust and host-name
 * verification (a certificate for another name, made with keytool).
 */
class FtpsTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret!";

    @TempDir
    static Path sharedDir;
    private static Path otherNameKeyStore;

    private final CamelContext context = new DefaultCamelContext();
    private EmbeddedFtpServer server;
    private FtpServer ownServer;

    @AfterEach
    void stop() {
        context.stop();
        if (server != null) {
            server.close();
        }
        if (ownServer != null) {
            ownServer.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Tls.class, names = { "EXPLICIT", "IMPLICIT" })
    void uploadsListsAndDownloadsOverTls(Tls mode) throws Exception {
        server = EmbeddedFtpServer.builder().user(USER, PASSWORD).tls(mode).start();
        context.getRegistry().bind("tls", TestTls.trustingParameters());
        ProducerTemplate ftps = start(uri("localhost", server.port(), "sslContextParameters=#tls"
                + (mode == Tls.IMPLICIT ? "&implicit=true" : "")));

        uploadListAndDownloadTwice(ftps, server.root());
    }

    /** The test kit's server speaks TLS 1.2 only; this one TLS 1.3 only (uploads end with a half-close). */
    @Test
    void uploadsListsAndDownloadsOverTls13(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        int port = startServer(TestTls.serverKeyStore(), root, "TLSv1.3");
        SSLContextParameters tls = TestTls.trustingParameters();
        tls.setSecureSocketProtocols(protocols("TLSv1.3"));
        context.getRegistry().bind("tls", tls);
        ProducerTemplate ftps = start(uri("localhost", port, "sslContextParameters=#tls"));

        uploadListAndDownloadTwice(ftps, root);
    }

    /** STOR, LIST and RETR, twice, through one endpoint (so one session). */
    private static void uploadListAndDownloadTwice(ProducerTemplate ftps, Path root) {
        for (int round = 1; round <= 2; round++) {
            String name = "report-" + round + ".txt";
            ftps.sendBodyAndHeaders("direct:ftps", "secret content " + round, headers("storbinary", name));
            assertThat(root.resolve("inbox").resolve(name)).hasContent("secret content " + round);

            List<?> listing = ftps.requestBodyAndHeaders("direct:ftps", null, headers("dir", null), List.class);
            assertThat(listing).map(entry -> ((FtpEntry) entry).name()).contains(name);

            Object body = ftps.requestBodyAndHeaders("direct:ftps", null, headers("retrbinary", name));
            assertThat(body).isEqualTo("secret content " + round);
        }
    }

    @Test
    void untrustedServerCertificateFailsTheConnection() throws Exception {
        server = EmbeddedFtpServer.builder().user(USER, PASSWORD).tls(Tls.EXPLICIT).start();
        ProducerTemplate ftps = start(uri("localhost", server.port(), "")); // JVM default trust store

        assertThatThrownBy(() -> ftps.sendBodyAndHeaders("direct:ftps", null, headers("dir", null)))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(ConnectionFailedException.class)
                .hasMessageStartingWith("Cannot connect to FTP server localhost:" + server.port() + ": SSLHandshakeException")
                .hasMessageContaining("PKIX path building failed")
                .hasRootCauseInstanceOf(CertPathBuilderException.class)
                .cause().isInstanceOf(SSLHandshakeException.class);
    }

    /** A server whose certificate names only {@code other.invalid}, reached as {@code localhost}. */
    @Test
    void hostNameIsVerifiedByDefault(@TempDir Path dir) throws Exception {
        Path keyStore = otherNameKeyStore();
        int port = startServer(keyStore, Files.createDirectories(dir.resolve("root")), "TLSv1.2", "TLSv1.3");
        context.getRegistry().bind("tls", trusting(keyStore));
        ProducerTemplate ftps = start(uri("localhost", port, "sslContextParameters=#tls"));

        assertThatThrownBy(() -> ftps.sendBodyAndHeaders("direct:ftps", null, headers("dir", null)))
                .cause().isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("No subject alternative DNS name matching localhost")
                .cause().isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void hostNameVerificationCanBeTurnedOff(@TempDir Path dir) throws Exception {
        Path keyStore = otherNameKeyStore();
        Path root = Files.createDirectories(dir.resolve("root"));
        int port = startServer(keyStore, root, "TLSv1.2", "TLSv1.3");
        context.getRegistry().bind("tls", trusting(keyStore));
        ProducerTemplate ftps = start(uri("localhost", port, "sslContextParameters=#tls&verifyHostname=false"));

        ftps.sendBodyAndHeaders("direct:ftps", "unverified", headers("storbinary", "a.txt"));
        List<?> listing = ftps.requestBodyAndHeaders("direct:ftps", null, headers("dir", null), List.class);
        assertThat(listing).map(entry -> ((FtpEntry) entry).name()).containsExactly("a.txt");
        assertThat(root.resolve("inbox/a.txt")).hasContent("unverified");
    }

    private static String uri(String host, int port, String options) {
        return "netftps://" + USER + "@" + host + ":" + port + "/inbox?password=" + PASSWORD
               + (options.isEmpty() ? "" : "&" + options);
    }

    /** One endpoint (so one session) for every operation; downloads are read into a String. */
    private ProducerTemplate start(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ftps").to(uri)
                        .choice().when(body().isInstanceOf(FtpRemoteFile.class)).convertBodyTo(String.class).end();
            }
        });
        context.start();
        return context.createProducerTemplate();
    }

    private static Map<String, Object> headers(String operation, String fileName) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(FtpConstants.OPERATION, operation);
        if (fileName != null) {
            headers.put(Exchange.FILE_NAME, fileName);
        }
        return headers;
    }

    private static SecureSocketProtocolsParameters protocols(String protocol) {
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.getSecureSocketProtocol().add(protocol);
        return protocols;
    }

    /** Trusts the certificate of a PKCS12 key store (JSSE trusts the certificates of its key entries). */
    private static SSLContextParameters trusting(Path keyStore) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keyStore);
        store.setType("PKCS12");
        store.setPassword(TestTls.password());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** A key store (password {@link TestTls#password()}) with a self-signed certificate for {@code other.invalid} only. */
    private static synchronized Path otherNameKeyStore() throws Exception {
        if (otherNameKeyStore == null) {
            Path keyStore = Files.createTempDirectory(sharedDir, "keys").resolve("other.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=other.invalid", "-ext", "SAN=dns:other.invalid", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", TestTls.password(), "-keypass", TestTls.password())
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            assertThat(keytool.waitFor(30, TimeUnit.SECONDS) && keytool.exitValue() == 0).as(output).isTrue();
            otherNameKeyStore = keyStore;
        }
        return otherNameKeyStore;
    }

    /** Starts an explicit-FTPS Apache FtpServer presenting the key store's certificate, with the given protocols. */
    private int startServer(Path keyStore, Path root, String... protocols) throws Exception {
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(keyStore.toFile());
        ssl.setKeystoreType("PKCS12");
        ssl.setKeystorePassword(TestTls.password());
        ssl.setKeyPassword(TestTls.password());
        ssl.setSslProtocol(protocols);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress("127.0.0.1");
        listenerFactory.setPort(0);
        listenerFactory.setSslConfiguration(ssl.createSslConfiguration());
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        Listener listener = listenerFactory.createListener();

        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener);
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(root.toString());
        user.setAuthorities(List.of(new WritePermission()));
        factory.getUserManager().save(user);
        ownServer = factory.createServer();
        ownServer.start();
        return listener.getPort();
    }
}
