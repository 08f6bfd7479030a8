package io.netproto.testkit.nntp;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 3977 wildmat (section 4): comma-separated patterns, each optionally negated with {@code !}, where
 * {@code *} matches any sequence and {@code ?} any single character. The rightmost pattern that matches a name
 * decides: a plain pattern accepts it, a negated one rejects it; a name no pattern matches is rejected. The characters
 * RFC 3977 reserves ({@code [ \ ]}) and whitespace are syntax errors.
 */
final class Wildmat {

    private record Pattern(boolean negated, int[] codePoints) {
    }

    private final List<Pattern> patterns;

    private Wildmat(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /**
     * Parses a wildmat.
     *
     * @throws IllegalArgumentException if the text is not a valid wildmat
     */
    static Wildmat parse(String text) {
        List<Pattern> patterns = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            boolean negated = part.startsWith("!");
            String pattern = negated ? part.substring(1) : part;
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("Empty pattern in wildmat " + text);
            }
            pattern.codePoints().forEach(c -> {
                if (c <= ' ' || c == 0x7f || c == '!' || c == '[' || c == '\\' || c == ']') {
                    throw new IllegalArgumentException("Invalid character in wildmat " + text);
                }
            });
            patterns.add(new Pattern(negated, pattern.codePoints().toArray()));
        }
        return new Wildmat(List.copyOf(patterns));
    }

    /** Matches everything, as an absent wildmat argument does. */
    static Wildmat all() {
        return parse("*");
    }

    boolean matches(String name) {
        int[] text = name.codePoints().toArray();
        for (int i = patterns.size() - 1; i >= 0; i--) {
            Pattern pattern = patterns.get(i);
            if (glob(pattern.codePoints(), text)) {
                return !pattern.negated();
            }
        }
        return false;
    }

    /** Iterative glob match, backtracking only to the most recent {@code *}. */
    private static boolean glob(int[] pattern, int[] text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length) {
            if (p < pattern.length && (pattern[p] == '?' || pattern[p] == text[t])) {
                p++;
                t++;
            } else if (p < pattern.length && pattern[p] == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }
}
