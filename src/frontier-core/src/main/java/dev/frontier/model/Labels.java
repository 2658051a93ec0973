package dev.frontier.model;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads closed words (a run's status, where an answer came from, ...) back into their enums, naming the words allowed
 * when one is not.
 */
public final class Labels {

    private Labels() {
    }

    /**
     * The constant whose label is {@code word}.
     *
     * @throws IllegalArgumentException naming the words allowed
     */
    public static <E extends Enum<E>> E of(Class<E> type, E[] values, Function<E, String> label, String word) {
        for (E e : values) {
            if (label.apply(e).equals(word)) {
                return e;
            }
        }
        throw new IllegalArgumentException("\"" + word + "\" is not a " + type.getSimpleName() + "; expected one of "
                + Arrays.stream(values).map(label).collect(Collectors.joining(", ")));
    }
}
