package io.netproto.testkit.nntp;

import java.util.Map;

/**
 * The fixed configuration of a running server.
 *
 * @param hostName          the server's name in greetings, generated Message-IDs and Xref fields
 * @param postingAllowed    whether POST is permitted (greeting 200) or not (greeting 201, POST answers 440)
 * @param requireAuth       whether commands other than CAPABILITIES, MODE READER, HELP, AUTHINFO, STARTTLS and QUIT
 *                          answer 480 until the client has authenticated
 * @param authRequiresTls   whether AUTHINFO answers 483 until TLS is active
 * @param users             user names and passwords for AUTHINFO USER/PASS
 * @param implicitTls       whether the listener speaks TLS from the first byte
 * @param idleTimeoutMillis how long a connection may wait for the client's next line
 */
record ServerSettings(String hostName, boolean postingAllowed, boolean requireAuth, boolean authRequiresTls,
        Map<String, String> users, boolean implicitTls, int idleTimeoutMillis) {

    ServerSettings {
        users = Map.copyOf(users);
    }
}
