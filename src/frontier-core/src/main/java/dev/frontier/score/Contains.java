package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 1 when the output contains any (or all) of the rendered texts; {@code icontains} ignores case by comparing
 * upper-then-lower-cased forms, which also folds {@code ß} to {@code ss}.
 *
 * @param needles    the texts to look for
 * @param all        require every text rather than any one
 * @param ignoreCase compare case-insensitively
 */
record Contains(List<Template> needles, boolean all, boolean ignoreCase) implements ItemScorer {
    static final List<String> PARAMETERS = List.of("value", "values", "mode");

    /** Whether one listed text suffices or all must appear. */
    enum Mode {
        ANY, ALL
    }

    Contains {
        needles = List.copyOf(needles);
    }

    static Scorer from(ParamReader r, boolean ignoreCase) {
        Optional<List<Template>> needles = r.oneOrMany("value", "values", "\"refund\"");
        Mode mode = r.choice("mode", Mode.class, Mode.ANY);
        if (needles.isPresent()) {
            for (Template t : needles.get()) {
                if (t.source().isEmpty()) {
                    r.problem(r.present("value") ? "value" : "values", "must not be empty text",
                            "an empty text is contained in every output");
                }
            }
        }
        return r.ok() && needles.isPresent() ? new Contains(needles.get(), mode == Mode.ALL, ignoreCase) : null;
    }

    @Override
    public String type() {
        return ignoreCase ? "icontains" : "contains";
    }

    @Override
    public Score score(Item item, String output) {
        List<String> texts;
        try {
            texts = Template.renderAll(needles, item);
        } catch (IllegalArgumentException e) {
            return new Score.Failed(e.getMessage());
        }
        String haystack = fold(output);
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            if (text.isEmpty()) {
                // an empty needle is in every output, which would make the check meaningless
                return new Score.Failed("a value rendered to empty text for item " + item.id());
            }
            (haystack.contains(fold(text)) ? found : missing).add(text);
        }
        boolean pass = all ? missing.isEmpty() : !found.isEmpty();
        String note = pass
                ? "found " + quoted(all ? found : found.subList(0, 1))
                : (all ? "missing " + quoted(missing) : "none of " + quoted(missing) + " found");
        return Score.pass(pass, note);
    }

    private String fold(String s) {
        return ignoreCase ? s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT) : s;
    }

    private static String quoted(List<String> texts) {
        List<String> q = new ArrayList<>();
        for (String t : texts) {
            q.add("'" + Notes.clip(t) + "'");
        }
        return Notes.clip(String.join(", ", q));
    }
}
