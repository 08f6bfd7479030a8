package io.netproto.camel.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.catalog.SuggestionStrategy;

/**
 * Did-you-mean suggestions for a misspelt option name or enum value: the known names closest to it by
 * case-insensitive edit distance, when close enough to be a likely typo (never a complete rewrite).
 */
final class NameSuggestions implements SuggestionStrategy {

    @Override
    public String[] suggestEndpointOptions(Set<String> names, String unknown) {
        return closest(names, unknown).toArray(String[]::new);
    }

    /** The names at the smallest edit distance from {@code unknown}, if that distance is small enough. */
    static List<String> closest(Iterable<String> names, String unknown) {
        String wanted = unknown.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, wanted.length() / 3));
        int best = Integer.MAX_VALUE;
        List<String> result = new ArrayList<>();
        for (String name : names) {
            int distance = distance(wanted, name.toLowerCase(Locale.ROOT));
            if (distance > limit || distance >= wanted.length() || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                result.clear();
            }
            result.add(name);
        }
        result.sort(null);
        return result;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
