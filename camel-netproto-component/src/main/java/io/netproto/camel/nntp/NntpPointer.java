package io.netproto.camel.nntp;

/**
 * The current-article pointer after STAT, NEXT or LAST (and the article addressed by HEAD, BODY, ARTICLE).
 *
 * @param group     the newsgroup the number belongs to, or null when the article was addressed by Message-ID
 * @param number    the article number in that group (0 when addressed by Message-ID)
 * @param messageId the Message-ID, angle brackets included
 */
public record NntpPointer(String group, long number, String messageId) {
}
