package io.netproto.camel.imap;

import java.util.Date;
import java.util.List;

/** The ENVELOPE of a message; addresses in RFC 822 form ({@code Name <user@host>}). */
public record ImapEnvelope(Date date, String subject, List<String> from, List<String> sender, List<String> replyTo,
        List<String> to, List<String> cc, List<String> bcc, String inReplyTo, String messageId) {
}
