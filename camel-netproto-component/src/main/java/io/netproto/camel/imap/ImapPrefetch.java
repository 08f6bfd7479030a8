package io.netproto.camel.imap;

import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;

/**
 * What the consumer fetched ahead of one message's delivery.
 *
 * @param flags   its flags and keywords when fetched
 * @param content the whole message, parsed, when it is small; null when it is read from the server when needed
 */
record ImapPrefetch(Flags flags, MimeMessage content) {
}
