package dev.frontier.score;

import dev.frontier.model.Item;
import java.util.List;
import java.util.Optional;

/**
 * A scorer that grades outputs by calling judge models, in the run's review phase (after every candidate's output
 * is stored, since a pairwise judge compares with the incumbent's output on the same item). The run supplies a
 * {@link JudgeCaller} so that judge calls are cached, budgeted, priced and stored like the candidates' calls.
 */
public sealed interface JudgeScorer extends Scorer permits LlmJudge {

    /** The judge model ids, one per juror. */
    List<String> models();

    /** Whether it compares each output with the incumbent's (win rates), rather than grading it alone. */
    boolean pairwise();

    /**
     * Judges {@code output} for {@code item}.
     *
     * @param input      the task the candidate was given (its rendered user prompt)
     * @param baseline   the baseline's output on the item, needed pairwise; empty when the baseline has none
     * @param isBaseline whether this output is the baseline's own (pairwise: scores 0.5 without a call)
     */
    LlmJudge.Outcome judge(Item item, String input, String output, Optional<String> baseline, boolean isBaseline,
                           JudgeCaller caller);
}
