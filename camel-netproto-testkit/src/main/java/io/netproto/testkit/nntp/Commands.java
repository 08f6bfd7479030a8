package io.netproto.testkit.nntp;

/** Argument handling shared by the command classes. */
final class Commands {

    private static final String[] NONE = new String[0];

    private Commands() {
    }

    /**
     * Splits command arguments at whitespace.
     *
     * @throws ReplyException {@code 501} unless there are between {@code min} and {@code max} arguments
     */
    static String[] tokens(String args, int min, int max) throws ReplyException {
        String[] tokens = args.isEmpty() ? NONE : args.split("\\s+");
        if (tokens.length < min || tokens.length > max) {
            throw new ReplyException(501, "Syntax error in arguments");
        }
        return tokens;
    }
}
