package io.netproto.testkit.hostile;

/** The kinds of misbehaviour a {@link ReplyFuzzer} mixes into a conversation. */
public enum HostileKind {
    /** Random bytes (NUL, CR, LF, 8-bit included), then the connection closes. */
    GARBAGE,
    /** A complete reply line with a code or status the command does not expect, or a malformed one. */
    WRONG_CODE,
    /** A well-formed refusal (4xx/5xx, -ERR, NO/BAD, BYE). */
    REFUSAL,
    /** The valid reply cut short, then the connection closes. */
    TRUNCATED,
    /** The connection closes instead of a reply. */
    CLOSE,
    /** Replies nobody asked for before the valid one. */
    UNSOLICITED,
    /** A line of megabytes without a line end, streamed. */
    OVERLONG_LINE,
    /** A multi-line reply that never ends, streamed until the client gives up. */
    ENDLESS,
    /** A huge announced size: an IMAP literal of {2147483647} bytes, a message count or size beyond any int. */
    HUGE,
    /** Nothing at all until the client's read timeout. */
    STALL
}
