package io.netproto.camel.imap;

/**
 * The operations of the imap producer, named after the classic IMAP4 client operations. Logging in (LOGIN or
 * AUTHENTICATE), LOGOUT and CLOSE are the session's lifecycle: sessions are opened on demand and kept in a small pool;
 * each operation selects the mailbox it needs, and a mailbox is only ever closed without expunging (expunging is the
 * {@link #expunge} operation). Messages are addressed by UID everywhere.
 */
public enum ImapOperation {
    /** SELECT (or EXAMINE when read-only): the mailbox's status as an {@link ImapMailboxStatus}. */
    select,
    /** UID SEARCH with an IMAP criteria string (header CamelImapCriteria): the matching UIDs, ascending. */
    search,
    /** UID FETCH of a UID set and parts (header CamelImapFetchParts): one message mapped, or typed results. */
    fetch,
    /** UID STORE: adds, removes or replaces flags and keywords of a UID set. */
    store,
    /** UID COPY to another mailbox: an {@link ImapCopyResult}. */
    copy,
    /** UID MOVE where advertised, else UID COPY, \Deleted and UID EXPUNGE of exactly those messages. */
    move,
    /** UID EXPUNGE of the given UIDs (UIDPLUS); EXPUNGE of every \Deleted message only when asked. */
    expunge,
    /** APPEND: uploads the message in the body to a mailbox; the new UID when the server has UIDPLUS. */
    append,
    /** LIST: the mailboxes matching a pattern (default {@code *}), as {@link ImapMailbox} records. */
    list,
    /** CREATE a mailbox. */
    create,
    /** DELETE a mailbox. */
    delete,
    /** NOOP: checks that the server answers; the body becomes {@code true}. */
    noop
}
