package io.netproto.camel.support;

/**
 * Checks values before they become part of a protocol command line, so that no header, file name,
 * path or criteria can inject a second command.
 */
public final class ProtocolArguments {

    private ProtocolArguments() {
    }

    /**
     * Returns the value when it holds no CR, LF or NUL character.
     *
     * @param  what                     what the value is, for the error message (e.g. {@code "file name"})
     * @throws IllegalArgumentException naming {@code what} when the value would break the command line
     */
    public static String requireSingleLine(String what, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException(
                        "The " + what + " must not contain CR, LF or NUL characters (protocol line injection refused)");
            }
        }
        return value;
    }

    /** Returns the value when it is present and a single line; names {@code what} otherwise. */
    public static String requireValue(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is required but was not given");
        }
        return requireSingleLine(what, value);
    }
}
