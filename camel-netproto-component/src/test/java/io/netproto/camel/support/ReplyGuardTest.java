package io.netproto.camel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.netproto.testkit.hostile.HostileServer;
import io.netproto.testkit.hostile.Script;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reply guard over real sockets to a scripted server: each limit fails the read with a message naming it. */
class ReplyGuardTest {

    @Test
    void anOverLongLineFailsAtTheLineLimit() throws Exception {
        try (HostileServer server = HostileServer.start(c -> c.sendLongLine("220 ", 10L * 1024 * 1024))) {
            assertThatThrownBy(() -> readAll(ReplyLimits.FTP, server, "")).isInstanceOf(ReplyLimitExceededException.class)
                    .hasMessage("The FTP server sent a line longer than 65536 bytes (reply limit of the endpoint; the connection is dropped)");
        }
    }

    @Test
    void anEndlessReplyFailsAtTheByteOrLineLimitAndStaysFailed() throws Exception {
        try (HostileServer server = HostileServer.start(c -> c.sendEndless(n -> "211-line " + n + "\r\n", Long.MAX_VALUE))) {
            assertThatThrownBy(() -> readAll(ReplyLimits.FTP, server, "STAT\r\n")).isInstanceOf(ReplyLimitExceededException.class)
                    .hasMessageContaining("more than 10000 lines in reply to one command");
        }
        try (HostileServer server = HostileServer.start(c -> c.sendEndless(n -> "x".repeat(1000) + "\r\n", Long.MAX_VALUE))) {
            assertThatThrownBy(() -> readAll(ReplyLimits.POP3, server, "UIDL\r\n")).isInstanceOf(ReplyLimitExceededException.class)
                    .hasMessageContaining("more than 16777216 bytes in reply to one command");
        }
    }

    @Test
    void aHugeImapLiteralFailsWhenAnnounced() throws Exception {
        try (HostileServer server = HostileServer.start(c -> {
            c.readLine();
            c.send("* 1 FETCH (BODY[] {2147483647}\r\n");
            c.stall();
        })) {
            assertThatThrownBy(() -> readAll(ReplyLimits.IMAP, server, "A1 UID FETCH 1 BODY[]\r\n"))
                    .isInstanceOf(ReplyLimitExceededException.class)
                    .hasMessageContaining("announced a literal of 2147483647 bytes, more than the limit of 16777216 bytes per reply");
        }
    }

    @Test
    void anAbsurdImapMailboxSizeFailsWhenAnnouncedButAnExpungeOfAnUnknownMessageDoesNot() throws Exception {
        try (HostileServer server = HostileServer.start(c -> {
            c.readLine();
            c.send("* 2147483647 EXPUNGE\r\n* 10000000 EXISTS\r\nA1 OK done\r\n");
            c.readLine();
            c.send("* 2147483647 EXISTS\r\n");
            c.stall();
        })) {
            assertThatThrownBy(() -> readAll(ReplyLimits.IMAP, server, "A1 NOOP\r\n", "A2 NOOP\r\n"))
                    .isInstanceOf(ReplyLimitExceededException.class)
                    .hasMessageContaining("announced 2147483647 messages in the mailbox (* n EXISTS), more than the limit of 10000000");
        }
    }

    @Test
    void literalBytesAreNotLinesAndEachCommandStartsANewBudget() throws Exception {
        String literal = "a".repeat(2 * 1024 * 1024);
        try (HostileServer server = HostileServer.start(c -> {
            for (int i = 0; i < 3; i++) {
                String tag = c.readLine().split(" ")[0];
                c.send("* 1 FETCH (BODY[] {" + literal.length() + "}\r\n" + literal + ")\r\n" + tag + " OK done\r\n");
            }
        })) {
            String received = readAll(ReplyLimits.IMAP, server, "A1 FETCH 1 BODY[]\r\n", "A2 FETCH 1 BODY[]\r\n", "A3 FETCH 1 BODY[]\r\n");
            assertThat(received).endsWith("A3 OK done\r\n").hasSizeGreaterThan(3 * literal.length());
        }
    }

    @Test
    void messageContentIsNotLimited() throws Exception {
        long size = 20L * 1024 * 1024;
        try (HostileServer server = HostileServer.start(c -> {
            c.readLine();
            c.send("+OK message follows\r\n");
            c.sendEndless(n -> "line " + n + " of a big message\r\n", size);
            c.send(".\r\n");
        })) {
            assertThat(readAll(ReplyLimits.POP3, server, "RETR 1\r\n")).hasSizeGreaterThan((int) size).endsWith("\r\n.\r\n");
        }
    }

    @Test
    void commandsWrittenTogetherAreJudgedByTheLastOne() throws Exception {
        long size = 20L * 1024 * 1024;
        Script bigReply = c -> {
            c.readLine();
            c.readLine();
            c.send("+OK\r\n+OK message follows\r\n");
            c.sendEndless(n -> "line " + n + " of a big message\r\n", size);
            c.send(".\r\n");
        };
        try (HostileServer server = HostileServer.start(bigReply)) {
            assertThat(readAll(ReplyLimits.POP3, server, "NOOP\r\nRETR 1\r\n")).hasSizeGreaterThan((int) size);
        }
        try (HostileServer server = HostileServer.start(bigReply)) {
            assertThatThrownBy(() -> readAll(ReplyLimits.POP3, server, "RETR 1\r\nNOOP\r\n"))
                    .isInstanceOf(ReplyLimitExceededException.class)
                    .hasMessageContaining("more than 500000 lines in reply to one command");
        }
    }

    /** Connects through the guarded factory, writes the commands (one per reply), reads until the server closes. */
    private static String readAll(ReplyLimits limits, HostileServer server, String... commands) throws IOException {
        try (Socket socket = limits.socketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[64 * 1024];
            for (String command : commands) {
                out.write(command.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (command.contains("FETCH")) {
                    readUntil(in, received, buffer, command.substring(0, command.indexOf(' ')) + " OK done\r\n");
                }
            }
            socket.shutdownOutput();
            for (int n; (n = in.read(buffer)) >= 0;) {
                received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            return received.toString();
        }
    }

    private static void readUntil(InputStream in, StringBuilder received, byte[] buffer, String end) throws IOException {
        while (!received.toString().endsWith(end)) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
    }
}
