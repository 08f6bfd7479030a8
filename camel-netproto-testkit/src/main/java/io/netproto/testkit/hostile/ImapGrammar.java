package io.netproto.testkit.hostile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * IMAP replies (RFC 3501): tagged completions, untagged {@code *} data, {@code +} continuations and literals
 * {@code {n}} followed by n bytes.
 */
final class ImapGrammar implements ReplyGrammar {

    private static final String CAPABILITIES = "IMAP4rev1 UIDPLUS MOVE IDLE";
    private static final List<String> HUGE_LITERALS = List.of("{2147483647}", "{4294967296}", "{99999999999999999999}", "{-1}",
            "{2147483648}", "{20000000}");

    /**
     * Untagged data before a valid reply: mailbox sizes growing, absurd ({@code * 2147483647 EXISTS}) or beyond int,
     * EXPUNGE of messages never announced.
     */
    private static final List<String> UNSOLICITED_DATA = List.of(
            "* 5 EXISTS\r\n* 3 EXPUNGE\r\n* OK [ALERT] unsolicited\r\n* 1 FETCH (FLAGS (\\Deleted))\r\n* 9 RECENT\r\n",
            "* 2147483647 EXISTS\r\n", "* 4294967296 EXISTS\r\n", "* 99999999999 EXISTS\r\n* 2147483647 RECENT\r\n",
            "* 2 EXISTS\r\n* 20 EXISTS\r\n* 2000 EXISTS\r\n* 200000 EXISTS\r\n* 20000000 EXISTS\r\n",
            "* 2147483647 EXPUNGE\r\n* 77777 EXPUNGE\r\n* 0 EXPUNGE\r\n", "* 1000000000 EXISTS\r\n* 999999999 EXPUNGE\r\n");

    @Override
    public String name() {
        return "imap";
    }

    @Override
    public String greeting() {
        return "* OK [CAPABILITY " + CAPABILITIES + "] hostile IMAP ready\r\n";
    }

    static String tag(String command) {
        return command == null ? "*" : CodeGrammar.verb(command);
    }

    static String verb(String command) {
        if (command == null) {
            return "";
        }
        String[] words = command.toUpperCase(Locale.ROOT).split(" ");
        if (words.length < 2) {
            return "";
        }
        return "UID".equals(words[1]) && words.length > 2 ? words[2] : words[1];
    }

    @Override
    public String valid(String command) {
        String tag = tag(command);
        return switch (verb(command)) {
            case "" -> command == null ? greeting() : tag + " BAD missing command\r\n";
            case "CAPABILITY" -> "* CAPABILITY " + CAPABILITIES + "\r\n" + tag + " OK done\r\n";
            case "LOGIN", "AUTHENTICATE" -> tag + " OK [CAPABILITY " + CAPABILITIES + "] logged in\r\n";
            case "SELECT", "EXAMINE" -> "* 1 EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Seen \\Deleted)\r\n"
                                        + "* OK [PERMANENTFLAGS (\\Seen \\Deleted \\*)] flags\r\n* OK [UIDVALIDITY 7] uids\r\n"
                                        + "* OK [UIDNEXT 2] next\r\n" + tag + " OK [READ-WRITE] selected\r\n";
            case "STATUS" -> "* STATUS INBOX (MESSAGES 1 RECENT 0 UIDNEXT 2 UIDVALIDITY 7 UNSEEN 0)\r\n" + tag + " OK done\r\n";
            case "SEARCH" -> "* SEARCH 1\r\n" + tag + " OK done\r\n";
            case "FETCH" -> "* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n" + tag + " OK done\r\n";
            case "LIST", "LSUB" -> "* LIST () \"/\" INBOX\r\n" + tag + " OK done\r\n";
            case "LOGOUT" -> "* BYE logging out\r\n" + tag + " OK done\r\n";
            default -> tag + " OK done\r\n";
        };
    }

