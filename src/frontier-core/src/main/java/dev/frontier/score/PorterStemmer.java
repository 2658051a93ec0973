package dev.frontier.score;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Porter's suffix-stripping stemmer in the variant NLTK ships as its default ({@code NLTK_EXTENSIONS}), which is
 * the one Google's rouge-score package applies when stemming is on. It differs from the 1980 paper in a handful of
 * places (a pool of irregular forms, {@code ies}/{@code ied} on short words, {@code y -> i} only after a
 * consonant, {@code bli}, {@code fulli}, {@code logi}); each is marked below. Input is expected in lower case.
 */
final class PorterStemmer {

    /** NLTK extension: words the rules get wrong, stemmed by lookup. */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("skies", "sky"), Map.entry("sky", "sky"),
            Map.entry("dying", "die"), Map.entry("lying", "lie"), Map.entry("tying", "tie"),
            Map.entry("news", "news"),
            Map.entry("innings", "inning"), Map.entry("inning", "inning"),
            Map.entry("outings", "outing"), Map.entry("outing", "outing"),
            Map.entry("cannings", "canning"), Map.entry("canning", "canning"),
            Map.entry("howe", "howe"), Map.entry("proceed", "proceed"),
            Map.entry("exceed", "exceed"), Map.entry("succeed", "succeed"));

    /** A suffix rule: when the word ends with {@code suffix}, the condition is tested on what precedes it. */
    private record Rule(String suffix, String replacement, Predicate<String> condition) {
    }

    private static final Predicate<String> M_GT_0 = stem -> measure(stem) > 0;
    private static final Predicate<String> M_GT_1 = stem -> measure(stem) > 1;

    private static final List<Rule> STEP2 = List.of(
            new Rule("ational", "ate", M_GT_0),
            new Rule("tional", "tion", M_GT_0),
            new Rule("enci", "ence", M_GT_0),
            new Rule("anci", "ance", M_GT_0),
            new Rule("izer", "ize", M_GT_0),
            new Rule("bli", "ble", M_GT_0), // the paper has abli -> able
            new Rule("alli", "al", M_GT_0),
            new Rule("entli", "ent", M_GT_0),
            new Rule("eli", "e", M_GT_0),
            new Rule("ousli", "ous", M_GT_0),
            new Rule("ization", "ize", M_GT_0),
            new Rule("ation", "ate", M_GT_0),
            new Rule("ator", "ate", M_GT_0),
            new Rule("alism", "al", M_GT_0),
            new Rule("iveness", "ive", M_GT_0),
            new Rule("fulness", "ful", M_GT_0),
            new Rule("ousness", "ous", M_GT_0),
            new Rule("aliti", "al", M_GT_0),
            new Rule("iviti", "ive", M_GT_0),
            new Rule("biliti", "ble", M_GT_0),
            new Rule("fulli", "ful", M_GT_0), // NLTK extension
            // NLTK extension; its condition looks at the stem plus the 'l'
            new Rule("logi", "log", stem -> measure(stem + "l") > 0));

    private static final List<Rule> STEP3 = List.of(
            new Rule("icate", "ic", M_GT_0),
            new Rule("ative", "", M_GT_0),
            new Rule("alize", "al", M_GT_0),
            new Rule("iciti", "ic", M_GT_0),
            new Rule("ical", "ic", M_GT_0),
            new Rule("ful", "", M_GT_0),
            new Rule("ness", "", M_GT_0));

    private static final List<Rule> STEP4 = List.of(
            new Rule("al", "", M_GT_1),
            new Rule("ance", "", M_GT_1),
            new Rule("ence", "", M_GT_1),
            new Rule("er", "", M_GT_1),
            new Rule("ic", "", M_GT_1),
            new Rule("able", "", M_GT_1),
            new Rule("ible", "", M_GT_1),
            new Rule("ant", "", M_GT_1),
            new Rule("ement", "", M_GT_1),
            new Rule("ment", "", M_GT_1),
            new Rule("ent", "", M_GT_1),
            new Rule("ion", "", stem -> measure(stem) > 1 && endsWithAny(stem, 's', 't')),
            new Rule("ou", "", M_GT_1),
            new Rule("ism", "", M_GT_1),
            new Rule("ate", "", M_GT_1),
            new Rule("iti", "", M_GT_1),
            new Rule("ous", "", M_GT_1),
            new Rule("ive", "", M_GT_1),
            new Rule("ize", "", M_GT_1));

    private PorterStemmer() {
    }

    /** The stem of a lower-case word. */
    static String stem(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() <= 2) {
            return word;
        }
        String w = step1a(word);
        w = step1b(w);
        w = step1c(w);
        w = step2(w);
        w = applyFirst(w, STEP3);
        w = applyFirst(w, STEP4);
        w = step5a(w);
        return step5b(w);
    }

    private static String step1a(String w) {
        if (w.endsWith("ies") && w.length() == 4) { // NLTK extension: ties -> tie, not ti
            return w.charAt(0) + "ie";
        }
        if (w.endsWith("sses")) {
            return cut(w, 2);
        }
        if (w.endsWith("ies")) {
            return cut(w, 2);
        }
        if (w.endsWith("ss")) {
            return w;
        }
        if (w.endsWith("s")) {
            return cut(w, 1);
        }
        return w;
    }

    private static String step1b(String w) {
        if (w.endsWith("ied")) { // NLTK extension: tied -> tie, cried -> cri
            return w.length() == 4 ? cut(w, 3) + "ie" : cut(w, 3) + "i";
        }
        if (w.endsWith("eed")) {
            String stem = cut(w, 3);
            return measure(stem) > 0 ? stem + "ee" : w;
        }
        String stem = null;
        if (w.endsWith("ed") && containsVowel(cut(w, 2))) {
            stem = cut(w, 2);
        } else if (w.endsWith("ing") && containsVowel(cut(w, 3))) {
            stem = cut(w, 3);
        }
        if (stem == null) {
            return w;
        }
        if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) {
            return stem + "e";
        }
        if (endsDoubleConsonant(stem)) {
            return endsWithAny(stem, 'l', 's', 'z') ? stem : cut(stem, 1);
        }
        if (measure(stem) == 1 && endsCvc(stem)) {
            return stem + "e";
        }
        return stem;
    }

    private static String step1c(String w) {
        if (!w.endsWith("y")) {
            return w;
        }
        String stem = cut(w, 1);
        // NLTK extension: only after a consonant that is not the whole stem (happy -> happi, enjoy stays)
        return stem.length() > 1 && isConsonant(stem, stem.length() - 1) ? stem + "i" : w;
    }

    private static String step2(String w) {
        // NLTK extension: an early alli -> al, then step 2 again on the result
        if (w.endsWith("alli") && measure(cut(w, 4)) > 0) {
            return step2(cut(w, 4) + "al");
        }
        return applyFirst(w, STEP2);
    }

    private static String step5a(String w) {
        if (!w.endsWith("e")) {
            return w;
        }
        String stem = cut(w, 1);
        int m = measure(stem);
        if (m > 1 || (m == 1 && !endsCvc(stem))) {
            return stem;
        }
        return w;
    }

    private static String step5b(String w) {
        if (w.endsWith("ll") && measure(cut(w, 1)) > 1) {
            return cut(w, 1);
        }
        return w;
    }

    /** The first rule whose suffix matches decides, whether or not its condition then holds. */
    private static String applyFirst(String w, List<Rule> rules) {
        for (Rule rule : rules) {
            if (w.endsWith(rule.suffix())) {
                String stem = cut(w, rule.suffix().length());
                return rule.condition().test(stem) ? stem + rule.replacement() : w;
            }
        }
        return w;
    }

    private static String cut(String w, int n) {
        return w.substring(0, w.length() - n);
    }

    private static boolean endsWithAny(String w, char... last) {
        if (w.isEmpty()) {
            return false;
        }
        char c = w.charAt(w.length() - 1);
        for (char l : last) {
            if (c == l) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /** A 'y' is a consonant at the start of a word or after a vowel; walk back over a run of them. */
    static boolean isConsonant(String w, int i) {
        boolean flip = false;
        while (i > 0 && w.charAt(i) == 'y') {
            flip = !flip;
            i--;
        }
        return !isVowel(w.charAt(i)) != flip;
    }

    /** The m in [C](VC)^m[V], in one left-to-right pass (a run of y's alternates). */
    static int measure(String stem) {
        int m = 0;
        boolean previousConsonant = true;
        boolean previousVowel = false;
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            boolean consonant = isVowel(c) ? false : c != 'y' || i == 0 || !previousConsonant;
            if (consonant && previousVowel) {
                m++;
            }
            previousConsonant = consonant;
            previousVowel = !consonant;
        }
        return m;
    }

    /** One pass, like {@link #measure}: asking {@link #isConsonant} per position is quadratic on "yyyy...". */
    private static boolean containsVowel(String stem) {
        boolean previousConsonant = true;
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            boolean consonant = isVowel(c) ? false : c != 'y' || i == 0 || !previousConsonant;
            if (!consonant) {
                return true;
            }
            previousConsonant = consonant;
        }
        return false;
    }

    private static boolean endsDoubleConsonant(String w) {
        int n = w.length();
        return n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && isConsonant(w, n - 1);
    }

    /** Condition *o: consonant-vowel-consonant, the last not w, x or y; NLTK also accepts a two-letter vc. */
    private static boolean endsCvc(String w) {
        int n = w.length();
        if (n >= 3 && isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1)
                && !endsWithAny(w, 'w', 'x', 'y')) {
            return true;
        }
        return n == 2 && !isConsonant(w, 0) && isConsonant(w, 1);
    }
}
