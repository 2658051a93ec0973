package dev.frontier.score;

import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;

/**
 * Makes one judge call for an {@link LlmJudge}. The run supplies it, so that judge calls go through the same
 * response cache, budget guard, retries, pricing and run store as the candidates' calls.
 */
@FunctionalInterface
public interface JudgeCaller {

    /**
     * Calls the judge model.
     *
     * @param slot    which call this is for one output: {@code pointwise}, {@code ab} (candidate shown first) or
     *                {@code ba} (baseline shown first)
     * @param attempt 0 for the first ask, 1 for the one repair retry after malformed output
     * @param request the request to the judge model
     */
    CallResult call(String slot, int attempt, ModelRequest request);
}