    /** APPEND: a continuation for the literal, the literal read and dropped, then the completion. */
    @Override
    public boolean answer(Conversation conversation, String command) throws IOException {
        if ("APPEND".equals(verb(command)) && command.endsWith("}")) {
            long size = Long.parseLong(command.substring(command.lastIndexOf('{') + 1, command.length() - 1).replace("+", ""));
            conversation.send("+ Ready for literal data\r\n");
            conversation.skip(size);
            conversation.readLine();
            conversation.send(tag(command) + " OK [APPENDUID 7 2] appended\r\n");
            return true;
        }
        conversation.send(valid(command));
        return !isQuit(command);
    }

    @Override
    public boolean isQuit(String command) {
        return "LOGOUT".equals(verb(command));
    }

    @Override
    public Reply hostile(HostileKind kind, Random random, String command) {
        String tag = tag(command);
        return switch (kind) {
            case WRONG_CODE -> Reply.text(CodeGrammar.pick(random, wrong(tag)));
            case REFUSAL -> Reply.text(CodeGrammar.pick(random, List.of(tag + " NO [AUTHENTICATIONFAILED] Invalid credentials\r\n",
                    tag + " BAD Syntax error\r\n", tag + " NO [UNAVAILABLE] Try later\r\n", "* BYE [ALERT] Shutting down\r\n",
                    tag + " NO [TRYCREATE] No such mailbox\r\n")));
            case UNSOLICITED -> Reply.text(CodeGrammar.pick(random, UNSOLICITED_DATA) + valid(command));
            case OVERLONG_LINE -> {
                int length = 1024 * 1024 + random.nextInt(CodeGrammar.LONG_LINE_MAX - 1024 * 1024);
                String prefix = random.nextBoolean() ? "* OK " : tag + " OK ";
                yield c -> c.sendLongLine(prefix, length);
            }
            case ENDLESS -> endless(random);
            case HUGE -> hugeLiteral(random);
            default -> throw new IllegalArgumentException(kind + " is generic, not grammar-specific");
        };
    }

    private static List<String> wrong(String tag) {
        return List.of(tag + " MAYBE what\r\n", tag + " OK\r\n", "Z" + tag + " OK wrong tag\r\n", "* BYE going away\r\n",
                "+ unexpected continuation\r\n", tag + " OK [UIDVALIDITY abc] x\r\n", "* 1 FETCH (UID x)\r\n" + tag + " OK done\r\n",
                "* CAPABILITY\r\n" + tag + " OK done\r\n", "* \r\n", tag + "\r\n", "* OK [\r\n" + tag + " OK done\r\n",
                "* -1 EXPUNGE\r\n" + tag + " OK done\r\n", "* STATUS INBOX (MESSAGES x)\r\n" + tag + " OK done\r\n",
                "* SEARCH a b c\r\n" + tag + " OK done\r\n", "* LIST (\\ \"/\" \r\n" + tag + " OK done\r\n",
                "* 1 FETCH (BODY[] \"unterminated\r\n" + tag + " OK done\r\n", "* 1 FETCH (FLAGS (\\Seen\r\n" + tag + " OK done\r\n",
                "* 99999999999 EXISTS\r\n" + tag + " OK done\r\n", "* 1 FETCH (BODY[] {5}\r\nab", "\r\n");
    }

    /** Untagged responses (or literals) forever, never the tagged completion. */
    private static Reply endless(Random random) {
        int form = random.nextInt(3);
        return c -> c.sendEndless(n -> switch (form) {
            case 0 -> "* " + (n + 1) + " EXISTS\r\n";
            case 1 -> "* OK [ALERT] still talking, line " + n + "\r\n";
            default -> "* " + (n + 1) + " FETCH (UID " + (n + 1) + " BODY[HEADER] {32}\r\nSubject: never ending reply....\r\n)\r\n";
        }, CodeGrammar.ENDLESS_BYTES);
    }

    /** A FETCH announcing a huge literal, then the connection closes, stalls or sends the bytes. */
    private static Reply hugeLiteral(Random random) {
        String literal = CodeGrammar.pick(random, HUGE_LITERALS);
        int then = random.nextInt(3);
        return c -> {
            c.send("* 1 FETCH (UID 1 BODY[] " + literal + "\r\n");
            if (then == 1) {
                c.stall();
            } else if (then == 2) {
                c.sendEndless(n -> "literal bytes, line " + n + "\r\n", CodeGrammar.ENDLESS_BYTES);
            }
        };
    }
}
