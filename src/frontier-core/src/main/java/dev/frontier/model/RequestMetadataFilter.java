package dev.frontier.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Bedrock's {@code requestMetadataFilters}: which logged invocations a customization job takes, by the
 * {@code requestMetadata} pairs the callers sent. Exactly one member is set, as in the API's union; {@code andAll}
 * and {@code orAll} combine 1..16 one-pair tests.
 */
public sealed interface RequestMetadataFilter {

    /**
     * The characters a filter's key or value may use ({@code RequestMetadataFilters}: {@code [a-zA-Z0-9\s._:/=+$@-]}),
     * narrower than what Converse's {@code requestMetadata} takes ({@link #REQUEST_CHARSET}, which adds {@code #} and
     * {@code ,}): a pair that uses those can be sent but not filtered on.
     */
    Pattern CHARSET = Pattern.compile("[a-zA-Z0-9\\s._:/=+$@-]*");
    /** The characters Converse's {@code requestMetadata} allows in a key or value. */
    Pattern REQUEST_CHARSET = Pattern.compile("[a-zA-Z0-9\\s:_@$#=/+,.-]*");
    /** The most pairs a request carries, and the most tests {@code andAll} / {@code orAll} take. */
    int MAX_PAIRS = 16;
    /** The longest key or value. */
    int MAX_LENGTH = 256;

    /** A one-pair test: {@code equals} or {@code notEquals}. */
    sealed interface Base extends RequestMetadataFilter {
        String key();

        String value();
    }

    /** Records whose metadata has {@code key} with exactly {@code value}. */
    record Equals(String key, String value) implements Base {
        public Equals {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean test(Map<String, String> metadata) {
            return value.equals(metadata.get(key));
        }
    }

    /** Records whose metadata does not have {@code key} with {@code value}. */
    record NotEquals(String key, String value) implements Base {
        public NotEquals {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean test(Map<String, String> metadata) {
            return !value.equals(metadata.get(key));
        }
    }

    /** Records passing every test. */
    record AndAll(List<Base> all) implements RequestMetadataFilter {
        public AndAll {
            all = bounded(all, "andAll");
        }

        @Override
        public boolean test(Map<String, String> metadata) {
            return all.stream().allMatch(f -> f.test(metadata));
        }
    }

    /** Records passing at least one test. */
    record OrAll(List<Base> any) implements RequestMetadataFilter {
        public OrAll {
            any = bounded(any, "orAll");
        }

        @Override
        public boolean test(Map<String, String> metadata) {
            return any.stream().anyMatch(f -> f.test(metadata));
        }
    }

    /** Whether a record with these request-metadata pairs passes, as Bedrock selects records for a job. */
    boolean test(Map<String, String> metadata);

    /** Why {@code text} cannot be a filter's key ({@code key}) or value, or null when it can. */
    static String problem(String text, boolean key) {
        return problem(text, key, CHARSET, "letters, digits, white space and . _ : / = + $ @ -");
    }

    /** Why {@code text} cannot be a request's metadata key ({@code key}) or value, or null when it can. */
    static String requestProblem(String text, boolean key) {
        return problem(text, key, REQUEST_CHARSET, "letters, digits, white space and : _ @ $ # = / + , - .");
    }

    private static String problem(String text, boolean key, Pattern charset, String allowed) {
        String what = key ? "a request-metadata key" : "a request-metadata value";
        if (key && text.isEmpty()) {
            return what + " must not be empty";
        }
        if (text.length() > MAX_LENGTH) {
            return what + " is at most " + MAX_LENGTH + " characters long";
        }
        if (!charset.matcher(text).matches()) {
            return what + " may only use " + allowed;
        }
        return null;
    }

    private static List<Base> bounded(List<Base> tests, String name) {
        List<Base> copy = List.copyOf(tests);
        if (copy.isEmpty() || copy.size() > MAX_PAIRS) {
            throw new IllegalArgumentException(name + " takes 1 to " + MAX_PAIRS + " tests, not " + copy.size());
        }
        return copy;
    }
}
