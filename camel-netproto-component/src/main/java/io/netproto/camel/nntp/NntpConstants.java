package io.netproto.camel.nntp;

import org.apache.camel.spi.Metadata;

/** Message headers of the nntp endpoint. */
public final class NntpConstants {

    @Metadata(label = "producer", description = "The operation to perform, overriding the operation option.",
              javaType = "io.netproto.camel.nntp.NntpOperation")
    public static final String OPERATION = "CamelNntpOperation";
    @Metadata(description = "The newsgroup: producer input of group, over, xhdr, stat, next, last and of head, body, article "
                            + "by number (default: the first group of the endpoint URI); set on the results of those operations "
                            + "and by the consumer.",
              javaType = "String")
    public static final String GROUP = "CamelNntpGroup";
    @Metadata(description = "The article number: producer input of next and last (the current-article pointer to move from); "
                            + "set on the results of stat, next, last, head, body, article and by the consumer.",
              javaType = "long")
    public static final String ARTICLE_NUMBER = "CamelNntpArticleNumber";
    @Metadata(label = "producer", description = "The article of head, body, article and stat: a Message-ID in angle brackets or "
                                                + "an article number in the group.",
              javaType = "String")
    public static final String ARTICLE_ID = "CamelNntpArticleId";
    @Metadata(description = "The Message-ID of the article fetched, posted or consumed.", javaType = "String")
    public static final String MESSAGE_ID = "CamelNntpMessageId";
    @Metadata(label = "producer", description = "The article range of over and xhdr: n, n- or n-m (default: the whole group).",
              javaType = "String")
    public static final String RANGE = "CamelNntpRange";
    @Metadata(label = "producer", description = "The header field of xhdr, e.g. Subject.", javaType = "String")
    public static final String HEADER_NAME = "CamelNntpHeaderName";
    @Metadata(label = "producer", description = "The wildmat of list and newnews (default: the groups of the endpoint URI, or * "
                                                + "for list).",
              javaType = "String")
    public static final String WILDMAT = "CamelNntpWildmat";
    @Metadata(label = "producer", description = "The time of newgroups and newnews: an Instant, Date, ZonedDateTime, "
                                                + "OffsetDateTime or ISO-8601 String.",
              javaType = "java.time.Instant")
    public static final String SINCE = "CamelNntpSince";
    @Metadata(description = "The reply code of the last NNTP command of the operation.", javaType = "int")
    public static final String REPLY_CODE = "CamelNntpReplyCode";
    @Metadata(description = "The reply text of the last NNTP command of the operation.", javaType = "String")
    public static final String REPLY_STRING = "CamelNntpReplyString";

    private NntpConstants() {
    }
}
