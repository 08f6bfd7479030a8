package io.netproto.camel.support;

import org.apache.camel.RuntimeCamelException;

/**
 * Root of the exception family thrown by every netproto endpoint: a route can catch this one type
 * with {@code onException(NetprotoException.class)}.
 */
public class NetprotoException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    public NetprotoException(String message) {
        super(message);
    }

    public NetprotoException(String message, Throwable cause) {
        super(message, cause);
    }
}
