package io.netproto.camel.mail;

/**
 * Names of the message headers the mail binding reads and writes. The MIME names are those camel-mail users already
 * set, so they mean the same here.
 */
public final class MailHeaders {

    /** The {@code To} recipients. */
    public static final String TO = "To";
    /** The {@code Cc} recipients. */
    public static final String CC = "Cc";
    /** The {@code Bcc} recipients. */
    public static final String BCC = "Bcc";
    /** The sender. */
    public static final String FROM = "From";
    /** The sender acting for the {@code From} author; treated like {@code From}. */
    public static final String SENDER = "Sender";
    /** Where replies go. */
    public static final String REPLY_TO = "Reply-To";
    /** The subject. */
    public static final String SUBJECT = "Subject";
    /** The MIME type of the body, e.g. {@code text/html; charset=UTF-8}. */
    public static final String CONTENT_TYPE = "Content-Type";
    /**
     * The plain-text alternative of an HTML body: outgoing, the message becomes {@code multipart/alternative}
     * (this text, then the body); incoming, it holds the text part of a {@code multipart/alternative} whose HTML part
     * is the body. Same name as camel-mail's default alternative body header.
     */
    public static final String ALTERNATIVE_BODY = "CamelMailAlternativeBody";

    private MailHeaders() {
    }
}
