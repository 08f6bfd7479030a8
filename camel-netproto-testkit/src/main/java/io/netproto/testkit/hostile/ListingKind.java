package io.netproto.testkit.hostile;

/** What an {@link FtpListingScript} sends on the data connection of a listing (LIST, MLSD or NLST). */
public enum ListingKind {
    /** Three well-formed entries, then the end of the listing and 226. */
    VALID,
    /** Well-formed entries that never end, streamed until the client gives up. */
    ENDLESS,
    /** Entries of almost 64 KiB each that never end: many bytes, few entries. */
    ENDLESS_LONG_ENTRIES,
    /** One line of megabytes without a line end, streamed. */
    OVERLONG_LINE,
    /** Random bytes (NUL, CR, LF, 8-bit included), then the end of the listing and 226. */
    GARBAGE,
    /** Half a listing, then the data connection closes and the server answers 426. */
    TRUNCATED,
    /** The data connection is accepted and nothing is sent until the client gives up. */
    STALL
}
