package io.netproto.camel.nntp;

/**
 * A newsgroup as GROUP, LIST ACTIVE or NEWGROUPS report it.
 *
 * @param count estimated number of articles (exact as the server reports it for GROUP; {@code last - first + 1}
 *              for LIST ACTIVE and NEWGROUPS, which do not report a count)
 * @param first the low water mark: number of the first article
 * @param last  the high water mark: number of the last article
 * @param name  the group's name
 */
public record NntpGroup(long count, long first, long last, String name) {
}
