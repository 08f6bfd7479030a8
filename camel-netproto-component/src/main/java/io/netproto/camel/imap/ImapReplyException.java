package io.netproto.camel.imap;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netproto.camel.support.ProtocolReplyException;

/**
 * An IMAP server answered a command with NO or BAD. IMAP replies carry no numeric code, so that this exception
 * classifies like the rest of the family: {@link #getReplyCode()} is 400 (transient) for a NO carrying one of the
 * temporary response codes of RFC 5530 ({@code [UNAVAILABLE]}, {@code [INUSE]}, {@code [LIMIT]}), and 500 (permanent)
 * otherwise. {@link #getStatus()} is NO or BAD, {@link #getResponseCode()} the bracketed response code, if any.
 */
public class ImapReplyException extends ProtocolReplyException {

    private static final long serialVersionUID = 1L;
    private static final Pattern RESPONSE_CODE = Pattern.compile("^\\s*\\[([^\\]]+)]");

    private final String status;

    public ImapReplyException(String command, String status, String serverText) {
        super("IMAP", command, code(status, serverText), serverText);
        this.status = status;
    }

    private static int code(String status, String text) {
        String responseCode = responseCode(text);
        if (!"NO".equals(status) || responseCode == null) {
            return 500;
        }
        String upper = responseCode.toUpperCase(Locale.ROOT);
        return upper.startsWith("UNAVAILABLE") || upper.startsWith("INUSE") || upper.startsWith("LIMIT") ? 400 : 500;
    }

    private static String responseCode(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = RESPONSE_CODE.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** NO (the command failed) or BAD (the server did not understand it). */
    public String getStatus() {
        return status;
    }

    /** The RFC 5530 response code without brackets (such as {@code BADCHARSET} or {@code TRYCREATE}), or null. */
    public String getResponseCode() {
        return responseCode(getReplyText());
    }

    @Override
    public String getMessage() {
        return "IMAP server refused " + getCommand() + ": " + status + " " + getReplyText();
    }
}
