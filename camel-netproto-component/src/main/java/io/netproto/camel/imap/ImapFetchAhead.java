package io.netproto.camel.imap;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * The two replies of {@link ImapClient#prefetch}, read into what the consumer needs: flags and sizes of the wanted
 * messages first, then the whole content of those of at most {@link #SMALL_MESSAGE} octets. Replies about other
 * messages (unsolicited FETCH) are ignored.
 */
final class ImapFetchAhead {

    /** Messages up to this size are fetched ahead whole. */
    static final int SMALL_MESSAGE = 64 * 1024;
    private static final Session PARSING = Session.getInstance(new Properties());

    private final Set<Long> wanted;
    private final Map<Long, Flags> flags = new HashMap<>();
    private final Set<Long> small = new LinkedHashSet<>();
    private final Map<Long, MimeMessage> contents = new HashMap<>();

    ImapFetchAhead(Collection<Long> uids) {
        this.wanted = new HashSet<>(uids);
    }

    /** Reads the replies to UID FETCH (UID FLAGS RFC822.SIZE). */
    void readSizes(Response[] responses) {
        for (Response response : responses) {
            UID uid = response instanceof FetchResponse fetch ? fetch.getItem(UID.class) : null;
            if (uid != null && wanted.contains(uid.uid)) {
                FetchResponse fetch = (FetchResponse) response;
                FLAGS f = fetch.getItem(FLAGS.class);
                RFC822SIZE size = fetch.getItem(RFC822SIZE.class);
                flags.put(uid.uid, f == null ? new Flags() : f);
                if (size != null && size.size <= SMALL_MESSAGE) {
                    small.add(uid.uid);
                }
            }
        }
    }

    /** The UIDs whose whole content is fetched next (ascending as asked), empty when none. */
    Set<Long> small() {
        return small;
    }

    /** Reads the replies to UID FETCH (UID BODY.PEEK[]) of {@link #small()}. */
    void readBodies(Response[] responses) throws MessagingException {
        for (Response response : responses) {
            UID uid = response instanceof FetchResponse fetch ? fetch.getItem(UID.class) : null;
            BODY body = uid == null ? null : ((FetchResponse) response).getItem(BODY.class);
            if (body != null && !body.isHeader() && body.getByteArrayInputStream() != null && small.contains(uid.uid)) {
                contents.put(uid.uid, new MimeMessage(PARSING, body.getByteArrayInputStream()));
            }
        }
    }

    /** Per UID still in the mailbox: its flags and, when small, its content. */
    Map<Long, ImapPrefetch> result() {
        Map<Long, ImapPrefetch> result = new HashMap<>();
        flags.forEach((uid, f) -> result.put(uid, new ImapPrefetch(f, contents.get(uid))));
        return result;
    }
}
