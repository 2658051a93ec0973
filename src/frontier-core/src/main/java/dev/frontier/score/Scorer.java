package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;

/**
 * Scores one candidate output for one dataset item. Implementations are immutable, deterministic and
 * thread-safe; they return {@link Score.Failed} rather than throw. Aggregation over items is not their job.
 */
public interface Scorer {

    /** The kebab-case type this scorer was created from, e.g. {@code rouge-l}. */
    String type();

    /** Scores {@code output} for {@code item}; never null, never throws for bad model output. */
    Score score(Item item, String output);
}
