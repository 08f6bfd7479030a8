package io.netproto.camel.support;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the command/reply dialogue of one connection (the {@code debugLevel} option) through SLF4J on
 * the logger {@code io.netproto.camel.trace.<protocol>}, with credentials masked.
 */
public final class ProtocolTrace {

    private static final Pattern SECRET_COMMANDS = Pattern.compile(
            "^((?:\\S+\\s+)?(?:PASS|ACCT|AUTHINFO\\s+PASS|AUTHINFO\\s+SASL\\s+\\S+|AUTH\\s+\\S+))(\\s+.*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern IMAP_LOGIN = Pattern.compile("^(\\S+\\s+LOGIN\\s+\\S+)\\s+.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern REPLY = Pattern.compile("^\\d{3}(?:[ -]|$)");

    private final Logger log;
    private final int level;
    private final String connection;

    /**
     * @param protocol   lower-case protocol name, the last part of the logger name
     * @param level      0 = off, 1 = commands and first reply lines, 2 = whole replies
     * @param connection a short label of the connection (host:port), never containing credentials
     */
    public ProtocolTrace(String protocol, int level, String connection) {
        this.log = LoggerFactory.getLogger("io.netproto.camel.trace." + protocol.toLowerCase(Locale.ROOT));
        this.level = level;
        this.connection = connection;
    }

    public boolean isEnabled() {
        return level > 0 && log.isInfoEnabled();
    }

    /** Logs a command sent to the server, masking credentials. */
    public void command(String line) {
        if (isEnabled()) {
            log.info("{} > {}", connection, mask(stripEol(line)));
        }
    }

    /** Logs a line of a client library's own debug output (direction unknown), masking credentials. */
    public void line(String text) {
        if (isEnabled()) {
            log.info("{} | {}", connection, mask(stripEol(text)));
        }
    }

    /** Logs a reply received from the server; at level 1 only its first line. */
    public void reply(String reply) {
        if (isEnabled()) {
            String text = stripEol(reply);
            if (level < 2) {
                int eol = text.indexOf('\n');
                if (eol >= 0) {
                    text = stripEol(text.substring(0, eol)) + " ...";
                }
            }
            log.info("{} < {}", connection, text);
        }
    }

    /** Masks the secret part of a command line: passwords, AUTH data, IMAP LOGIN passwords. */
    public static String mask(String line) {
        if (line == null) {
            return null;
        }
        if (REPLY.matcher(line).lookingAt()) {
            return line; // a server reply (e.g. "250 AUTH PLAIN LOGIN") carries no client secret
        }
        Matcher login = IMAP_LOGIN.matcher(line);
        if (login.matches()) {
            return login.group(1) + " ****";
        }
        Matcher secret = SECRET_COMMANDS.matcher(line);
        if (secret.matches() && secret.group(2) != null) {
            return secret.group(1) + " ****";
        }
        return line;
    }

    private static String stripEol(String s) {
        if (s == null) {
            return "";
        }
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
