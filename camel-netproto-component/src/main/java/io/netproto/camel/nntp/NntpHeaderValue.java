package io.netproto.camel.nntp;

/**
 * One line of an HDR/XHDR reply.
 *
 * @param number the article number
 * @param value  the header value (empty when the article has no such header)
 */
public record NntpHeaderValue(long number, String value) {
}
