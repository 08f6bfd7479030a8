package io.netproto.camel.smtp;

/**
 * An SMTP server's reply to a command: the result of the {@code noop} operation.
 *
 * @param code the reply code, e.g. 250
 * @param text the reply text, without the code
 */
public record SmtpReply(int code, String text) {

    @Override
    public String toString() {
        return code + " " + text;
    }
}
