package io.netproto.camel.imap;

import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;

/**
 * What the consumer fetched ahead of one message's delivery.
 *
 * @param flags   its flags and keywords when fetched
 * @param size    its size in octets (RFC822.SIZE), or -1 when the server did not say
 * @param content the whole message, parsed, when it is small; null when it is read from the server when needed
 */
record ImapPrefetch(Flags flags, long size, MimeMessage content) {
}
