package io.netproto.testkit.hostile;

import java.io.IOException;
import java.util.List;
import java.util.Random;

/** SMTP replies (RFC 5321): three-digit codes, multi-line {@code 250-} ... {@code 250 } replies, DATA. */
final class SmtpGrammar extends CodeGrammar {

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public String greeting() {
        return "220 hostile.example ESMTP ready\r\n";
    }

    @Override
    public String valid(String command) {
        return switch (verb(command)) {
            case "" -> greeting();
            case "EHLO" -> "250-hostile.example\r\n250-8BITMIME\r\n250-SIZE 10000000\r\n250 PIPELINING\r\n";
            case "HELO" -> "250 hostile.example\r\n";
            case "MAIL" -> "250 2.1.0 Sender OK\r\n";
            case "RCPT" -> "250 2.1.5 Recipient OK\r\n";
            case "DATA" -> "354 Start mail input; end with <CRLF>.<CRLF>\r\n";
            case "RSET", "NOOP" -> "250 2.0.0 OK\r\n";
            case "VRFY" -> "252 2.1.5 Cannot verify\r\n";
            case "STARTTLS" -> "454 4.7.0 TLS not available\r\n";
            case "QUIT" -> "221 2.0.0 Bye\r\n";
            default -> "502 5.5.1 Command not implemented\r\n";
        };
    }

    /** DATA: after 354 the message up to the dot line, then 250. */
    @Override
    public boolean answer(Conversation conversation, String command) throws IOException {
        conversation.send(valid(command));
        if ("DATA".equals(verb(command))) {
            String line;
            while ((line = conversation.readLine()) != null && !".".equals(line)) {
                // the message is dropped
            }
            conversation.send("250 2.0.0 Queued\r\n");
        }
        return !isQuit(command);
    }

    @Override
    public boolean isQuit(String command) {
        return "QUIT".equals(verb(command));
    }

    @Override
    List<String> refusals() {
        return List.of("421 4.3.2 Service shutting down", "450 4.2.1 Mailbox busy", "451 4.3.0 Local error", "452 4.3.1 Storage full",
                "550 5.1.1 No such user", "552 5.3.4 Message too big", "554 5.7.1 Rejected", "530 5.7.0 Authentication required");
    }

    @Override
    String huge(Random random, String command) {
        return pick(random, List.of("250-hostile.example\r\n250 SIZE 99999999999999999999999\r\n",
                "250-hostile.example\r\n250-SIZE -1\r\n250 AUTH " + "PLAIN ".repeat(10_000) + "\r\n",
                "250 " + "x".repeat(60_000) + "\r\n"));
    }

    @Override
    Reply endless(Random random, String command) {
        return endlessContinuation(command == null ? "220" : "250", false);
    }
}
