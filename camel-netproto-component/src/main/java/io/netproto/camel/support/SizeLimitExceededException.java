package io.netproto.camel.support;

/**
 * A message, article or file is larger than a configured size limit (such as {@code maxMessageSize}) or a limit the
 * server announced: it was refused before it reached the wire or the disk. Carries the limit's name, the limit and
 * the size.
 */
public class SizeLimitExceededException extends NetprotoException {

    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;
    private final long size;

    /**
     * @param what      what was refused, e.g. {@code "The mail"} or {@code "POP3 message 3"}
     * @param size      its size in bytes, or -1 when only known to be larger than the limit
     * @param limitName the option or server limit, e.g. {@code "maxMessageSize"}
     * @param limit     the limit in bytes
     * @param outcome   what happened instead, e.g. {@code "not sent"}
     */
    public SizeLimitExceededException(String what, long size, String limitName, long limit, String outcome) {
        super(what + (size >= 0 ? " is " + size + " bytes" : " is larger than " + limit + " bytes") + ", over the limit "
              + limitName + "=" + limit + " bytes: " + outcome);
        this.limitName = limitName;
        this.limit = limit;
        this.size = size;
    }

    /** The name of the limit that was exceeded, such as {@code maxMessageSize}. */
    public String getLimitName() {
        return limitName;
    }

    /** The limit in bytes. */
    public long getLimit() {
        return limit;
    }

    /** The size in bytes, or -1 when the transfer was stopped as soon as it passed the limit. */
    public long getSize() {
        return size;
    }
}
