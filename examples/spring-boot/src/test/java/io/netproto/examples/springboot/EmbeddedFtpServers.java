package io.netproto.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netproto.testkit.ftp.EmbeddedFtpServer;

/**
 * Two FTP servers on free loopback ports standing in for the partner's server (source) and the archive (target),
 * each with its own account.
 *
 * @param source the partner's server
 * @param target the archive server
 */
public record EmbeddedFtpServers(EmbeddedFtpServer source, EmbeddedFtpServer target) implements AutoCloseable {

    static final String SOURCE_USER = "acme-outbound";
    /** Characters that would break a URI unless passed on with RAW(...), as the route does. */
    static final String SOURCE_PASSWORD = "s0urce&secret+%/ ?";
    static final String TARGET_USER = "relay";
    static final String TARGET_PASSWORD = "t@rget#secret=1";

    /** Starts both servers, each with an empty temporary root deleted on {@link #close()}. */
    public static EmbeddedFtpServers start() {
        EmbeddedFtpServer source = EmbeddedFtpServer.builder().user(SOURCE_USER, SOURCE_PASSWORD).start();
        try {
            return new EmbeddedFtpServers(source, EmbeddedFtpServer.builder().user(TARGET_USER, TARGET_PASSWORD).start());
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** The application's {@code relay.*} connection properties pointing at these servers. */
    public Map<String, Object> relayProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("relay.source.host", source.host());
        properties.put("relay.source.port", source.port());
        properties.put("relay.source.user", SOURCE_USER);
        properties.put("relay.source.password", SOURCE_PASSWORD);
        properties.put("relay.target.host", target.host());
        properties.put("relay.target.port", target.port());
        properties.put("relay.target.user", TARGET_USER);
        properties.put("relay.target.password", TARGET_PASSWORD);
        return properties;
    }

    @Override
    public void close() {
        try {
            target.close();
        } finally {
            source.close();
        }
    }
}
