package dev.frontier.distill;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelId;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Bedrock can customize: the supported distillation teacher → student pairs, the base models fine-tuning
 * accepts (with the context-window suffix the API wants), each family's hyperparameter ranges and its record limits.
 * Figures from the Bedrock user guide's distillation prerequisites, hyperparameter pages and service quotas.
 */
public final class CustomizationCatalog {

    /** The fewest prompts a distillation job takes. */
    public static final int MIN_DISTILLATION_PROMPTS = 100;
    /** The most prompts a distillation job takes. */
    public static final int MAX_DISTILLATION_PROMPTS = 15_000;
    /** The longest line of a training file. */
    public static final int MAX_LINE_BYTES = 16 * 1024;
    /** The largest training file. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024;

    private static final String PROFILE_ONLY = "profile-only";
    private static final String MODEL_ONLY = "model-only";
    private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

    private static final Catalog.Customization FACTS = Catalog.bundled().customization();
    /** The supported distillation pairs, by teacher base id (from the model catalog). */
    private static final Map<String, Catalog.DistillationPair> PAIRS = new LinkedHashMap<>();
    /** The id with context window a customization job takes, by base model id (from the model catalog). */
    private static final Map<String, String> CUSTOMIZABLE = FACTS.customizable();
    /** Fine-tuning records (training + validation) per family. */
    private static final Map<String, Integer> FINE_TUNING_RECORDS = new LinkedHashMap<>();

    static {
        FACTS.distillation().forEach(p -> PAIRS.put(p.teacher(), p));
        FINE_TUNING_RECORDS.put("nova-micro", 20_000);
        FINE_TUNING_RECORDS.put("nova-lite", 20_000);
        FINE_TUNING_RECORDS.put("nova-pro", 10_000);
        FINE_TUNING_RECORDS.put("claude-3-haiku", 10_000);
        FINE_TUNING_RECORDS.put("llama", 10_000);
    }

    private CustomizationCatalog() {
    }

    /** A model id without inference-profile prefix, context-window suffix or foundation-model ARN. */
    public static String baseId(String modelId) {
        return ModelId.parse(modelId).baseId();
    }

    /** Whether {@code modelId} names a system (cross-region) inference profile. */
    static boolean isProfile(String modelId) {
        ModelId id = ModelId.parse(modelId);
        return id.kind() == ModelId.Kind.PROFILE || id.kind() == ModelId.Kind.PROFILE_ARN;
    }

    /**
     * What is wrong with distilling {@code teacher} into {@code student} in {@code region}, with the supported
     * pairs; empty when the pair is supported there.
     */
    public static Optional<String> pairProblem(String teacher, String student, String region) {
        Catalog.DistillationPair t = PAIRS.get(baseId(teacher));
        if (t == null || !t.students().contains(baseId(student))) {
            return Optional.of(baseId(teacher) + " → " + baseId(student) + " is not a supported distillation pair;"
                    + " supported: " + supportedPairs());
        }
        if (!t.regions().contains(region)) {
            return Optional.of(baseId(teacher) + " → " + baseId(student) + " is offered in "
                    + String.join(", ", t.regions()) + " only, not in " + region + " (set execution.region: "
                    + t.regions().get(0) + ")");
        }
        if (t.teacherVia().equals(PROFILE_ONLY) && !isProfile(teacher)) {
            return Optional.of(baseId(teacher) + " teaches only through a system inference profile (use us."
                    + baseId(teacher) + ")");
        }
        if (t.teacherVia().equals(MODEL_ONLY) && isProfile(teacher)) {
            return Optional.of(baseId(teacher) + " teaches only as an on-demand model id, not an inference profile "
                    + "(use " + baseId(teacher) + ")");
        }
        return Optional.empty();
    }

    /** Every supported pair as "teacher → student, ..." for messages. */
    public static String supportedPairs() {
        StringBuilder b = new StringBuilder();
        PAIRS.forEach((teacher, t) -> {
            for (String s : t.students()) {
                if (!b.isEmpty()) {
                    b.append(", ");
                }
                b.append(teacher).append(" → ").append(CUSTOMIZABLE.getOrDefault(s, s))
                        .append(" (").append(String.join(", ", t.regions())).append(')');
            }
        });
        return b.toString();
    }

