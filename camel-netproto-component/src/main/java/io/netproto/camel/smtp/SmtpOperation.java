package io.netproto.camel.smtp;

/**
 * The operations of the smtp producer, named after the classic SMTP client operations. Login (AUTH), STARTTLS, the
 * protocol trace and QUIT are the connection's lifecycle, handled by the endpoint.
 */
public enum SmtpOperation {
    /**
     * Send the message (MAIL FROM, RCPT TO for each recipient, DATA) on the endpoint's reused connection; the
     * outcome per recipient is the header CamelSmtpSendResult.
     */
    sendmail,
    /** Open a new session with EHLO and return the server's greeting and advertised extensions. */
    ehlo,
    /** Open a new session with HELO (no extensions) and return the server's greeting and reply. */
    helo,
    /** Send NOOP on the endpoint's reused connection and return the reply. */
    noop
}
