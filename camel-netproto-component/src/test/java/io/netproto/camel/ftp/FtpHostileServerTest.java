package io.netproto.camel.ftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockftpserver.stub.StubFtpServer;
import org.mockftpserver.stub.command.ListCommandHandler;
import org.mockftpserver.stub.command.PwdCommandHandler;
import org.mockftpserver.stub.command.RetrCommandHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A stub server (MockFtpServer) lists names that try to escape the directory: they are never delivered. */
class FtpHostileServerTest {

    private StubFtpServer server;

    @BeforeEach
    void start() {
        server = new StubFtpServer();
        server.setServerControlPort(0);
        ListCommandHandler list = new ListCommandHandler();
        list.setDirectoryListing(String.join("\r\n",
                "-rw-r--r--   1 owner group        4 Jan 01  2024 good.txt",
                "-rw-r--r--   1 owner group        4 Jan 01  2024 ../../escaped.txt",
                "-rw-r--r--   1 owner group        4 Jan 01  2024 ..",
                "-rw-r--r--   1 owner group        4 Jan 01  2024 sub\\..\\..\\win.txt"));
        server.setCommandHandler("LIST", list);
        RetrCommandHandler retr = new RetrCommandHandler();
        retr.setFileContents("data");
        server.setCommandHandler("RETR", retr);
        PwdCommandHandler pwd = new PwdCommandHandler();
        pwd.setDirectory("/");
        server.setCommandHandler("PWD", pwd);
        server.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> server.getServerControlPort() > 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void namesThatEscapeTheDirectoryAreNeverDelivered(@TempDir Path tmp) throws Exception {
        List<String> names = new CopyOnWriteArrayList<>();
        Path out = tmp.resolve("deep/out");
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("netftp://user@127.0.0.1:" + server.getServerControlPort() + "?password=pw&delay=50&initialDelay=0")
                        .process(e -> names.add(e.getIn().getHeader(Exchange.FILE_NAME, String.class)))
                        .to("file:" + out);
            }
        });
        context.start();
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> names.size() == 1);
            Thread.sleep(300); // several more polls of the same listing
        } finally {
            context.stop();
        }
        assertThat(names).containsOnly("good.txt");
        assertThat(out.resolve("good.txt")).hasContent("data");
        assertThat(tmp.resolve("escaped.txt")).doesNotExist();
        try (var walk = Files.walk(tmp)) {
            assertThat(walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).containsExactly("good.txt");
        }
    }
}
