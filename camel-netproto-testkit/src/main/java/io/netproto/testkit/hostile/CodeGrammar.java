package io.netproto.testkit.hostile;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The shared shapes of the protocols whose replies start with a three-digit code (FTP, SMTP, NNTP): wrong and
 * malformed codes, endless multi-line replies, over-long status lines.
 */
abstract class CodeGrammar implements ReplyGrammar {

    /** Endless replies stop after this many bytes, far beyond any client limit. */
    static final long ENDLESS_BYTES = 1L << 32;
    /** Over-long lines are this many bytes at most (streamed). */
    static final int LONG_LINE_MAX = 10 * 1024 * 1024;

    private static final List<String> MALFORMED = List.of("2", "20", "2000 four digits", "abc not a code", "-250 negative",
            "250\ttab", " 250 leading space", "25O letter O", "", "250", "\u00ff\u00fe\u00fd", "1", "0000", "99999 x",
            "250 ok\r500 bare CR");

    /** The command's first word, upper case (the empty string for the greeting). */
    static String verb(String command) {
        if (command == null) {
            return "";
        }
        int space = command.indexOf(' ');
        return (space < 0 ? command : command.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** The three-digit code of the valid reply. */
    String code(String command) {
        return valid(command).substring(0, 3);
    }

    /** Refusals typical of the protocol, without line end. */
    abstract List<String> refusals();

    /** A reply announcing an absurd number for the command, line end included. */
    abstract String huge(Random random, String command);

    /** The endless reply to the command. */
    abstract Reply endless(Random random, String command);

    /** FTP and SMTP multi-line form: {@code code-text} lines until a {@code code text} line that never comes. */
    static Reply endlessContinuation(String code, boolean bareLines) {
        return c -> c.sendEndless(n -> (bareLines && n % 2 == 1 ? " line " : code + "-line ") + n + " of a reply that never ends\r\n",
                ENDLESS_BYTES);
    }

    @Override
    public Reply hostile(HostileKind kind, Random random, String command) {
        return switch (kind) {
            case WRONG_CODE -> Reply.text(wrongCode(random) + "\r\n");
            case REFUSAL -> Reply.text(pick(random, refusals()) + "\r\n");
            case UNSOLICITED -> Reply.text(unsolicited(random, command) + valid(command));
            case OVERLONG_LINE -> {
                String prefix = code(command) + (random.nextBoolean() ? " " : "-");
                int length = 1024 * 1024 + random.nextInt(LONG_LINE_MAX - 1024 * 1024);
                yield c -> c.sendLongLine(prefix, length);
            }
            case ENDLESS -> endless(random, command);
            case HUGE -> Reply.text(huge(random, command));
            default -> throw new IllegalArgumentException(kind + " is generic, not grammar-specific");
        };
    }

    private static String wrongCode(Random random) {
        if (random.nextInt(3) == 0) {
            return pick(random, MALFORMED);
        }
        return String.format(Locale.ROOT, "%03d %s", random.nextInt(1000), random.nextBoolean() ? "unexpected" : "");
    }

    private static String unsolicited(Random random, String command) {
        StringBuilder extra = new StringBuilder();
        for (int i = random.nextInt(3); i >= 0; i--) {
            extra.append(String.format(Locale.ROOT, "%03d unsolicited %d\r\n", 100 + random.nextInt(500), i));
        }
        return extra.toString();
    }
}
