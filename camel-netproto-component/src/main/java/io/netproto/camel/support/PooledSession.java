package io.netproto.camel.support;

/** A logged-in protocol connection that a {@link SessionPool} can hand out again. */
public interface PooledSession {

    /** Whether the socket is still open as far as the client knows (no network round trip). */
    boolean isConnected();

    /** Sends a cheap command (NOOP) to prove the connection still works; throws when it does not. */
    void check() throws Exception;

    /** Ends the session politely when possible (QUIT), then closes the socket; never throws. */
    void close();
}
