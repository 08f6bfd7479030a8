package io.netproto.camel.imap;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The consumer's progress in one folder, as kept in the checkpoint store: the folder's UIDVALIDITY, the highest UID
 * handled, and the UIDs at or below it still to retry with the number of times their exchange failed. Stored as
 * {@code uidValidity;lastUid;uid:failures,uid:failures}.
 */
final class ImapCheckpoint {

    private final long uidValidity;
    private long lastUid;
    private final TreeMap<Long, Integer> retries;

    ImapCheckpoint(long uidValidity, long lastUid, Map<Long, Integer> retries) {
        this.uidValidity = uidValidity;
        this.lastUid = lastUid;
        this.retries = new TreeMap<>(retries);
    }

    /** The stored progress, or null when there is none or it cannot be read. */
    static ImapCheckpoint parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] fields = value.split(";", -1);
        try {
            TreeMap<Long, Integer> retries = new TreeMap<>();
            if (fields.length > 2 && !fields[2].isEmpty()) {
                for (String entry : fields[2].split(",")) {
                    int colon = entry.indexOf(':');
                    retries.put(Long.parseLong(entry.substring(0, colon)), Integer.parseInt(entry.substring(colon + 1)));
                }
            }
            return new ImapCheckpoint(Long.parseLong(fields[0]), Long.parseLong(fields[1]), retries);
        } catch (RuntimeException e) {
            return null;
        }
    }

    String format() {
        StringJoiner joiner = new StringJoiner(",");
        retries.forEach((uid, failures) -> joiner.add(uid + ":" + failures));
        return uidValidity + ";" + lastUid + ";" + joiner;
    }

    long uidValidity() {
        return uidValidity;
    }

    long lastUid() {
        return lastUid;
    }

    /** The UIDs to retry, ascending. */
    java.util.Set<Long> retries() {
        return retries.keySet();
    }

    int failures(long uid) {
        return retries.getOrDefault(uid, 0);
    }

    /** The message was handled for good (committed, or moved to the error folder). */
    void done(long uid) {
        retries.remove(uid);
        lastUid = Math.max(lastUid, uid);
    }

    /** The message's exchange failed: it will be offered again. Returns its failure count. */
    int failed(long uid) {
        int failures = retries.getOrDefault(uid, 0) + 1;
        retries.put(uid, failures);
        lastUid = Math.max(lastUid, uid);
        return failures;
    }

    /** Forgets a UID to retry that no longer matches (gone, or changed by someone else). */
    void forget(long uid) {
        retries.remove(uid);
    }
}
