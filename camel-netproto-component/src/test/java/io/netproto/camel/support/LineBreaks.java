package io.netproto.camel.support;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/** The characters that would end a protocol command line, raw (for headers) and percent-encoded (for URIs). */
public final class LineBreaks {

    /** CR, LF, CRLF and NUL. */
    public static final List<String> RAW = List.of("\r", "\n", "\r\n", "\0");

    private LineBreaks() {
    }

    /** The URI encoding of a raw break. */
    public static String encoded(String raw) {
        StringBuilder out = new StringBuilder();
        for (char c : raw.toCharArray()) {
            out.append(String.format("%%%02X", (int) c));
        }
        return out.toString();
    }

    /** The raw breaks, as a method source. */
    public static Stream<String> names() {
        return RAW.stream();
    }

    /** A printable name of a raw break, for test names. */
    public static String name(String raw) {
        return switch (raw) {
            case "\r" -> "CR";
            case "\n" -> "LF";
            case "\r\n" -> "CRLF";
            default -> "NUL";
        };
    }

    /** Every case combined with every break: the case's arguments, then the break. */
    public static Stream<Arguments> each(Stream<Object[]> cases) {
        return cases.flatMap(c -> RAW.stream().map(b -> {
            Object[] args = java.util.Arrays.copyOf(c, c.length + 1);
            args[c.length] = b;
            return Arguments.of(args);
        }));
    }
}
