package io.datadesk.error;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?" for misspelt keys, formats and names. */
public final class Suggest {

    private Suggest() {}

    /** The candidate closest to {@code wrong} by edit distance, if it is close enough to be a likely typo. */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(wrong.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int tolerance = Math.max(2, wrong.length() / 3);
        return best != null && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    /** " Did you mean 'x'?" or the empty string. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> "did you mean '" + c + "'?").orElse("");
    }

    // Levenshtein distance; small inputs only (keys and names), so the O(n*m) table is fine.
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
