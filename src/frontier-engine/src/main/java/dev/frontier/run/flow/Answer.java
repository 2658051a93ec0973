package dev.frontier.run.flow;

import dev.frontier.invoke.RetryPolicy;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.Score;
import java.util.Map;

/**
 * One candidate's answer to one item, priced and scored.
 *
 * @param result the model's completion, or the failure
 * @param cost   what the answer costs at the price it was made at (on demand or batch)
 * @param scores the scores by scorer id (late scorers are added by the review)
 * @param source where it came from
 */
public record Answer(CallResult result, Cost cost, Map<String, Score> scores, Source source) {

    /** What this run paid for the answer. */
    public Cost paid() {
        return source.paid() ? cost : Cost.ZERO;
    }

    /** Whether the call failed (or the item has no output). */
    public boolean failed() {
        return result instanceof CallResult.Failure;
    }

    /**
     * Whether a call of this run was throttled beyond its retries or sent without an answer: a later round of the run
     * (or a resume) may still answer it, so it is left unanswered rather than counted as the model's error.
     */
    public boolean unanswered() {
        return source == Source.CALLED && result instanceof CallResult.Failure f
                && (RetryPolicy.isThrottle(f.errorCode()) || RetryPolicy.NO_RESPONSE.equals(f.errorCode()));
    }
}
