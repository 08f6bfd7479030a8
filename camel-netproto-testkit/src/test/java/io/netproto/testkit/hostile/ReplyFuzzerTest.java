package io.netproto.testkit.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyFuzzerTest {

    @ParameterizedTest
    @ValueSource(strings = { "ftp", "pop3", "imap", "smtp", "nntp" })
    void sameSeedSameCasesAndEveryKindOccurs(String protocol) {
        ReplyFuzzer first = new ReplyFuzzer(ReplyGrammar.of(protocol), 7, 4);
        ReplyFuzzer second = new ReplyFuzzer(ReplyGrammar.of(protocol), 7, 4);
        ReplyFuzzer other = new ReplyFuzzer(ReplyGrammar.of(protocol), 8, 4);
        Set<HostileKind> kinds = EnumSet.noneOf(HostileKind.class);
        Set<Integer> steps = new java.util.HashSet<>();
        boolean differs = false;
        for (int i = 0; i < 3000; i++) {
            FuzzCase a = first.next();
            FuzzCase b = second.next();
            FuzzCase c = other.next();
            assertThat(List.of(a.index(), a.seed(), a.kind(), a.step())).isEqualTo(List.of(b.index(), b.seed(), b.kind(), b.step()));
            differs |= a.seed() != c.seed();
            kinds.add(a.kind());
            steps.add(a.step());
        }
        assertThat(differs).isTrue();
        assertThat(kinds).containsExactlyInAnyOrder(HostileKind.values());
        assertThat(steps).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp", "pop3", "imap", "smtp", "nntp" })
    void aCaseSendsTheSameBytesEachTime(String protocol) throws Exception {
        ReplyFuzzer fuzzer = new ReplyFuzzer(ReplyGrammar.of(protocol), 11, 4);
        String commands = String.join("\r\n", commands(protocol)) + "\r\n";
        Set<HostileKind> kinds = EnumSet.noneOf(HostileKind.class);
        for (int i = 0; i < 300; i++) {
            FuzzCase c = fuzzer.next();
            String once = MemoryConversation.run(c.script(), commands);
            assertThat(MemoryConversation.run(c.script(), commands)).as(c.toString()).isEqualTo(once).isNotEqualTo(
                    MemoryConversation.run(fuzzer.replay(c.index(), c.seed(), c.kind(), 99).script(), commands));
            kinds.add(c.kind());
        }
        assertThat(kinds).hasSizeGreaterThan(6);
    }

    @Test
    void aValidConversationUntilTheHostileStep() throws Exception {
        ReplyFuzzer fuzzer = new ReplyFuzzer(ReplyGrammar.of("pop3"), 1, 3);
        try (HostileServer server = HostileServer.start(fuzzer.replay(0, 5, HostileKind.REFUSAL, 3).script())) {
            String dialogue = converse(server, "pop3");
            assertThat(dialogue).startsWith("+OK hostile POP3 ready\r\n+OK Capability list follows\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\n+OK\r\n-ERR");
        }
    }

    @Test
    void imapHugeLiteralsAnnounceSizesBeyondAnyBuffer() {
        ReplyGrammar imap = ReplyGrammar.of("imap");
        Random random = new Random(3);
        List<String> announced = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Reply reply = imap.hostile(HostileKind.HUGE, random, "A1 FETCH 1 BODY[]");
            String first = MemoryConversation.run(c -> reply.sendTo(c), "");
            announced.add(first.substring(first.indexOf('{'), first.indexOf('}') + 1));
        }
        assertThat(announced).contains("{2147483647}", "{99999999999999999999}");
    }

    @Test
    void imapRepliesEchoTheTag() {
        ReplyGrammar imap = ReplyGrammar.of("imap");
        assertThat(imap.valid("A7 LOGIN u p")).startsWith("A7 OK");
        assertThat(imap.valid("B2 UID SEARCH ALL")).isEqualTo("* SEARCH 1\r\nB2 OK done\r\n");
        assertThat(imap.isQuit("C1 LOGOUT")).isTrue();
    }

    /** The commands of a short session of the protocol. */
    private static List<String> commands(String protocol) {
        return switch (protocol) {
            case "ftp" -> List.of("USER u", "PASS p", "PWD", "QUIT");
            case "pop3" -> List.of("CAPA", "USER u", "PASS p", "STAT", "QUIT");
            case "imap" -> List.of("A1 CAPABILITY", "A2 LOGIN u p", "A3 NOOP", "A4 LOGOUT");
            case "smtp" -> List.of("EHLO me", "MAIL FROM:<a@b>", "NOOP", "QUIT");
            default -> List.of("MODE READER", "DATE", "LIST", "QUIT");
        };
    }

    /** Sends the commands of a short session at once and returns everything the server sent. */
    private static String converse(HostileServer server, String protocol) throws IOException {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((String.join("\r\n", commands(protocol)) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return HostileServerTest.readAll(socket.getInputStream());
        }
    }
}
