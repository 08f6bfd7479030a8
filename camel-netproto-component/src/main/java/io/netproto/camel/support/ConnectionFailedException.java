package io.netproto.camel.support;

/**
 * The connection to a server could not be opened, was lost, or timed out. The endpoint drops the
 * connection; the next poll or exchange opens a new one.
 */
public class ConnectionFailedException extends NetprotoException {

    private static final long serialVersionUID = 1L;

    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
