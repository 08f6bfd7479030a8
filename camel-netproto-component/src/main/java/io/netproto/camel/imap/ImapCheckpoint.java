package io.netproto.camel.imap;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The consumer's progress in one folder, as kept in the checkpoint store: the folder's UIDVALIDITY, the highest UID
 * handled, the UIDs at or below it still to retry with the number of times their exchange failed, and the UIDs
 * delivered whose commit (\Seen, delete or move) has not reached the server yet. Stored as
 * {@code uidValidity;lastUid;uid:failures,uid:failures;uid,uid}.
 */
final class ImapCheckpoint {

    private final long uidValidity;
    private long lastUid;
    private final TreeMap<Long, Integer> retries;
    private final TreeSet<Long> uncommitted = new TreeSet<>();

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
            ImapCheckpoint checkpoint = new ImapCheckpoint(Long.parseLong(fields[0]), Long.parseLong(fields[1]), retries);
            if (fields.length > 3 && !fields[3].isEmpty()) {
                for (String uid : fields[3].split(",")) {
                    checkpoint.uncommitted.add(Long.parseLong(uid));
                }
            }
            return checkpoint;
        } catch (RuntimeException e) {
            return null;
        }
    }

    String format() {
        StringJoiner joiner = new StringJoiner(",");
        retries.forEach((uid, failures) -> joiner.add(uid + ":" + failures));
        StringJoiner pending = new StringJoiner(",");
        uncommitted.forEach(uid -> pending.add(uid.toString()));
        return uidValidity + ";" + lastUid + ";" + joiner + (uncommitted.isEmpty() ? "" : ";" + pending);
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

    /**
     * The message's exchange succeeded and its commit is about to be sent: it is never delivered again, and until
     * {@link #committed} it is committed again at the start of the next poll (after a lost connection or a restart).
     */
    void delivered(long uid) {
        done(uid);
        uncommitted.add(uid);
    }

    /** The commit of these messages reached the server. */
    void committed(java.util.Collection<Long> uids) {
        uncommitted.removeAll(uids);
    }

    /** Delivered messages whose commit has not reached the server, ascending. */
    java.util.List<Long> uncommitted() {
        return java.util.List.copyOf(uncommitted);
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
