package io.netproto.camel.support;

/**
 * A password was about to be sent over a connection not encrypted by TLS and the {@code plainTextPassword} option
 * refused it; nothing of the credentials was sent.
 */
public class PlainTextPasswordException extends NetprotoException {

    private static final long serialVersionUID = 1L;

    public PlainTextPasswordException(String message) {
        super(message);
    }
}
