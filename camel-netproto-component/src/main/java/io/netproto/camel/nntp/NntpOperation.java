package io.netproto.camel.nntp;

/**
 * The operations of the nntp producer (RFC 3977 reader and posting commands). Connecting, MODE READER,
 * AUTHINFO and QUIT are the connection's lifecycle and are handled by the endpoint.
 */
public enum NntpOperation {
    /** GROUP: select a newsgroup; returns an {@link NntpGroup} (count, first, last, name). */
    group,
    /** HDR (XHDR when HDR is unknown): one header's values for a range; a list of {@link NntpHeaderValue}. */
    xhdr,
    /** OVER (XOVER when OVER is unknown): the overview of a range; a list of {@link NntpOverview}. */
    over,
    /** HEAD: an article's header fields, by message-id or number; an {@link NntpArticle} without body. */
    head,
    /** BODY: an article's body, by message-id or number; an {@link NntpArticleBody} streaming it (no headers). */
    body,
    /** ARTICLE: headers and body, by message-id or number; an {@link NntpArticleBody}: headers loaded, body streamed. */
    article,
    /** STAT: set the current-article pointer; returns an {@link NntpPointer}. */
    stat,
    /** NEXT: move the pointer to the next article; returns an {@link NntpPointer}, or null at the end. */
    next,
    /** LAST: move the pointer to the previous article; returns an {@link NntpPointer}, or null at the start. */
    last,
    /** POST: post the body with the message headers; returns the Message-ID. */
    post,
    /** LIST ACTIVE: the active groups, optionally matching a wildmat; a list of {@link NntpGroup}. */
    list,
    /** NEWGROUPS: the groups created since a time; a list of {@link NntpGroup}. */
    newgroups,
    /** NEWNEWS: the Message-IDs of articles arrived since a time in groups matching a wildmat. */
    newnews,
    /** DATE: the server's current time, as an Instant. */
    date,
    /** CAPABILITIES: the server's capability lines. */
    capabilities
}
