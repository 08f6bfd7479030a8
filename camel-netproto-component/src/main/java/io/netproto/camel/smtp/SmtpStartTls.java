package io.netproto.camel.smtp;

import io.netproto.camel.mail.MailSessions;

/** Resolves the effective STARTTLS policy of an smtp endpoint. */
final class SmtpStartTls {

    private SmtpStartTls() {
    }

    /**
     * The configured policy, or when none is configured: {@code required} when a username is set (credentials never
     * travel in clear text), {@code optional} otherwise.
     */
    static MailSessions.StartTls effective(SmtpConfiguration cfg) {
        if (cfg.getStartTls() != null) {
            return cfg.getStartTls();
        }
        return cfg.getUsername() != null ? MailSessions.StartTls.required : MailSessions.StartTls.optional;
    }
}
