package io.netproto.testkit.nntp;

/**
 * An article-number range argument: {@code n}, {@code n-} (n and everything after) or {@code n-m} (empty when m is
 * below n).
 */
record ArticleRange(long first, long last) {

    /**
     * Parses a range argument.
     *
     * @throws IllegalArgumentException if the text is not one of the three forms
     */
    static ArticleRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            long number = number(text);
            return new ArticleRange(number, number);
        }
        long first = number(text.substring(0, dash));
        String rest = text.substring(dash + 1);
        return new ArticleRange(first, rest.isEmpty() ? Long.MAX_VALUE : number(rest));
    }

    /** Whether a command argument is a message-id rather than a number or range. */
    static boolean isMessageId(String argument) {
        return argument.startsWith("<");
    }

    /**
     * Parses an article number (at most 16 digits).
     *
     * @throws IllegalArgumentException if the text is not a number
     */
    static long number(String text) {
        if (text.isEmpty() || text.length() > 16 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Not an article number: " + text);
        }
        return Long.parseLong(text);
    }
}
