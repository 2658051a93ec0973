package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;

/**
 * Scores one candidate output for one dataset item, as soon as the output is in. Implementations are thread-safe
 * (the run scores outputs from several threads), and return {@link Score.Failed} rather than throw. Aggregation over
 * items is not their job. Scorer plug-ins implement this interface (see {@link dev.frontier.score.spi.ScorerPlugin}).
 */
public non-sealed interface ItemScorer extends Scorer {

    /** Scores {@code output} for {@code item}; never null, never throws for bad model output. */
    Score score(Item item, String output);

    /**
     * Called once when the run has scored every output: a scorer holding a process or a connection releases it.
     * Does nothing by default.
     */
    default void finish() {
    }
}
