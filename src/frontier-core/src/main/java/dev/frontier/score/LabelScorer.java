package dev.frontier.score;

import dev.frontier.model.Score;

/**
 * A scorer whose scores come from an imported labels file (people's grades, labels or preferences), looked up by
 * item and candidate in the run's review phase. It scores no text itself.
 */
public sealed interface LabelScorer extends Scorer permits HumanLabels {

    /** The labels file, as written in the suite (relative to it). */
    String file();

    /** Whether the labels are preferences against the incumbent (win rates), rather than grades. */
    boolean preference();

    /** The combined label of one candidate's output on one item; {@link Score.Failed} when it has none. */
    Score score(String itemId, String candidateId);
}
