package dev.frontier.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The simulation's notion of words: lower-cased letter-and-digit runs, common English stop words removed, and a few
 * suffixes stripped so that "refunds", "refunded" and "refunding" count as one word.
 */
final class Words {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
            "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
            "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
            "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
            "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
            "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
            "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
            "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
            "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves",
            "im", "ive", "dont", "cant", "wont", "also", "still", "get", "got", "please", "may", "might",
            "must", "shall", "s", "t", "d", "ll", "m", "re", "ve");

    private Words() {
    }

    /** Every word of the text, lower-cased, in order; apostrophes are dropped ("don't" becomes "dont"). */
    static List<String> all(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                current.append(c);
            } else if (c != '\'' && c != '\u2019' && current.length() > 0) {
                words.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            words.add(current.toString());
        }
        return words;
    }

    /** The content words of the text, stemmed, in order, repeats kept. */
    static List<String> content(String text) {
        List<String> words = new ArrayList<>();
        for (String word : all(text)) {
            if (!STOP_WORDS.contains(word)) {
                words.add(stem(word));
            }
        }
        return words;
    }

    /** A light suffix stripper; it only needs to map the forms of a word to one key, not to produce real words. */
    static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.length() > 4 && (w.endsWith("ses") || w.endsWith("xes") || w.endsWith("ches")
                || w.endsWith("shes") || w.endsWith("zes"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 6 && w.endsWith("ment")) {
            w = w.substring(0, w.length() - 4);
        } else if (w.length() > 5 && w.endsWith("ly")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && (w.endsWith("e") || w.endsWith("y"))) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** "shipp" to "ship", "resett" to "reset"; "bill" and "pass" stay. */
    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lszaeiou".indexOf(w.charAt(n - 1)) < 0
                && Character.isLetter(w.charAt(n - 1))) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
