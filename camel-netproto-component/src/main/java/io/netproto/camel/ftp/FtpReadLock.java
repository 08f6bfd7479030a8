package io.netproto.camel.ftp;

/** How the consumer makes sure a file is no longer being written before it picks it up. */
public enum FtpReadLock {
    /** Pick files up as soon as they are listed. */
    none,
    /** Pick a file up only when its size and modification time did not change between two listings. */
    changed,
    /** Pick a file up only when it can be renamed (a probe rename and back succeeds). */
    rename
}
