package dev.frontier.score;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The grades a judge or an annotator gives: a numeric range ({@code [1, 5]}) or ordered labels
 * ({@code [poor, fair, good]}, worst first). Every grade is normalized to [0, 1]: {@code (g - min) / (max - min)},
 * or a label's position over the number of gaps.
 *
 * @param min    lowest grade of a numeric scale (0 for labels)
 * @param max    highest grade of a numeric scale (labels − 1 for labels)
 * @param labels the labels worst first; empty for a numeric scale
 */
public record JudgeScale(double min, double max, List<String> labels) {

    /** The default: whole grades from 1 to 5. */
    public static final JudgeScale ONE_TO_FIVE = new JudgeScale(1, 5, List.of());

    public JudgeScale {
        labels = List.copyOf(labels);
        if (!(max > min)) {
            throw new IllegalArgumentException("a scale needs max > min");
        }
    }

    /** A scale of ordered labels, worst first. */
    public static JudgeScale ofLabels(List<String> labels) {
        return new JudgeScale(0, labels.size() - 1, labels);
    }

    public boolean isLabels() {
        return !labels.isEmpty();
    }

    /** How the scale is described to a judge. */
    public String describe() {
        if (isLabels()) {
            StringBuilder s = new StringBuilder("one of ");
            for (int i = 0; i < labels.size(); i++) {
                s.append(i == 0 ? "" : ", ").append('"').append(labels.get(i)).append('"');
            }
            return s.append(" (worst to best)").toString();
        }
        return "a whole number from " + num(min) + " (worst) to " + num(max) + " (best)";
    }

    /** The normalized value of a grade, or empty when it is not on the scale. */
    public Optional<Double> normalize(Object grade) {
        if (isLabels()) {
            if (!(grade instanceof String s)) {
                return Optional.empty();
            }
            for (int i = 0; i < labels.size(); i++) {
                if (labels.get(i).equalsIgnoreCase(s.strip())) {
                    return Optional.of(i / max);
                }
            }
            return Optional.empty();
        }
        double g;
        if (grade instanceof Number n) {
            g = n.doubleValue();
        } else if (grade instanceof String s) {
            try {
                g = new BigDecimal(s.strip()).doubleValue();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        if (!(g >= min && g <= max)) {
            return Optional.empty();
        }
        return Optional.of((g - min) / (max - min));
    }

    /** The normalized values of the scale's points: whole steps for a numeric scale, one per label. */
    public List<Double> points() {
        List<Double> out = new ArrayList<>();
        int steps = (int) Math.round(max - min);
        if (isLabels() || Math.abs(max - min - steps) < 1e-9) {
            for (int i = 0; i <= steps; i++) {
                out.add(steps == 0 ? 0.0 : (double) i / steps);
            }
        }
        return out;
    }

    /** The grade for a normalized value, for display. */
    public String grade(double normalized) {
        if (isLabels()) {
            return labels.get((int) Math.round(normalized * max));
        }
        return num(min + normalized * (max - min));
    }

    /** A number as written: whole numbers without decimals, others with two. */
    static String number(double v) {
        return num(v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Reads a {@code scale:} parameter: two numbers {@code [min, max]} or at least two labels. */
    static Optional<JudgeScale> read(ParamReader r, String name) {
        Optional<Object> v = r.rawValue(name);
        if (v.isEmpty()) {
            return Optional.of(ONE_TO_FIVE);
        }
        if (v.get() instanceof List<?> list && list.size() >= 2) {
            if (list.size() == 2 && list.get(0) instanceof Number a && list.get(1) instanceof Number b) {
                if (b.doubleValue() > a.doubleValue()) {
                    return Optional.of(new JudgeScale(a.doubleValue(), b.doubleValue(), List.of()));
                }
                r.problem(name, "the upper end must be above the lower end, was " + list,
                        "write it as [lowest, highest], e.g. [1, 5]");
                return Optional.empty();
            }
            List<String> labels = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s) || s.isBlank() || labels.stream().anyMatch(s::equalsIgnoreCase)) {
                    r.problem(name, "must be [min, max] or distinct labels worst first, was " + list,
                            "e.g. scale: [1, 5] or scale: [poor, acceptable, good]");
                    return Optional.empty();
                }
                labels.add(s.strip());
            }
            return Optional.of(ofLabels(labels));
        }
        r.problem(name, "must be [min, max] or a list of at least two labels, was " + ParamReader.describe(v.get()),
                "e.g. scale: [1, 5] or scale: [poor, acceptable, good]");
        return Optional.empty();
    }
}
