package io.netproto.camel.support;

/**
 * Where a consumer keeps its progress (for example an IMAP folder's UIDVALIDITY and last UID, or the
 * last article number of a newsgroup), so that a restart resumes exactly where it stopped. Keys name
 * the server and the place (e.g. {@code imap://user@host/INBOX}); values are short strings owned by
 * the consumer.
 */
public interface CheckpointStore {

    /** The stored value, or null when the key has none. */
    String get(String key);

    /** Stores the value; it is durable (for persistent stores) when the call returns. */
    void put(String key, String value);

    /** Forgets the key. */
    void remove(String key);
}
