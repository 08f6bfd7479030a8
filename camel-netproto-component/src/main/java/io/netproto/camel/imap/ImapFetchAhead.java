package io.netproto.camel.imap;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 * The reply of {@link ImapClient#prefetch}, read into what the consumer needs: flags and size of each wanted message,
 * and the whole content of those that fit in the partial body fetched with them ({@link #SMALL_MESSAGE} octets, or
 * fewer under maxMessageSize). Replies about other messages (unsolicited FETCH) are ignored.
 */
final class ImapFetchAhead {

    /** Messages up to this size are fetched ahead whole. */
    static final int SMALL_MESSAGE = 64 * 1024;
    private static final Session PARSING = Session.getInstance(new Properties());

    private final Set<Long> wanted;
    private final int limit;
    private final Map<Long, ImapPrefetch> result = new HashMap<>();

    /**
     * @param uids           the messages fetched ahead
     * @param maxMessageSize the consumer's maxMessageSize (0: none); a message is fetched ahead whole only when it
     *                       is not larger than that either
     */
    ImapFetchAhead(Collection<Long> uids, long maxMessageSize) {
        this.wanted = new HashSet<>(uids);
        this.limit = (int) (maxMessageSize > 0 ? Math.min(SMALL_MESSAGE, maxMessageSize) : SMALL_MESSAGE);
    }

    /**
     * The FETCH items: UID, flags, size, and the first {@code limit + 1} octets of the message (a reply shorter than
     * that is the whole message; a longer message is read from the server when needed).
     */
    String items() {
        return "(UID FLAGS RFC822.SIZE BODY.PEEK[]<0." + (limit + 1) + ">)";
    }

    /** Reads the replies to the UID FETCH of {@link #items()}. */
    void read(Response[] responses) throws MessagingException {
        for (Response response : responses) {
            UID uid = response instanceof FetchResponse fetch ? fetch.getItem(UID.class) : null;
            if (uid != null && wanted.contains(uid.uid)) {
                FetchResponse fetch = (FetchResponse) response;
                FLAGS f = fetch.getItem(FLAGS.class);
                RFC822SIZE size = fetch.getItem(RFC822SIZE.class);
                BODY body = fetch.getItem(BODY.class);
                MimeMessage content = null;
                if (body != null && !body.isHeader() && body.getOrigin() == 0 && body.getByteArrayInputStream() != null
                    && body.getByteArray().getCount() <= limit) {
                    content = new MimeMessage(PARSING, body.getByteArrayInputStream());
                }
                result.put(uid.uid, new ImapPrefetch(f == null ? new Flags() : f, size == null ? -1 : size.size,
                        content));
            }
        }
    }

    /** Per UID still in the mailbox: its flags, size and, when small, its content. */
    Map<Long, ImapPrefetch> result() {
        return result;
    }
}
