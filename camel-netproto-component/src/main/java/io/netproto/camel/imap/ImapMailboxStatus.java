package io.netproto.camel.imap;

import java.util.List;

/**
 * A selected mailbox, as SELECT (or EXAMINE) reported it.
 *
 * @param mailbox     the mailbox name
 * @param exists      number of messages
 * @param recent      number of messages with \Recent
 * @param unseen      number of messages without \Seen
 * @param uidValidity the UIDVALIDITY: UIDs are only comparable while it stays the same
 * @param uidNext     the UID the next message will get (0 when the server did not say)
 * @param flags       the flags and keywords that can be stored permanently ({@code \*} means any new keyword)
 * @param readOnly    whether the mailbox was opened read-only
 */
public record ImapMailboxStatus(String mailbox, int exists, int recent, int unseen, long uidValidity, long uidNext,
        List<String> flags, boolean readOnly) {
}
