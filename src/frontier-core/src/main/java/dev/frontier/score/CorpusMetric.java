package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.List;

/**
 * A metric defined on a whole set of outputs rather than as a mean of per-item scores (corpus BLEU sums n-gram
 * statistics first). A scorer that has one offers it through {@link ScorerRegistry.Creation.Created#corpusMetric()};
 * the runner reports it next to the mean of the per-item scores.
 */
public interface CorpusMetric {

    /**
     * The metric over {@code outputs.get(i)} scored for {@code items.get(i)}: a value in [0, 1], or
     * {@link Score.Failed} when it is undefined (no outputs, lists of different length, a missing field).
     */
    Score corpus(List<String> outputs, List<Item> items);
}
