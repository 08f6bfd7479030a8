package io.netproto.camel.mail;

import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import io.netproto.testkit.mail.EmbeddedMailServer;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;

/**
 * The server's own view of a mailbox's INBOX (GreenMail's store, not a client), indexed by subject once, so that a
 * test can check cheaply, while a message is being processed, that it is still there and not yet flagged.
 */
public final class InboxView {

    private final MailFolder inbox;
    private final Map<String, StoredMessage> bySubject = new HashMap<>();

    /** Indexes the current INBOX of {@code email}; subjects must be unique. */
    public InboxView(EmbeddedMailServer server, String email) {
        try {
            GreenMailUser user = server.greenMail().getUserManager().getUserByEmail(email);
            inbox = server.greenMail().getManagers().getImapHostManager().getInbox(user);
            for (StoredMessage message : inbox.getMessages()) {
                bySubject.put(message.getMimeMessage().getSubject(), message);
            }
        } catch (FolderException | MessagingException e) {
            throw new IllegalStateException("Cannot read the INBOX of " + email, e);
        }
    }

    /**
     * Whether the message is still in the INBOX, without any of the given flags.
     *
     * @param  subject the message's subject
     * @param  flags   flags the message must not carry, e.g. {@link Flags.Flag#SEEN}
     * @return         false when it was expunged or carries one of the flags
     */
    public boolean untouched(String subject, Flags.Flag... flags) {
        StoredMessage message = bySubject.get(subject);
        if (message == null) {
            return false;
        }
        boolean present = false;
        for (long uid : inbox.getMessageUids()) {
            present |= uid == message.getUid();
        }
        for (Flags.Flag flag : flags) {
            present &= !message.isSet(flag);
        }
        return present;
    }

    /** @return the number of messages in the INBOX */
    public int size() {
        return inbox.getMessageCount();
    }
}
