package io.netproto.camel.pop3;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netproto.camel.support.ProtocolReplyException;

/**
 * A POP3 server answered a command with {@code -ERR}. POP3 replies carry no numeric code, so that this exception
 * classifies like the rest of the family: {@link #getReplyCode()} is 400 (transient, {@link #isTransient()}) when the
 * reply holds one of the temporary response codes of RFC 2449 and RFC 3206 ({@code [IN-USE]}, {@code [LOGIN-DELAY]},
 * {@code [SYS/TEMP]}), and 500 (permanent) for every other {@code -ERR}. {@link #getResponseCode()} gives the
 * bracketed response code itself, when the server sent one.
 */
public class Pop3ReplyException extends ProtocolReplyException {

    private static final long serialVersionUID = 1L;
    private static final Pattern RESPONSE_CODE = Pattern.compile("^\\s*(?:-ERR\\s*)?\\[([^\\]]+)\\]");

    public Pop3ReplyException(String command, String serverText) {
        super("POP3", command, code(serverText), serverText);
    }

    private static int code(String text) {
        String responseCode = responseCode(text);
        if (responseCode == null) {
            return 500;
        }
        String upper = responseCode.toUpperCase(Locale.ROOT);
        return upper.equals("IN-USE") || upper.equals("LOGIN-DELAY") || upper.startsWith("SYS/TEMP") ? 400 : 500;
    }

    private static String responseCode(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = RESPONSE_CODE.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The RFC 2449 response code of the reply without brackets (such as {@code IN-USE} or {@code AUTH}), or null. */
    public String getResponseCode() {
        return responseCode(getReplyText());
    }

    @Override
    public String getMessage() {
        return "POP3 server refused " + getCommand() + ": -ERR " + getReplyText();
    }
}
