package io.netproto.camel.ftp;

/** Order in which the consumer delivers the files of one poll. */
public enum FtpSortBy {
    /** Listing order of the server. */
    none,
    /** By relative path, ascending. */
    name,
    /** By modification time, oldest first. */
    time,
    /** By size, smallest first. */
    size
}
