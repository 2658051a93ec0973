package dev.frontier.score;

import dev.frontier.model.Template;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one scorer's YAML-derived parameters and gathers every problem instead of stopping at the first, so a
 * suite author sees all of them in one run. Accessors return a fallback or an empty optional after recording a
 * problem; a builder checks {@link #ok()} before it trusts what it read.
 */
final class ParamReader {
    private final String type;
    private final Map<String, ?> raw;
    private final Path directory;
    private final List<ParamProblem> problems = new ArrayList<>();

    ParamReader(String type, Map<String, ?> raw) {
        this(type, raw, Path.of(""));
    }

    /** A reader for a scorer declared in a suite file in {@code directory} (relative paths start there). */
    ParamReader(String type, Map<String, ?> raw, Path directory) {
        this.type = type;
        this.raw = raw;
        this.directory = directory;
    }

    String type() {
        return type;
    }

    /** The folder of the suite file that declares the scorer. */
    Path directory() {
        return directory;
    }

    List<ParamProblem> problems() {
        return List.copyOf(problems);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    void problem(String param, String problem, String hint) {
        problems.add(new ParamProblem(param, problem, hint));
    }

    /** Flags every parameter the type does not accept, suggesting the nearest accepted one. */
    void rejectUnknown(Collection<String> accepted) {
        for (String name : new TreeSet<>(raw.keySet())) {
            if (accepted.contains(name)) {
                continue;
            }
            String hint = NearMiss.closest(name, accepted)
                    .map(s -> "did you mean '" + s + "'?")
                    .orElseGet(() -> accepted.isEmpty()
                            ? type + " takes no parameters"
                            : "valid parameters: " + String.join(", ", new TreeSet<>(accepted)));
            problem(name, "unknown parameter for " + type, hint);
        }
    }

    boolean present(String name) {
        return raw.containsKey(name);
    }

    /** The raw value; a present key with no value (YAML {@code key:}) is reported and read as absent. */
    private Optional<Object> value(String name) {
        if (!raw.containsKey(name)) {
            return Optional.empty();
        }
        Object v = raw.get(name);
        if (v == null) {
            problem(name, "has no value", "give a value or remove the line");
        }
        return Optional.ofNullable(v);
    }

    Optional<Object> rawValue(String name) {
        return value(name);
    }

    /** A single template: text, or a whole number written without quotes. */
    Optional<Template> template(String name) {
        return value(name).flatMap(v -> asTemplate(name, v));
    }

    Optional<Template> requiredTemplate(String name, String example) {
        if (!present(name)) {
            problem(name, "is required for " + type, "e.g. " + name + ": " + example);
            return Optional.empty();
        }
        return template(name);
    }

    /** A non-empty list of templates. */
    Optional<List<Template>> templates(String name) {
        Optional<Object> v = value(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!(v.get() instanceof List<?> list)) {
            problem(name, "must be a list of texts, was " + describe(v.get()),
                    "write " + name + ": [\"first\", \"second\"]");
            return Optional.empty();
        }
        if (list.isEmpty()) {
            problem(name, "must list at least one text", "add an entry or remove " + name);
            return Optional.empty();
        }
        List<Template> out = new ArrayList<>();
        boolean good = true;
        for (int i = 0; i < list.size(); i++) {
            Optional<Template> t = asTemplate(name + "[" + i + "]", list.get(i));
            good &= t.isPresent();
            t.ifPresent(out::add);
        }
        return good ? Optional.of(List.copyOf(out)) : Optional.empty();
    }

    /** Exactly one of {@code single} (a template) and {@code plural} (a list of templates), as a list. */
    Optional<List<Template>> oneOrMany(String single, String plural, String example) {
        boolean hasSingle = present(single);
        boolean hasPlural = present(plural);
        if (hasSingle && hasPlural) {
            problem(plural, "cannot be combined with '" + single + "'",
                    "keep '" + single + "' for one text or '" + plural + "' for several");
            template(single);
            templates(plural);
            return Optional.empty();
        }
        if (!hasSingle && !hasPlural) {
            problem(single, "is required for " + type + " (or '" + plural + "' for several)",
                    "e.g. " + single + ": " + example);
            return Optional.empty();
        }
        return hasSingle ? template(single).map(List::of) : templates(plural);
    }

    boolean bool(String name, boolean fallback) {
        Optional<Object> v = value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        if (v.get() instanceof Boolean b) {
            return b;
        }
        problem(name, "must be true or false, was " + describe(v.get()),
                v.get() instanceof String ? "write true or false without quotes" : "write true or false");
        return fallback;
    }

    /** A whole number from 0 to {@link Integer#MAX_VALUE}. */
    OptionalInt count(String name) {
        Optional<Object> v = value(name);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        Optional<BigDecimal> n = asNumber(v.get());
        if (n.isPresent()) {
            try {
                BigInteger whole = n.get().toBigIntegerExact();
                if (whole.signum() >= 0 && whole.bitLength() < 32) {
                    return OptionalInt.of(whole.intValue());
                }
            } catch (ArithmeticException notWhole) {
                // reported below
            }
        }
        problem(name, "must be a whole number of at least 0, was " + describe(v.get()), "e.g. " + name + ": 10");
        return OptionalInt.empty();
    }

    /** Any finite number. */
    OptionalDouble number(String name) {
        Optional<Object> v = value(name);
        if (v.isEmpty()) {
            return OptionalDouble.empty();
        }
        Optional<BigDecimal> n = asNumber(v.get());
        if (n.isEmpty()) {
            problem(name, "must be a number, was " + describe(v.get()), "e.g. " + name + ": 0.1");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(n.get().doubleValue());
    }

    /** One of the enum's constants by label: lower case, '_' written '-'. */
    <E extends Enum<E>> E choice(String name, Class<E> options, E fallback) {
        Optional<Object> v = value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        List<String> labels = new ArrayList<>();
        for (E e : options.getEnumConstants()) {
            String label = label(e);
            labels.add(label);
            if (label.equals(v.get())) {
                return e;
            }
        }
        String valid = "one of " + String.join(", ", labels);
        String hint = v.get() instanceof String s
                ? NearMiss.closest(s, labels).map(c -> "did you mean '" + c + "'? (" + valid + ")").orElse(valid)
                : valid;
        problem(name, "must be one of " + String.join("|", labels) + ", was " + describe(v.get()), hint);
        return fallback;
    }

    /** A compiled Java regular expression; the hint points at the offending position. */
    Optional<Pattern> regex(String name, int flags) {
        Optional<Object> v = value(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!(v.get() instanceof String source)) {
            problem(name, "must be a regular expression in quotes, was " + describe(v.get()),
                    "e.g. " + name + ": '\\d+'");
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(source, flags));
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " near index " + e.getIndex() : "";
            problem(name, "is not a valid Java regular expression: " + e.getDescription() + where,
                    "check the syntax at that position; in YAML single quotes keep backslashes as written");
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            problem(name, "is not a valid Java regular expression: " + e.getMessage(), "check the pattern");
            return Optional.empty();
        }
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Optional<Template> asTemplate(String name, Object v) {
        if (v instanceof String s) {
            return Optional.of(new Template(s));
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return Optional.of(new Template(v.toString()));
        }
        problem(name, "must be a text, was " + describe(v), "put the value in quotes, e.g. \"{{answer}}\"");
        return Optional.empty();
    }

    private static Optional<BigDecimal> asNumber(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Optional.of(BigDecimal.valueOf(((Number) v).longValue()));
        }
        if (v instanceof BigInteger b) {
            return Optional.of(new BigDecimal(b));
        }
        if (v instanceof BigDecimal b) {
            return Optional.of(b);
        }
        if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            return Optional.of(BigDecimal.valueOf(((Number) v).doubleValue()));
        }
        return Optional.empty();
    }

    static String describe(Object v) {
        if (v == null) {
            return "empty";
        }
        if (v instanceof String s) {
            return "the text '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        if (v instanceof Boolean || v instanceof Number) {
            return v.toString();
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "a map";
        }
        return "a " + v.getClass().getSimpleName();
    }
}
