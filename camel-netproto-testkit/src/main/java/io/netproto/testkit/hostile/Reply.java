package io.netproto.testkit.hostile;

import java.io.IOException;

/** Something a server sends in place of a reply, such as a text, an endless stream or nothing at all. */
@FunctionalInterface
public interface Reply {

    void sendTo(Conversation conversation) throws IOException;

    /** Sends the text as it is. */
    static Reply text(String text) {
        return c -> c.send(text);
    }
}
