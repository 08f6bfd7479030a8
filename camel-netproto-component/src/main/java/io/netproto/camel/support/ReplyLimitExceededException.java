package io.netproto.camel.support;

import java.io.IOException;

/** A server sent more than {@link ReplyLimits} allow in answer to one command; the connection is unusable. */
public class ReplyLimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    public ReplyLimitExceededException(String message) {
        super(message);
    }
}
