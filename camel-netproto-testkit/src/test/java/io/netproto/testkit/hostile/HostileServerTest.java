package io.netproto.testkit.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class HostileServerTest {

    @Test
    void runsTheCurrentScriptOnEveryConnection() throws Exception {
        try (HostileServer server = HostileServer.start(c -> {
            c.send("hello\r\n");
            c.send("you said " + c.readLine() + "\r\n");
        })) {
            for (int i = 0; i < 3; i++) {
                try (Socket socket = new Socket(server.host(), server.port())) {
                    socket.getOutputStream().write(("cmd " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    assertThat(readAll(socket.getInputStream())).isEqualTo("hello\r\nyou said cmd " + i + "\r\n");
                }
            }
            server.script(c -> c.send("other\r\n"));
            try (Socket socket = new Socket(server.host(), server.port())) {
                assertThat(readAll(socket.getInputStream())).isEqualTo("other\r\n");
            }
            assertThat(server.acceptedConnections()).isEqualTo(4);
        }
    }

    @Test
    void streamsAnOverLongLineWithoutALineEnd() throws Exception {
        int length = 5 * 1024 * 1024 + 7;
        try (HostileServer server = HostileServer.start(c -> c.sendLongLine("+OK ", length));
                Socket socket = new Socket(server.host(), server.port())) {
            InputStream in = socket.getInputStream();
            long total = 0;
            boolean lineEnd = false;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0;) {
                for (int i = 0; i < n; i++) {
                    lineEnd |= buffer[i] == '\n' || buffer[i] == '\r';
                }
                total += n;
            }
            assertThat(total).isEqualTo(4 + length);
            assertThat(lineEnd).isFalse();
        }
    }

    @Test
    void endlessRepliesAndStallsEndWhenTheClientLeaves() throws Exception {
        try (HostileServer server = HostileServer.start(c -> c.sendEndless(n -> "211-line " + n + "\r\n", Long.MAX_VALUE))) {
            try (Socket socket = new Socket(server.host(), server.port())) {
                socket.getInputStream().readNBytes(3 * 1024 * 1024);
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> server.openConnections() == 0);

            server.script(Conversation::stall);
            try (Socket socket = new Socket(server.host(), server.port())) {
                socket.setSoTimeout(200);
                assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> server.openConnections() == 0);
        }
    }

    @Test
    void keepsAtMostTheStartOfAnOverLongCommand() throws Exception {
        StringBuilder received = new StringBuilder();
        try (HostileServer server = HostileServer.start(c -> {
            received.append(c.readLine());
            c.send("done\r\n");
        }); Socket socket = new Socket(server.host(), server.port())) {
            socket.getOutputStream().write(("x".repeat(100_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readAll(socket.getInputStream())).isEqualTo("done\r\n");
        }
        assertThat(received).hasSize(Conversation.MAX_COMMAND);
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
