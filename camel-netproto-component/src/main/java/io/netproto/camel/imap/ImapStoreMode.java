package io.netproto.camel.imap;

/** How the store operation changes flags: {@code +FLAGS}, {@code -FLAGS} or {@code FLAGS}. */
public enum ImapStoreMode {
    /** Adds the flags (+FLAGS). */
    add,
    /** Removes the flags (-FLAGS). */
    remove,
    /** Replaces all flags with the given ones (FLAGS). */
    replace
}
