package dev.frontier.route;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A rule that sends each request to a candidate, as it would be deployed: the parameters here are the ones chosen
 * on all items (the reported figures are cross-fitted, see {@link Routing}). {@link PolicyExport} writes one as a
 * small JSON artefact.
 */
public sealed interface Policy permits Policy.Single, Policy.Oracle, Policy.Cascade, Policy.Learned {

    /** The kind, matching the case. */
    PolicyKind kind();

    /** The arms (candidate ids) this policy may call. */
    List<String> arms();

    /**
     * One candidate for every request.
     *
     * @param arm the candidate
     */
    record Single(String arm) implements Policy {
        public Single {
            Objects.requireNonNull(arm, "arm");
        }

        @Override
        public PolicyKind kind() {
            return PolicyKind.SINGLE;
        }

        @Override
        public List<String> arms() {
            return List.of(arm);
        }
    }

    /**
     * Per item the cheapest candidate whose quality is within {@code margin} of the best candidate's on that item:
     * needs every answer and its quality in advance, so it bounds the savings and cannot be deployed.
     *
     * @param arms   the candidates it chooses among (those with a known cost)
     * @param margin how far below the item's best quality still counts as good enough
     */
    record Oracle(List<String> arms, double margin) implements Policy {
        public Oracle {
            arms = List.copyOf(arms);
        }

        @Override
        public PolicyKind kind() {
            return PolicyKind.ORACLE;
        }
    }

    /**
     * Call {@code first}; when its signal is missing or on the escalating side of the threshold, also call
     * {@code then} and use its answer.
     *
     * @param first             the arm called for every request
     * @param then              the arm called for escalated requests
     * @param signal            the signal of {@code first} that decides
     * @param threshold         escalate when the signal is below it (or above, see the next); may be ±∞ (never or
     *                          always)
     * @param escalateWhenBelow whether values below the threshold escalate (else values above it do)
     */
    record Cascade(String first, String then, String signal, double threshold, boolean escalateWhenBelow)
            implements Policy {
        public Cascade {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(signal, "signal");
            if (Double.isNaN(threshold)) {
                throw new IllegalArgumentException("threshold must not be NaN");
            }
        }

        @Override
        public PolicyKind kind() {
            return PolicyKind.CASCADE;
        }

        @Override
        public List<String> arms() {
            return List.of(first, then);
        }

        /** Whether an answer whose signal is {@code value} is escalated; a missing value (NaN) always is. */
        public boolean escalates(double value) {
            if (Double.isNaN(value)) {
                return true;
            }
            return escalateWhenBelow ? value < threshold : value > threshold;
        }
    }

    /**
     * Send a request to {@code cheap} when a logistic model on its standardized prompt-only features gives a
     * probability of at least {@code threshold} that {@code cheap}'s answer is good enough (within the margin of
     * {@code dear}'s), else to {@code dear}. Only one candidate is called per request.
     *
     * <p>p = 1 / (1 + exp(−(intercept + Σ weights[j] · (x[j] − means[j]) / scales[j]))), a missing x[j] counting as
     * means[j].
     *
     * @param cheap        the cheaper candidate
     * @param dear         the candidate used when the cheap one is predicted not good enough
     * @param featureNames the features, in the order of the arrays
     * @param means        training means of the features
     * @param scales       training standard deviations (1 where a feature did not vary)
     * @param weights      weights on the standardized features
     * @param intercept    the intercept
     * @param threshold    the probability at or above which {@code cheap} is used
     */
    record Learned(String cheap, String dear, List<String> featureNames, double[] means, double[] scales,
                   double[] weights, double intercept, double threshold) implements Policy {
        public Learned {
            Objects.requireNonNull(cheap, "cheap");
            Objects.requireNonNull(dear, "dear");
            featureNames = List.copyOf(featureNames);
            means = means.clone();
            scales = scales.clone();
            weights = weights.clone();
            int d = featureNames.size();
            if (means.length != d || scales.length != d || weights.length != d) {
                throw new IllegalArgumentException("a learned router needs one mean, scale and weight per feature");
            }
        }

        @Override
        public PolicyKind kind() {
            return PolicyKind.LEARNED;
        }

        @Override
        public List<String> arms() {
            return List.of(cheap, dear);
        }

        /** The predicted probability that {@code cheap} is good enough for a request with these features. */
        public double probability(double[] features) {
            return Linear.probability(features, means, scales, weights, intercept);
        }

        /** Whether a request with these features goes to {@code cheap}. */
        public boolean routesToCheap(double[] features) {
            return probability(features) >= threshold;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Learned l && cheap.equals(l.cheap) && dear.equals(l.dear)
                    && featureNames.equals(l.featureNames) && Arrays.equals(means, l.means)
                    && Arrays.equals(scales, l.scales) && Arrays.equals(weights, l.weights)
                    && Double.compare(intercept, l.intercept) == 0 && Double.compare(threshold, l.threshold) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(cheap, dear, featureNames, Arrays.hashCode(means), Arrays.hashCode(scales),
                    Arrays.hashCode(weights), intercept, threshold);
        }

        @Override
        public String toString() {
            return "Learned[cheap=" + cheap + ", dear=" + dear + ", features=" + featureNames + ", weights="
                    + Arrays.toString(weights) + ", intercept=" + intercept + ", threshold=" + threshold + "]";
        }
    }
}
