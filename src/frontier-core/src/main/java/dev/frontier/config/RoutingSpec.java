package dev.frontier.config;

import java.util.List;

/**
 * The suite's {@code routing:} section: which routing policies the offline analysis tries on a run's stored answers
 * (no model call), beside the single models.
 *
 * @param signals  what a cascade may look at once the first model answered: scorer ids that need no reference
 *                 answer (a JSON check, a regex, a length rule, a reference-free judge) and the built-in signals
 *                 {@link #OUTPUT_TOKENS} and {@link #STOP_REASON}; empty = the built-ins and the scorers frontier
 *                 knows need no reference
 * @param cascades explicit cascades to try; empty = every cheaper candidate before the incumbent and before the best
 *                 candidate, with every signal
 * @param learned  whether to try routers learned from the prompt alone (cross-fitted)
 * @param oracle   whether to show the oracle, the bound no router can beat
 * @param folds    the number of folds of the cross-fitting (by item)
 * @param features dataset fields a learned router may use besides the prompt's own statistics: a number, or a JSON
 *                 array of numbers (an embedding of the prompt); never a field a scorer compares against
 */
public record RoutingSpec(List<String> signals, List<Cascade> cascades, boolean learned, boolean oracle, int folds,
                          List<String> features) {

    /** The answer's output tokens, a signal of rambling or truncation. */
    public static final String OUTPUT_TOKENS = "outputTokens";
    /** 1 when the answer stopped at its token limit ({@code max_tokens}), else 0. */
    public static final String STOP_REASON = "stopReason";
    /** Folds unless the suite says otherwise. */
    public static final int DEFAULT_FOLDS = 5;
    /** What a run without a {@code routing:} section gets from {@code frontier route}. */
    public static final RoutingSpec DEFAULT = new RoutingSpec(List.of(), List.of(), true, true, DEFAULT_FOLDS,
            List.of());

    public RoutingSpec {
        signals = List.copyOf(signals);
        cascades = List.copyOf(cascades);
        features = features == null ? List.of() : List.copyOf(features);
    }

    /** This section with another number of folds and learned routers on or off (command-line overrides). */
    public RoutingSpec with(boolean learned, int folds) {
        return new RoutingSpec(signals, cascades, learned, oracle, folds, features);
    }

    /**
     * A cascade: call {@code first}, and when {@code signal} says its answer is not good enough, call {@code then}
     * and use that answer.
     */
    public record Cascade(String first, String then, String signal) {
    }
}
