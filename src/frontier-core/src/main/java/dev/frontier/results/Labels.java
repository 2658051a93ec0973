package dev.frontier.results;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the closed words of the document back into their enums, naming the words allowed when one is not. */
final class Labels {

    private Labels() {
    }

    static <E extends Enum<E>> E of(Class<E> type, E[] values, Function<E, String> label, String word) {
        for (E e : values) {
            if (label.apply(e).equals(word)) {
                return e;
            }
        }
        throw new IllegalArgumentException("\"" + word + "\" is not a " + type.getSimpleName() + "; expected one of "
                + Arrays.stream(values).map(label).collect(Collectors.joining(", ")));
    }
}
