package io.netproto.camel.pop3;

/**
 * The operations of the pop3 producer, named after the classic POP3 client operations. Logging in (USER/PASS or
 * AUTH) and QUIT are the connection's lifecycle: every exchange logs in, performs its operation and ends the session
 * with QUIT, which is also when the server carries out a {@link #dele}.
 */
public enum Pop3Operation {
    /** STAT: the number of messages and the mailbox size in octets, as a {@link Pop3Status}. */
    stat,
    /**
     * LIST: every message's number and size as a list of {@link Pop3ListEntry}; with the header CamelPop3MessageNumber
     * or CamelPop3Uid, the entry of that message only.
     */
    list,
    /** RETR: the whole message, mapped to the Camel message (or the raw RFC 822 stream with mapMailMessage=false). */
    retr,
    /** DELE: marks the message for deletion; the server deletes it when the exchange's session ends with QUIT. */
    dele,
    /** UIDL: a map of message number to unique id; with a message selected, that message's unique id. */
    uidl,
    /** TOP: the headers and the first n body lines (header CamelPop3TopLines, default 0) of a message. */
    top,
    /** NOOP: checks that the server answers; the body becomes {@code true}. */
    noop,
    /** CAPA: the capabilities the server announces (RFC 2449), as a map of keyword to arguments. */
    capa
}
