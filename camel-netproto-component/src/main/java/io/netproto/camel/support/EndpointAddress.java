package io.netproto.camel.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.apache.camel.util.URISupport;

/**
 * The address part of an endpoint URI, {@code [user[:password]@]host[:port][/path]}, as every
 * URI-addressed netproto component reads it. User info is percent-decoded; the path comes without its
 * leading slash, or null when there is none.
 */
public record EndpointAddress(String host, int port, String username, String password, String path) {

    /**
     * @param uri       the whole endpoint URI, for messages (shown sanitised: never a password)
     * @param remaining the part after {@code scheme:} (and {@code //})
     * @param syntax    the URI syntax to show when the host is missing, e.g. {@code pop3://[user@]host[:port]}
     */
    public static EndpointAddress parse(String uri, String remaining, String syntax) {
        URI parsed;
        try {
            parsed = new URI("netproto://" + remaining);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid endpoint URI " + URISupport.sanitizeUri(uri) + ": " + e.getMessage(), e);
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("The URI needs a host: " + syntax + ", was " + URISupport.sanitizeUri(uri));
        }
        String username = null;
        String password = null;
        String userInfo = parsed.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String path = parsed.getPath();
        path = path == null || path.isEmpty() || path.equals("/") ? null : path.substring(1);
        return new EndpointAddress(parsed.getHost(), Math.max(parsed.getPort(), 0), username, password, path);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Sets host, port (when given) and the credentials (when given) on the configuration. */
    public void applyTo(NetConfiguration configuration) {
        configuration.setHost(host);
        if (port > 0) {
            configuration.setPort(port);
        }
        if (username != null) {
            configuration.setUsername(username);
        }
        if (password != null) {
            configuration.setPassword(password);
        }
    }
}
