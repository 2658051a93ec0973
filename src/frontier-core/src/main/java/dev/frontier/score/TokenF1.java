package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.model.Template;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQuAD's token F1: both texts normalized (lower case, ASCII punctuation removed, the articles a/an/the removed,
 * whitespace collapsed), then F1 over the token multisets, the best over the references. Two empty answers score
 * 1 and one empty answer scores 0, as in the SQuAD 2.0 script (1.1 scored an empty pair 0).
 *
 * @param references reference templates, at least one
 */
record TokenF1(List<Template> references) implements ItemScorer {
    private static final Pattern PUNCTUATION = Pattern.compile("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]");
    // Python's \b is Unicode-aware for str patterns
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    static final List<String> PARAMETERS = List.of("reference", "references");

    TokenF1 {
        references = List.copyOf(references);
    }

    static Scorer from(ParamReader r) {
        return r.oneOrMany("reference", "references", "\"{{answer}}\"").map(TokenF1::new).orElse(null);
    }

    @Override
    public String type() {
        return "token-f1";
    }

    @Override
    public Score score(Item item, String output) {
        List<String> refs;
        try {
            refs = Template.renderAll(references, item);
        } catch (IllegalArgumentException e) {
            return new Score.Failed(e.getMessage());
        }
        double best = 0;
        int bestIndex = 0;
        for (int i = 0; i < refs.size(); i++) {
            double f1 = f1(output, refs.get(i));
            if (f1 > best) {
                best = f1;
                bestIndex = i;
            }
        }
        String note = "token F1 " + Notes.fixed(best, 4);
        if (refs.size() > 1) {
            note += " (best: reference " + (bestIndex + 1) + " of " + refs.size() + ")";
        }
        return new Score.Value(Rouge.clamp(best), note);
    }

    static String normalize(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        s = PUNCTUATION.matcher(s).replaceAll("");
        s = ARTICLES.matcher(s).replaceAll(" ");
        return String.join(" ", PythonText.split(s));
    }

    static double f1(String prediction, String reference) {
        List<String> p = PythonText.split(normalize(prediction));
        List<String> r = PythonText.split(normalize(reference));
        if (p.isEmpty() || r.isEmpty()) {
            return p.isEmpty() && r.isEmpty() ? 1.0 : 0.0;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String t : r) {
            counts.merge(t, 1, Integer::sum);
        }
        int same = 0;
        for (String t : p) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                same++;
                counts.put(t, c - 1);
            }
        }
        if (same == 0) {
            return 0.0;
        }
        double precision = (double) same / p.size();
        double recall = (double) same / r.size();
        return 2 * precision * recall / (precision + recall);
    }
}
