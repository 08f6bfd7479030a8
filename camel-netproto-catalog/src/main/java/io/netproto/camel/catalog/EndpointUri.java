package io.netproto.camel.catalog;

import java.util.regex.Pattern;

/**
 * The parts of a {@code scheme:[//][userinfo@]host[:port][/path][?query]} endpoint URI, split by hand so
 * that placeholders and {@code RAW(...)} values survive. Used to check the host and to hand Camel's
 * catalog a URI it parses reliably: user info removed (it may hold a password), RAW values replaced by a
 * placeholder (the catalog would split them at {@code &}).
 *
 * @param scheme   the scheme, without colon
 * @param userInfo the user info before {@code @}, or {@code null}
 * @param hostPort the host and optional port; empty when missing
 * @param rest     the path and query, starting with {@code /} or {@code ?}, or empty
 */
record EndpointUri(String scheme, String userInfo, String hostPort, String rest) {

    private static final Pattern RAW_VALUE = Pattern.compile("=RAW(\\(.*?\\)|\\{.*?\\})(?=&|$)");

    static EndpointUri parse(String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? uri : uri.substring(0, colon);
        String remaining = colon < 0 ? "" : uri.substring(colon + 1);
        if (remaining.startsWith("//")) {
            remaining = remaining.substring(2);
        }
        int end = firstOf(remaining, '/', '?');
        String authority = remaining.substring(0, end);
        int at = authority.lastIndexOf('@');
        return new EndpointUri(scheme, at < 0 ? null : authority.substring(0, at), authority.substring(at + 1),
                remaining.substring(end));
    }

    private static int firstOf(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return text.length();
    }

    /** The host, without port; empty when the URI names none. */
    String host() {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? hostPort : hostPort.substring(0, close + 1);
        }
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    /** The URI for Camel's catalog: no user info, RAW values replaced by a placeholder. */
    String forCatalog() {
        String uri = scheme + "://" + hostPort + rest;
        return RAW_VALUE.matcher(uri).replaceAll("={{raw}}");
    }
}
