package io.netproto.testkit.hostile;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** NNTP replies (RFC 3977): three-digit codes, multi-line data blocks ending with a lone dot. */
final class NntpGrammar extends CodeGrammar {

    @Override
    public String name() {
        return "nntp";
    }

    @Override
    public String greeting() {
        return "200 hostile news server ready, posting allowed\r\n";
    }

    @Override
    public String valid(String command) {
        String verb = verb(command);
        if ("AUTHINFO".equals(verb)) {
            return command.toUpperCase(Locale.ROOT).startsWith("AUTHINFO USER") ? "381 Password required\r\n" : "281 Authenticated\r\n";
        }
        return switch (verb) {
            case "" -> greeting();
            case "MODE" -> "200 Reader mode, posting allowed\r\n";
            case "CAPABILITIES" -> "101 Capability list:\r\nVERSION 2\r\nREADER\r\nOVER\r\nHDR\r\nLIST ACTIVE NEWSGROUPS\r\n.\r\n";
            case "DATE" -> "111 20240101000000\r\n";
            case "GROUP" -> "211 3 1 3 misc.test\r\n";
            case "LIST" -> "215 List follows\r\nmisc.test 3 1 y\r\nmisc.other 0 1 n\r\n.\r\n";
            case "OVER", "XOVER" -> "224 Overview follows\r\n1\tHello\ta@example.org\t1 Jan 2024 00:00:00 +0000\t<1@example.org>\t\t10\t1\r\n.\r\n";
            case "STAT" -> "223 1 <1@example.org>\r\n";
            case "QUIT" -> "205 Bye\r\n";
            default -> "500 Unknown command\r\n";
        };
    }

    @Override
    public boolean isQuit(String command) {
        return "QUIT".equals(verb(command));
    }

    @Override
    List<String> refusals() {
        return List.of("400 Service temporarily unavailable", "403 Internal fault", "411 No such newsgroup", "480 Authentication required",
                "481 Authentication failed", "482 Authentication commands issued out of sequence", "502 Permission denied",
                "500 Unknown command", "501 Syntax error");
    }

    @Override
    String huge(Random random, String command) {
        return pick(random, List.of("211 99999999999999999999 1 99999999999999999999 misc.test\r\n", "211 -5 -1 -9 misc.test\r\n",
                "111 99999999999999\r\n", "223 99999999999999999999 <x@y>\r\n",
                "215 List follows\r\nmisc.test 99999999999999999999 1 y\r\n.\r\n"));
    }

    /** A status line (the command's own code) and data lines that never reach the terminating dot. */
    @Override
    Reply endless(Random random, String command) {
        String status = valid(command);
        String first = status.substring(0, status.indexOf('\n') + 1);
        return c -> {
            c.send(first);
            c.sendEndless(n -> "misc.group" + n + " " + n + " 1 y and some more text of the never-ending reply\r\n", ENDLESS_BYTES);
        };
    }
}
