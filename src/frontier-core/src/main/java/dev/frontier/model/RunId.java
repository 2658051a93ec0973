package dev.frontier.model;

import java.util.regex.Pattern;

/** The id of one run: {@code yyyyMMdd-HHmmss-xxxx}, sortable by start time. */
public record RunId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9a-f]{4}");

    public RunId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a run id looks like 20261127-183000-ab12, not '" + value + "'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
