package io.netproto.camel.ftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.netproto.testkit.ftp.EmbeddedFtpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh embedded FTP server and CamelContext per test. */
abstract class FtpTestSupport {

    static final String USER = "alice";
    static final String PASSWORD = "s3cret!";

    EmbeddedFtpServer server;
    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startServerAndContext() throws Exception {
        server = EmbeddedFtpServer.builder().user(USER, PASSWORD).start();
        context = new DefaultCamelContext();
        configure(context);
        context.start();
        template = context.createProducerTemplate();
    }

    /** Adds routes or beans before the context starts. */
    void configure(CamelContext camelContext) throws Exception {
    }

    @AfterEach
    void stopServerAndContext() {
        if (context != null) {
            context.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A netftp URI for the embedded server, directory {@code dir}, extra options appended. */
    String uri(String dir, String options) {
        return "netftp://" + USER + "@" + server.host() + ":" + server.port() + "/" + dir + "?password=" + PASSWORD
               + (options == null || options.isEmpty() ? "" : "&" + options);
    }

    Path remote(String path) {
        return server.root().resolve(path);
    }

    void writeRemote(String path, String content) {
        try {
            Path file = remote(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String readRemote(String path) {
        try {
            return Files.readString(remote(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object request(String uri, Object body, Map<String, Object> headers) {
        return template.requestBodyAndHeaders(uri, body, headers);
    }
}
