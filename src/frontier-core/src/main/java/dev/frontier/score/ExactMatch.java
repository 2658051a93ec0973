package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.model.Template;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 1 when the output equals the rendered expected text. With {@code normalize} (the default) both sides are
 * compared after NFKC, lower-casing, trimming and collapsing whitespace, and removing surrounding quotes and
 * trailing sentence punctuation, so {@code "Paris."} matches {@code paris}.
 *
 * @param expected  the expected-text template
 * @param normalize compare normalized forms
 */
record ExactMatch(Template expected, boolean normalize) implements ItemScorer {
    static final List<String> PARAMETERS = List.of("expected", "normalize");
    private static final String QUOTES = "\"'`“”‘’«»„‚";
    private static final String TRAILING = ".,;:!?。";

    static Scorer from(ParamReader r) {
        Optional<Template> expected = r.requiredTemplate("expected", "\"{{answer}}\"");
        boolean normalize = r.bool("normalize", true);
        return expected.map(e -> new ExactMatch(e, normalize)).orElse(null);
    }

    @Override
    public String type() {
        return "exact-match";
    }

    @Override
    public Score score(Item item, String output) {
        String want;
        try {
            want = expected.render(item);
        } catch (IllegalArgumentException e) {
            return new Score.Failed(e.getMessage());
        }
        String a = normalize ? normalize(output) : output;
        String b = normalize ? normalize(want) : want;
        if (a.equals(b)) {
            return Score.pass(true, "matched '" + Notes.clip(b) + "'");
        }
        return Score.pass(false, "expected '" + Notes.clip(b) + "', got '" + Notes.clip(a) + "'");
    }

    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = String.join(" ", PythonText.split(s));
        String before;
        do { // "'Paris'." needs punctuation off before the quotes come off
            before = s;
            while (!s.isEmpty() && TRAILING.indexOf(s.charAt(s.length() - 1)) >= 0) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.length() >= 2 && QUOTES.indexOf(s.charAt(0)) >= 0 && QUOTES.indexOf(s.charAt(s.length() - 1)) >= 0) {
                s = s.substring(1, s.length() - 1);
            }
            s = PythonText.strip(s);
        } while (!s.equals(before));
        return s;
    }
}
