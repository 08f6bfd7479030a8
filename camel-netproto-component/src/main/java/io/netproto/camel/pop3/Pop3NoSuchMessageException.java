package io.netproto.camel.pop3;

import io.netproto.camel.support.NetprotoException;

/** The message a producer operation selected (by number or unique id) is not in the mailbox. */
public class Pop3NoSuchMessageException extends NetprotoException {

    private static final long serialVersionUID = 1L;

    public Pop3NoSuchMessageException(String message) {
        super(message);
    }
}
