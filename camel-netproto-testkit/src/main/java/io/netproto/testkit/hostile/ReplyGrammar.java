package io.netproto.testkit.hostile;

import java.io.IOException;
import java.util.Random;

/**
 * One protocol's replies: how a well-behaved server answers (so a conversation gets past greeting and login), and
 * the protocol-specific shapes of the {@link HostileKind}s (codes, multi-line forms, literals).
 */
public interface ReplyGrammar {

    /** Protocol name, lower case, such as {@code pop3}. */
    String name();

    /** The valid greeting. */
    String greeting();

    /** The valid reply to a command line (the greeting for null), line ends included. */
    String valid(String command);

    /**
     * Answers the command like a well-behaved server (reading any data the command announces).
     *
     * @return false when the session ends with this command (QUIT, LOGOUT)
     */
    default boolean answer(Conversation conversation, String command) throws IOException {
        conversation.send(valid(command));
        return !isQuit(command);
    }

    /** Whether the command ends the session. */
    boolean isQuit(String command);

    /**
     * The protocol-specific hostile reply of the kind to the command (null for the greeting) for the kinds
     * {@link HostileKind#WRONG_CODE}, {@link HostileKind#REFUSAL}, {@link HostileKind#UNSOLICITED},
     * {@link HostileKind#OVERLONG_LINE}, {@link HostileKind#ENDLESS} and {@link HostileKind#HUGE}.
     */
    Reply hostile(HostileKind kind, Random random, String command);

    /** The grammar of a protocol by name: ftp, pop3, imap, smtp or nntp. */
    static ReplyGrammar of(String protocol) {
        return switch (protocol) {
            case "ftp" -> new FtpGrammar();
            case "smtp" -> new SmtpGrammar();
            case "nntp" -> new NntpGrammar();
            case "pop3" -> new Pop3Grammar();
            case "imap" -> new ImapGrammar();
            default -> throw new IllegalArgumentException("No reply grammar for " + protocol);
        };
    }
}
