package dev.frontier.route;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stored evaluation run seen as routing input: for every item and every candidate (an {@link Arm}) the quality of
 * the answer, the call's cost and the cheap signals, plus prompt-only {@link Features} of each item.
 *
 * <p>Everything is indexed by the position of the item in {@link #items()}: {@code arm.quality()[i]} is the quality
 * of that arm's answer to {@code items().get(i)}. Nothing is read or written; the engine builds this from a run.
 *
 * @param items     item ids, in a fixed order (the folds and the bootstrap depend on it)
 * @param arms      the candidates, at least one, ids unique
 * @param incumbent the id of the arm every policy is compared with
 * @param features  prompt-only features, one row per item (may have no columns: then no learned router is tried)
 */
public record RoutingData(List<String> items, List<Arm> arms, String incumbent, Features features) {

    public RoutingData {
        items = List.copyOf(items);
        arms = List.copyOf(arms);
        Objects.requireNonNull(incumbent, "incumbent");
        Objects.requireNonNull(features, "features");
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("at least one arm is needed");
        }
        Set<String> ids = new HashSet<>();
        int n = items.size();
        for (Arm a : arms) {
            if (!ids.add(a.id())) {
                throw new IllegalArgumentException("arm id repeated: " + a.id());
            }
            if (a.quality().length != n) {
                throw new IllegalArgumentException("arm " + a.id() + " has " + a.quality().length + " values for "
                        + n + " items");
            }
        }
        if (!ids.contains(incumbent)) {
            throw new IllegalArgumentException("the incumbent " + incumbent + " is not among the arms " + ids);
        }
        if (features.rows().length != n) {
            throw new IllegalArgumentException("features have " + features.rows().length + " rows for " + n
                    + " items");
        }
    }

    /** The arm with id {@code id}, if any. */
    public Optional<Arm> arm(String id) {
        return arms.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
