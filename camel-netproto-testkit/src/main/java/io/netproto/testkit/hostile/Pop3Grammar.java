package io.netproto.testkit.hostile;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** POP3 replies (RFC 1939, 2449): {@code +OK} and {@code -ERR}, multi-line data blocks ending with a lone dot. */
final class Pop3Grammar implements ReplyGrammar {

    static final String MESSAGE = "From: a@example.org\r\nTo: b@example.org\r\nSubject: hostile\r\n\r\nHello\r\n";
    private static final List<String> WRONG = List.of("+OKAY", "OK", "+NO", "-ERRX", "+ok lower case", "", "*", "+", "-",
            "+OK\u0000NUL", "200 not POP3", "+OK 1 120 extra garbage \u00ff", "-ERR", "+OK x y", "+OK -1 -1", ".");

    @Override
    public String name() {
        return "pop3";
    }

    @Override
    public String greeting() {
        return "+OK hostile POP3 ready\r\n";
    }

    static String verb(String command) {
        return CodeGrammar.verb(command);
    }

    @Override
    public String valid(String command) {
        boolean argument = command != null && command.trim().indexOf(' ') > 0;
        return switch (verb(command)) {
            case "" -> greeting();
            case "CAPA" -> "+OK Capability list follows\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\n";
            case "USER", "PASS", "DELE", "NOOP", "RSET" -> "+OK\r\n";
            case "STAT" -> "+OK 1 " + MESSAGE.length() + "\r\n";
            case "LIST" -> argument ? "+OK 1 " + MESSAGE.length() + "\r\n" : "+OK 1 messages\r\n1 " + MESSAGE.length() + "\r\n.\r\n";
            case "UIDL" -> argument ? "+OK 1 uid-1\r\n" : "+OK\r\n1 uid-1\r\n.\r\n";
            case "RETR", "TOP" -> "+OK message follows\r\n" + MESSAGE + ".\r\n";
            case "QUIT" -> "+OK Bye\r\n";
            default -> "-ERR Unknown command\r\n";
        };
    }

    @Override
    public boolean isQuit(String command) {
        return "QUIT".equals(verb(command));
    }

    @Override
    public Reply hostile(HostileKind kind, Random random, String command) {
        return switch (kind) {
            case WRONG_CODE -> Reply.text(CodeGrammar.pick(random, WRONG) + "\r\n");
            case REFUSAL -> Reply.text(CodeGrammar.pick(random, List.of("-ERR [AUTH] Invalid login", "-ERR [SYS/TEMP] Busy",
                    "-ERR [IN-USE] Mailbox locked", "-ERR no such message", "-ERR")) + "\r\n");
            case UNSOLICITED -> Reply.text("+OK unsolicited\r\n-ERR unsolicited\r\n" + valid(command));
            case OVERLONG_LINE -> {
                int length = 1024 * 1024 + random.nextInt(CodeGrammar.LONG_LINE_MAX - 1024 * 1024);
                yield c -> c.sendLongLine(random.nextBoolean() ? "+OK " : "-ERR ", length);
            }
            case ENDLESS -> c -> {
                c.send("+OK multi-line reply follows\r\n");
                c.sendEndless(n -> String.format(Locale.ROOT, "%d uid-%d-of-a-reply-that-never-ends\r\n", n + 1, n), CodeGrammar.ENDLESS_BYTES);
            };
            case HUGE -> Reply.text(CodeGrammar.pick(random, List.of("+OK 2147483648 99999999999999999999\r\n",
                    "+OK 99999999999999999999 messages\r\n99999999999999999999 99999999999999999999\r\n.\r\n",
                    "+OK\r\n2147483647 uid-huge\r\n.\r\n", "+OK -1 -1\r\n")));
            default -> throw new IllegalArgumentException(kind + " is generic, not grammar-specific");
        };
    }
}
