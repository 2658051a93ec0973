package dev.frontier.sandbox;

import java.util.Optional;

/**
 * What a request's reasoning does in the simulation. Thinking spends output tokens (billed as output, counted in
 * {@code usage.outputTokens}) and makes the model err less on hard items:
 *
 * <ul>
 *   <li>a thinking budget (Anthropic) is spent in part: a share of it that grows with the item's difficulty,
 *       from {@value #MIN_BUDGET_SHARE} on the easiest to {@value #MAX_BUDGET_SHARE} on the hardest, so it never
 *       reaches the budget (which Bedrock keeps below {@code maxTokens});</li>
 *   <li>a reasoning effort (Nova 2) spends about {@value #LOW_TOKENS} / {@value #MEDIUM_TOKENS} /
 *       {@value #HIGH_TOKENS} tokens for low / medium / high on an item of middling difficulty, half that on the
 *       easiest and one and a half times on the hardest;</li>
 *   <li>the model's weakness (the chance of a mistake) is multiplied by {@code 1 - relief * difficulty}, where the
 *       relief grows with the log of the tokens spent and is capped at {@value #MAX_RELIEF}: diminishing returns,
 *       and little effect on easy items.</li>
 * </ul>
 *
 * <p>The figures are the simulation's own; Bedrock documents that reasoning tokens are charged, not how many a
 * model spends or what they buy.
 *
 * @param budget         true for an Anthropic thinking budget, false for a Nova 2 reasoning effort
 * @param tokens         the reasoning tokens spent (at least 1 unless {@link #within} left no room)
 * @param weaknessFactor what the model's weakness is multiplied by on this item, in (0, 1]
 */
record Thinking(boolean budget, long tokens, double weaknessFactor) {

    static final double MIN_BUDGET_SHARE = 0.2;
    static final double MAX_BUDGET_SHARE = 0.9;
    static final int LOW_TOKENS = 300;
    static final int MEDIUM_TOKENS = 1_200;
    static final int HIGH_TOKENS = 3_000;
    static final double MAX_RELIEF = 0.7;
    /** Relief per natural log of (1 + tokens / 100). */
    private static final double RELIEF_PER_LOG = 0.12;

    /** The reasoning of a request on an item of {@code difficulty} in [0, 1]; empty when it asks for none. */
    static Optional<Thinking> of(ConverseCall call, double difficulty) {
        return call.dials().reasoning().map(reasoning -> {
            long tokens;
            boolean isBudget = reasoning instanceof ConverseCall.Budget;
            if (reasoning instanceof ConverseCall.Budget b) {
                double share = MIN_BUDGET_SHARE + (MAX_BUDGET_SHARE - MIN_BUDGET_SHARE) * difficulty;
                tokens = (long) Math.floor(b.tokens() * share);
            } else {
                int base = switch (((ConverseCall.Effort) reasoning).level()) {
                    case "high" -> HIGH_TOKENS;
                    case "medium" -> MEDIUM_TOKENS;
                    default -> LOW_TOKENS;
                };
                tokens = Math.round(base * (0.5 + difficulty));
            }
            tokens = Math.max(1, tokens);
            return new Thinking(isBudget, tokens, 1 - relief(tokens) * difficulty);
        });
    }

    /** How much of the weakness reasoning of {@code tokens} can remove on the hardest item. */
    static double relief(long tokens) {
        return Math.min(MAX_RELIEF, RELIEF_PER_LOG * Math.log1p(tokens / 100.0));
    }

    /** Caps the spend so that {@code room} tokens (the answer's share of {@code maxTokens}) keep at least one. */
    Thinking within(long room) {
        return tokens < room ? this : new Thinking(budget, Math.max(0, room - 1), weaknessFactor);
    }
}
