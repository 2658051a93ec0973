package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.List;

/**
 * An item scorer that also has a metric over a whole set of outputs rather than a mean of per-item scores (corpus
 * BLEU sums n-gram statistics first). The run reports it next to the mean of the per-item scores.
 */
public interface CorpusScorer extends ItemScorer {

    /**
     * The metric over {@code outputs.get(i)} scored for {@code items.get(i)}: a value in [0, 1], or
     * {@link Score.Failed} when it is undefined (no outputs, lists of different length, a missing field).
     */
    Score corpus(List<String> outputs, List<Item> items);
}
