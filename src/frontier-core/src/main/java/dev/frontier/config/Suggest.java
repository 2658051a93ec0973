package dev.frontier.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeSet;

/** "Did you mean …?" for misspelt keys and names: the closest known word within a small edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** The closest candidate within an edit distance of a third of the word's length (at least 2), if any. */
    public static Optional<String> closest(String word, Collection<String> known) {
        int limit = Math.max(2, word.length() / 3);
        return known.stream()
                .filter(k -> distance(word.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt((String k) -> distance(word, k)).thenComparing(k -> k));
    }

    /** A hint naming the closest known word, or listing the known words. */
    public static String hint(String word, Collection<String> known) {
        return closest(word, known).map(k -> "did you mean '" + k + "'?")
                .orElse("known keys: " + String.join(", ", new TreeSet<>(known)));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
