package io.netproto.testkit.hostile;

import java.io.IOException;

/** What a {@link HostileServer} does on one connection, from greeting to close. */
@FunctionalInterface
public interface Script {

    /** Runs the conversation; the server closes the connection afterwards. An {@link IOException} just ends it. */
    void run(Conversation conversation) throws IOException;
}
