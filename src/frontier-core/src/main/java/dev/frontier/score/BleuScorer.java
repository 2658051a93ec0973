package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Sentence BLEU per item (sacrebleu {@code sentence_bleu}: effective order on) and corpus BLEU over a run
 * (sacrebleu {@code corpus_bleu}: statistics summed, effective order off), with the configured smoothing.
 *
 * @param references  reference templates, at least one
 * @param smoothing   smoothing method
 * @param smoothValue the floor or k; 0 for the method's default
 */
record BleuScorer(List<Template> references, Bleu.Smoothing smoothing, double smoothValue)
        implements CorpusScorer {

    static final List<String> PARAMETERS = List.of("reference", "references", "smoothing", "smoothValue");

    BleuScorer {
        references = List.copyOf(references);
    }

    static Scorer from(ParamReader r) {
        var refs = r.oneOrMany("reference", "references", "\"{{translation}}\"");
        Bleu.Smoothing smoothing = r.choice("smoothing", Bleu.Smoothing.class, Bleu.Smoothing.EXP);
        OptionalDouble value = r.number("smoothValue");
        if (value.isPresent()) {
            double v = value.getAsDouble();
            if (smoothing != Bleu.Smoothing.FLOOR && smoothing != Bleu.Smoothing.ADD_K) {
                r.problem("smoothValue", "is only used with smoothing floor or add-k",
                        "remove it, or set smoothing: floor (default 0.1) or add-k (default 1)");
            } else if (!(v > 0)) {
                r.problem("smoothValue", "must be greater than 0, was " + v, "floor uses 0.1, add-k uses 1");
            } else if (smoothing == Bleu.Smoothing.FLOOR && v > 1) {
                r.problem("smoothValue", "must be at most 1 for floor smoothing, was " + v,
                        "a floor above one match would rank no match above a real one; 0.1 is usual");
            }
        }
        double smoothValue = value.orElse(0.0);
        return r.ok() ? refs.map(t -> new BleuScorer(t, smoothing, smoothValue)).orElse(null) : null;
    }

    @Override
    public String type() {
        return "bleu";
    }

    @Override
    public Score score(Item item, String output) {
        List<String> refs;
        try {
            refs = Template.renderAll(references, item);
        } catch (IllegalArgumentException e) {
            return new Score.Failed(e.getMessage());
        }
        Bleu.Result result = Bleu.score(Bleu.segmentStats(output, refs), smoothing, smoothValue, true);
        return new Score.Value(result.score(), result.describe());
    }

    @Override
    public Score corpus(List<String> outputs, List<Item> items) {
        if (outputs.size() != items.size()) {
            return new Score.Failed(outputs.size() + " outputs for " + items.size() + " items");
        }
        if (outputs.isEmpty()) {
            return new Score.Failed("corpus BLEU of no outputs is undefined");
        }
        List<List<String>> refs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (outputs.get(i) == null) {
                return new Score.Failed("output " + i + " is missing");
            }
            try {
                refs.add(Template.renderAll(references, items.get(i)));
            } catch (IllegalArgumentException e) {
                return new Score.Failed(e.getMessage());
            }
        }
        Bleu.Result result = Bleu.corpus(outputs, refs, smoothing, smoothValue);
        return new Score.Value(result.score(), "corpus " + result.describe());
    }
}
