package dev.frontier.route;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prompt-only features of each item, known before any candidate is called (length of the prompt, a task type, …),
 * from which a learned router predicts whether the cheap candidate is good enough.
 *
 * @param names feature names, unique; may be empty
 * @param rows  {@code rows[item][feature]}; NaN when missing (the router then uses the training mean)
 */
public record Features(List<String> names, double[][] rows) {

    public Features {
        names = List.copyOf(names);
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("feature name repeated: " + name);
            }
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != names.size()) {
                throw new IllegalArgumentException("feature row " + i + " has " + rows[i].length + " values for "
                        + names.size() + " names");
            }
            copy[i] = rows[i].clone();
        }
        rows = copy;
    }

    /** No features for {@code items} items. */
    public static Features none(int items) {
        return new Features(List.of(), new double[items][0]);
    }
}
