package io.netproto.testkit.fault;

/** Which way bytes flow through a proxied connection. */
public enum Direction {
    /** Requests: from the client to the server. */
    CLIENT_TO_SERVER,
    /** Replies: from the server to the client. */
    SERVER_TO_CLIENT
}
