package io.netproto.camel.imap;

import io.netproto.camel.support.PlainTextPasswordException;
import io.netproto.camel.support.PlainTextPasswords;
import jakarta.mail.Session;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * Angus Mail's IMAP store (imap or imaps) with the {@code plainTextPassword} check where the password would be sent:
 * right before LOGIN or AUTHENTICATE, after any STARTTLS, on the connected socket's address.
 */
final class GuardedImapStore extends IMAPStore {

    private final ImapConfiguration cfg;
    private final String server;
    private volatile PlainTextPasswordException refusal;

    GuardedImapStore(Session session, boolean secure, ImapConfiguration cfg, String server) {
        super(session, null, secure ? "imaps" : "imap", secure);
        this.cfg = cfg;
        this.server = server;
    }

    @Override
    protected void preLogin(IMAPProtocol protocol) throws ProtocolException {
        try {
            PlainTextPasswords.check(cfg, "IMAP", server, protocol.isSSL(), protocol.getInetAddress());
        } catch (PlainTextPasswordException e) {
            refusal = e;
            throw new ProtocolException(e.getMessage());
        }
        super.preLogin(protocol);
    }

    /** The refusal of the last login, if the option refused it; Angus reports it as a login failure. */
    PlainTextPasswordException refusal() {
        return refusal;
    }
}
