package io.netproto.testkit.hostile;

import java.io.IOException;
import java.util.Locale;

import io.netproto.testkit.tls.TestTls;

/**
 * The well-behaved clear-text start of a STARTTLS conversation of a {@link ReplyFuzzer}: a greeting, capabilities
 * advertising STARTTLS, and the upgrade to TLS with the test certificate ({@link TestTls#serverContext()}) once the
 * client asks for it. The hostile replies come afterwards, over TLS.
 */
final class StartTlsPreamble {

    private StartTlsPreamble() {
    }

    /**
     * Greets and answers until the client starts TLS, then upgrades the connection.
     *
     * @return false when the client quit or went away instead
     */
    static boolean run(ReplyGrammar grammar, Conversation c) throws IOException {
        c.send(greeting(grammar.name()));
        String command;
        while ((command = c.readLine()) != null) {
            String tag = ImapGrammar.tag(command);
            String verb = grammar.name().equals("imap") ? ImapGrammar.verb(command) : CodeGrammar.verb(command);
            String reply = answer(grammar.name(), tag, verb.toUpperCase(Locale.ROOT));
            if (reply == null) {
                grammar.answer(c, command);
                if (grammar.isQuit(command)) {
                    return false;
                }
                continue;
            }
            c.send(reply);
            if (isStartTls(verb)) {
                c.startTls(TestTls.serverContext());
                return true;
            }
        }
        return false;
    }

    private static boolean isStartTls(String verb) {
        return verb.equals("STARTTLS") || verb.equals("STLS");
    }

    private static String greeting(String protocol) {
        return switch (protocol) {
            case "smtp" -> "220 hostile.example ESMTP ready\r\n";
            case "pop3" -> "+OK hostile POP3 ready\r\n";
            case "imap" -> "* OK hostile IMAP ready\r\n";
            default -> throw new IllegalArgumentException("No STARTTLS for " + protocol);
        };
    }

    /** The clear-text answer advertising or accepting STARTTLS, null for any other command. */
    private static String answer(String protocol, String tag, String verb) {
        return switch (protocol + " " + verb) {
            case "smtp EHLO" -> "250-hostile.example\r\n250-8BITMIME\r\n250 STARTTLS\r\n";
            case "smtp STARTTLS" -> "220 2.0.0 Ready to start TLS\r\n";
            case "pop3 CAPA" -> "+OK Capability list follows\r\nUSER\r\nUIDL\r\nSTLS\r\n.\r\n";
            case "pop3 STLS" -> "+OK Begin TLS\r\n";
            case "imap CAPABILITY" -> "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n" + tag + " OK done\r\n";
            case "imap STARTTLS" -> tag + " OK Begin TLS\r\n";
            default -> null;
        };
    }
}
