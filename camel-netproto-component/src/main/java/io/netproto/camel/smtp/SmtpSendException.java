package io.netproto.camel.smtp;

import io.netproto.camel.support.ProtocolReplyException;

/**
 * The SMTP server refused a mail: the sender, a recipient, or the message. Carries the outcome per recipient. It is
 * {@linkplain #isTransient() transient} (retrying later may succeed) when every refusal was a 4xx reply, permanent
 * when one was 5xx.
 */
public class SmtpSendException extends ProtocolReplyException {

    private static final long serialVersionUID = 1L;

    private final transient SendResult result;

    /**
     * @param command   the refused command, e.g. {@code RCPT TO}
     * @param replyCode the reply code deciding transient or permanent
     * @param replyText the reply text
     * @param result    the outcome per recipient
     */
    public SmtpSendException(String command, int replyCode, String replyText, SendResult result) {
        super("SMTP", command, replyCode, replyText + (result.refused().isEmpty() ? "" : "; refused " + result.refused()));
        this.result = result;
    }

    /** @return the outcome per recipient: who was accepted, who refused and why, whether anything was sent */
    public SendResult getResult() {
        return result;
    }
}
