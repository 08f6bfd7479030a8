package io.netproto.camel.support;

import java.util.Locale;
import java.util.Set;

/**
 * How much a server may send in answer to one command before the endpoint gives up on it: the longest reply line,
 * the most bytes and lines received since the last command, and (for IMAP) the largest literal announced. Commands
 * whose reply is message content ({@code contentCommands}, such as POP3 RETR) are not limited, except by the line
 * length where {@code limitContentLines} is set. A limit exceeded fails the read with a
 * {@link ReplyLimitExceededException}, so a hostile or broken server cannot exhaust memory or keep a read going
 * forever.
 *
 * @param protocol          protocol name for messages, such as {@code POP3}
 * @param maxLineBytes      longest line in bytes, CRLF excluded
 * @param maxReplyBytes     most bytes received after one command (IMAP literals included)
 * @param maxReplyLines     most lines received after one command
 * @param imapLiterals      whether {@code {n}} at the end of a line announces n bytes of literal data (IMAP)
 * @param contentCommands   upper-case command names whose reply is message content
 * @param limitContentLines whether the line limit also applies to content replies
 */
public record ReplyLimits(String protocol, int maxLineBytes, long maxReplyBytes, int maxReplyLines, boolean imapLiterals,
        Set<String> contentCommands, boolean limitContentLines) {

    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    /** FTP control connection: replies are short status lines. */
    public static final ReplyLimits FTP = new ReplyLimits("FTP", 64 * KIB, MIB, 10_000, false, Set.of(), false);
    /** SMTP: replies are short status lines. */
    public static final ReplyLimits SMTP = new ReplyLimits("SMTP", 64 * KIB, MIB, 10_000, false, Set.of(), false);
    /** POP3: listings may be long; RETR and TOP are message content (spooled to disk by the client). */
    public static final ReplyLimits POP3 = new ReplyLimits("POP3", MIB, 16L * MIB, 500_000, false, Set.of("RETR", "TOP"), false);
    /** IMAP: literals up to the reply limit; many small untagged responses are bounded by the line count. */
    public static final ReplyLimits IMAP = new ReplyLimits("IMAP", MIB, 16L * MIB, 100_000, true, Set.of(), false);
    /** NNTP: listings may be long; articles are content, read line by line, so their lines stay limited. */
    public static final ReplyLimits NNTP = new ReplyLimits("NNTP", MIB, 16L * MIB, 500_000, false,
            Set.of("ARTICLE", "BODY", "HEAD"), true);

    /** Whether the reply to the command (its first word, or second for tagged IMAP commands) is message content. */
    boolean isContent(String commandName) {
        return contentCommands.contains(commandName.toUpperCase(Locale.ROOT));
    }

    /** A guard for one connection's streams. */
    public ReplyGuard newGuard() {
        return new ReplyGuard(this);
    }

    /** Creates plain sockets whose streams are guarded; the guard steps aside once TLS is started on them. */
    public GuardedSocketFactory socketFactory() {
        return new GuardedSocketFactory(this);
    }

    /**
     * Creates TLS sockets through the given factory whose decrypted streams are guarded: implicit TLS and the
     * connection after STARTTLS.
     */
    public GuardedSslSocketFactory sslSocketFactory(javax.net.ssl.SSLSocketFactory tls) {
        return new GuardedSslSocketFactory(tls, this);
    }

    /**
     * The TLS socket {@code tls}, layered over {@code transport}, with its decrypted streams guarded: for clients that
     * negotiate TLS themselves (FTPS).
     */
    public javax.net.ssl.SSLSocket guardedTls(javax.net.ssl.SSLSocket tls, java.net.Socket transport) {
        return new GuardedSslSocket(tls, transport, newGuard(), socket -> {
        });
    }
}
