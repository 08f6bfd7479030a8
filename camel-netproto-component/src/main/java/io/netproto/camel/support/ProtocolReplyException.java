package io.netproto.camel.support;

/**
 * A server refused a command: carries the protocol, the command (with secrets masked), and the
 * server's reply code and text. Whether a retry may succeed is the protocol's call: by default replies in the 4xx
 * range are transient and 5xx replies permanent (FTP, SMTP); NNTP names its transient codes itself.
 */
public class ProtocolReplyException extends NetprotoException {

    private static final long serialVersionUID = 1L;

    private final String protocol;
    private final String command;
    private final int replyCode;
    private final String replyText;
    private final boolean transientFailure;

    /** A refusal that is transient when its code is in the 4xx range. */
    public ProtocolReplyException(String protocol, String command, int replyCode, String replyText) {
        this(protocol, command, replyCode, replyText, replyCode >= 400 && replyCode < 500);
    }

    /** A refusal whose protocol decides whether a retry may succeed. */
    public ProtocolReplyException(String protocol, String command, int replyCode, String replyText,
            boolean transientFailure) {
        super(protocol + " server refused " + command + ": " + replyCode + " " + clean(replyText));
        this.protocol = protocol;
        this.command = command;
        this.replyCode = replyCode;
        this.replyText = clean(replyText);
        this.transientFailure = transientFailure;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    /** The protocol name, such as {@code FTP}. */
    public String getProtocol() {
        return protocol;
    }

    /** The command that was refused, secrets masked. */
    public String getCommand() {
        return command;
    }

    /** The numeric reply code sent by the server. */
    public int getReplyCode() {
        return replyCode;
    }

    /** The reply text sent by the server, without its code. */
    public String getReplyText() {
        return replyText;
    }

    /** True when the condition is temporary and the operation may be retried (by default: a 4xx reply). */
    public boolean isTransient() {
        return transientFailure;
    }
}
