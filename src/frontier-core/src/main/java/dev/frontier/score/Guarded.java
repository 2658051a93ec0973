package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.List;

/**
 * Every scorer the registry hands out is wrapped in this, so that a bug or a pathological input in one scorer
 * marks that item as failed instead of ending the run.
 *
 * @param inner the scorer doing the work
 */
record Guarded(Scorer inner) implements Scorer {

    @Override
    public String type() {
        return inner.type();
    }

    @Override
    public Score score(Item item, String output) {
        if (item == null) {
            return new Score.Failed(inner.type() + ": no item");
        }
        if (output == null) {
            return new Score.Failed(inner.type() + ": no output to score");
        }
        try {
            Score score = inner.score(item, output);
            return score != null ? score : new Score.Failed(inner.type() + " returned no score");
        } catch (RuntimeException | StackOverflowError e) {
            return new Score.Failed(inner.type() + " failed on item " + item.id() + ": " + e);
        }
    }

    /** The same protection for a corpus-level metric. */
    static CorpusMetric guard(String type, CorpusMetric metric) {
        return (List<String> outputs, List<Item> items) -> {
            if (outputs == null || items == null) {
                return new Score.Failed(type + ": no outputs or items");
            }
            try {
                Score score = metric.corpus(outputs, items);
                return score != null ? score : new Score.Failed(type + " returned no corpus score");
            } catch (RuntimeException | StackOverflowError e) {
                return new Score.Failed(type + " corpus metric failed: " + e);
            }
        };
    }
}
