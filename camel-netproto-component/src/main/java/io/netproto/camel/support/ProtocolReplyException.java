package io.netproto.camel.support;

/**
 * A server refused a command: carries the protocol, the command (with secrets masked), and the
 * server's reply code and text. Replies in the 4xx range are transient (a retry may succeed), 5xx
 * replies are permanent.
 */
public class ProtocolReplyException extends NetprotoException {

    private static final long serialVersionUID = 1L;

    private final String protocol;
    private final String command;
    private final int replyCode;
    private final String replyText;

    public ProtocolReplyException(String protocol, String command, int replyCode, String replyText) {
        super(protocol + " server refused " + command + ": " + replyCode + " " + clean(replyText));
        this.protocol = protocol;
        this.command = command;
        this.replyCode = replyCode;
        this.replyText = clean(replyText);
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

    /** True for 4xx replies: the condition is temporary and the operation may be retried. */
    public boolean isTransient() {
        return replyCode >= 400 && replyCode < 500;
    }
}
