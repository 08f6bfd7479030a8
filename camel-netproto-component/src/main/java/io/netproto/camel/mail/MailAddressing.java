package io.netproto.camel.mail;

/**
 * The sender, recipients, reply address and subject an endpoint configures for outgoing mail. Address values are
 * RFC 822 address lists ({@code "Ann <ann@example.org>, bob@example.org"}); any value may be {@code null}.
 *
 * @param from    the sender ({@code From})
 * @param to      the {@code To} recipients
 * @param cc      the {@code Cc} recipients
 * @param bcc     the {@code Bcc} recipients: in the SMTP envelope, never in the message
 * @param replyTo the {@code Reply-To} addresses
 * @param subject the subject; non-ASCII is encoded (RFC 2047)
 */
public record MailAddressing(String from, String to, String cc, String bcc, String replyTo, String subject) {

    /** No sender, no recipient, no subject. */
    public static final MailAddressing NONE = new MailAddressing(null, null, null, null, null, null);
}
