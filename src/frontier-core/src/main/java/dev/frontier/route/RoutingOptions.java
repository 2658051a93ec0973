package dev.frontier.route;

import dev.frontier.stats.Bootstrap;
import java.util.List;
import java.util.Objects;

/**
 * How a routing analysis is made: the non-inferiority rule (as for single candidates), the bootstrap, the
 * cross-fitting and which policies to try.
 *
 * @param margin           non-inferiority margin δ on the quality scale, &gt; 0
 * @param confidence       family-wise confidence 1 − α, in (0.5, 1)
 * @param resamples        bootstrap resamples
 * @param seed             seed of the bootstrap, of the fold assignment and of the learned router's training
 * @param method           bootstrap interval method
 * @param folds            number of cross-fitting folds, at least 2
 * @param oracle           whether to report the oracle bound
 * @param cascades         whether to try cascades
 * @param learned          whether to try learned routers (only when there are features)
 * @param cascadeSpecs     cascades to try instead of the default ones; empty for the defaults
 * @param requestsPerMonth traffic for the monthly cost figure
 */
public record RoutingOptions(double margin, double confidence, int resamples, long seed, Bootstrap.Method method,
                             int folds, boolean oracle, boolean cascades, boolean learned,
                             List<CascadeSpec> cascadeSpecs, long requestsPerMonth) {

    public RoutingOptions {
        if (!(margin > 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be positive, got " + margin);
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0.5, 1), got " + confidence);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive");
        }
        Objects.requireNonNull(method, "method");
        if (folds < 2) {
            throw new IllegalArgumentException("cross-fitting needs at least 2 folds, got " + folds);
        }
        cascadeSpecs = List.copyOf(cascadeSpecs);
        if (requestsPerMonth < 0) {
            throw new IllegalArgumentException("requestsPerMonth must not be negative");
        }
    }

    /**
     * Options with a margin and confidence and the defaults of single-candidate qualification (2,000 BCa resamples,
     * seed 42), 5 folds, every kind of policy, the default cascades and 1,000,000 requests a month.
     */
    public static RoutingOptions defaults(double margin, double confidence) {
        return new RoutingOptions(margin, confidence, 2000, 42, Bootstrap.Method.BCA, 5, true, true, true, List.of(),
                1_000_000);
    }

    public RoutingOptions withBootstrap(int resamples, long seed, Bootstrap.Method method) {
        return new RoutingOptions(margin, confidence, resamples, seed, method, folds, oracle, cascades, learned,
                cascadeSpecs, requestsPerMonth);
    }

    public RoutingOptions withFolds(int folds) {
        return new RoutingOptions(margin, confidence, resamples, seed, method, folds, oracle, cascades, learned,
                cascadeSpecs, requestsPerMonth);
    }

    /** Which kinds of policy to try. */
    public RoutingOptions withPolicies(boolean oracle, boolean cascades, boolean learned) {
        return new RoutingOptions(margin, confidence, resamples, seed, method, folds, oracle, cascades, learned,
                cascadeSpecs, requestsPerMonth);
    }

    public RoutingOptions withCascadeSpecs(List<CascadeSpec> specs) {
        return new RoutingOptions(margin, confidence, resamples, seed, method, folds, oracle, cascades, learned,
                specs, requestsPerMonth);
    }

    public RoutingOptions withRequestsPerMonth(long requests) {
        return new RoutingOptions(margin, confidence, resamples, seed, method, folds, oracle, cascades, learned,
                cascadeSpecs, requests);
    }

    double alpha() {
        return 1 - confidence;
    }
}