    /** The id a customization job needs for {@code student} (with its context window), if it can be customized. */
    public static Optional<String> customizableId(String student) {
        return Optional.ofNullable(CUSTOMIZABLE.get(baseId(student)));
    }

    /** The model family for hyperparameters and record limits: nova-micro, claude-3-haiku, llama, ... */
    static Optional<String> family(String student) {
        String base = baseId(student);
        if (base.startsWith("amazon.nova-micro")) {
            return Optional.of("nova-micro");
        }
        if (base.startsWith("amazon.nova-lite")) {
            return Optional.of("nova-lite");
        }
        if (base.startsWith("amazon.nova-pro")) {
            return Optional.of("nova-pro");
        }
        if (base.equals(HAIKU)) {
            return Optional.of("claude-3-haiku");
        }
        if (base.startsWith("meta.llama3")) {
            return Optional.of("llama");
        }
        return Optional.empty();
    }

    /** The most fine-tuning records (training + validation) the family takes. */
    public static int maxFineTuningRecords(String student) {
        return family(student).map(FINE_TUNING_RECORDS::get).orElse(10_000);
    }

    /**
     * One hyperparameter's range and default.
     *
     * @param name    the key in {@code hyperParameters}
     * @param min     smallest value
     * @param max     largest value
     * @param integer whether only whole numbers are allowed
     * @param value   the default
     */
    public record Range(String name, BigDecimal min, BigDecimal max, boolean integer, String value) {
    }

    /** The family's hyperparameters, by name. */
    public static Map<String, Range> hyperParameters(String student) {
        Map<String, Range> out = new LinkedHashMap<>();
        String family = family(student).orElse("");
        if (family.startsWith("nova")) {
            add(out, "epochCount", "1", "5", true, "2");
            add(out, "learningRate", "0.000001", "0.0001", false, "0.00001");
            add(out, "learningRateWarmupSteps", "0", "100", true, "10");
        } else if (family.equals("claude-3-haiku")) {
            add(out, "epochCount", "1", "10", true, "2");
            add(out, "batchSize", "4", "256", true, "32");
            add(out, "learningRateMultiplier", "0.1", "2", false, "1");
            add(out, "earlyStoppingThreshold", "0", "0.1", false, "0.001");
            add(out, "earlyStoppingPatience", "1", "10", true, "2");
        } else if (family.equals("llama")) {
            add(out, "epochCount", "1", "10", true, "5");
            add(out, "batchSize", "1", "1", true, "1");
            add(out, "learningRate", "0.000005", "0.1", false, "0.0001");
        }
        return out;
    }

    private static void add(Map<String, Range> out, String name, String min, String max, boolean integer,
                            String value) {
        out.put(name, new Range(name, new BigDecimal(min), new BigDecimal(max), integer, value));
    }

    /**
     * Problems of the given hyperparameters against the student family's ranges, by name; empty map when fine.
     */
    public static Map<String, String> hyperParameterProblems(String student, Map<String, String> given) {
        Map<String, Range> ranges = hyperParameters(student);
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> known = new TreeSet<>(ranges.keySet());
        given.forEach((name, text) -> {
            Range r = ranges.get(name);
            if (r == null) {
                problems.put(name, "'" + name + "' is not a hyperparameter of " + baseId(student)
                        + (known.isEmpty() ? "" : " (use " + String.join(", ", known) + ")"));
                return;
            }
            BigDecimal v;
            try {
                v = new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                problems.put(name, name + " must be a number, was '" + text + "'");
                return;
            }
            if (r.integer() && v.stripTrailingZeros().scale() > 0) {
                problems.put(name, name + " must be a whole number, was " + text);
            } else if (v.compareTo(r.min()) < 0 || v.compareTo(r.max()) > 0) {
                problems.put(name, name + " = " + text + " is outside " + r.min().toPlainString() + "–"
                        + r.max().toPlainString() + " for " + baseId(student) + " (default " + r.value() + ")");
            }
        });
        return problems;
    }

    /** The epochs a job will train for: the given {@code epochCount}, else the family's default, else 1. */
    public static int epochs(String student, Map<String, String> given) {
        String e = given.get("epochCount");
        if (e == null) {
            Range r = hyperParameters(student).get("epochCount");
            e = r == null ? "1" : r.value();
        }
        try {
            return Math.max(1, new BigDecimal(e.trim()).intValue());
        } catch (NumberFormatException ex) {
            return 1;
        }
    }
}
