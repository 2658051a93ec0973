package dev.frontier.route;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a routing analysis: every policy's figures, the cost–quality frontier and the best routing policy.
 *
 * @param incumbent the incumbent's id
 * @param policies  singles first (in the order of the arms), then the oracle, cascades and learned routers
 * @param frontier  ids of the non-dominated deployable points (singles and routing policies with a known cost; the
 *                  oracle is not deployable and would dominate them all), by ascending cost
 * @param best      the cheapest {@link RouteVerdict#NON_INFERIOR} routing policy that is cheaper than every single
 *                  candidate that is itself non-inferior to the incumbent (the incumbent included); empty when none
 * @param method    how the figures were made: folds, seed, threshold rule, learner, bootstrap, Holm
 */
public record RoutingAnalysis(String incumbent, List<PolicyResult> policies, List<String> frontier,
                              Optional<String> best, String method) {

    public RoutingAnalysis {
        Objects.requireNonNull(incumbent, "incumbent");
        policies = List.copyOf(policies);
        frontier = List.copyOf(frontier);
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(method, "method");
    }

    /** The result of the policy with id {@code id}, if any. */
    public Optional<PolicyResult> policy(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
