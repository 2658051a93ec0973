package dev.frontier.distill;

import dev.frontier.config.DistillationSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import dev.frontier.results.RunResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a custom model pays for itself: one-off costs (the teacher answering the training prompts, training)
 * against the monthly saving of serving the custom model (Provisioned Throughput hours × the price per model unit,
 * or per-token on-demand deployment at the student's prices, plus storage) instead of the incumbent, at the suite's
 * traffic. Figures come from a completed run's measured usage; a price nobody gave stays unknown and is named.
 */
public final class Payback {

    /** Hours Bedrock bills a month of Provisioned Throughput for (365 × 24 / 12). */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final MathContext MC = MathContext.DECIMAL64;

    private Payback() {
    }

    /**
     * Decides from a run of the suite.
     *
     * @param spec     the distillation section
     * @param run      a completed run of the suite (teacher usage, incumbent cost, the qualification)
     * @param catalog  the price catalog with the suite's overrides (the student's per-token prices)
     * @param records  records in the training file
     * @return the decision, without job or serving details
     */
    public static RunResult.Distillation decide(DistillationSpec spec, RunResult run, PriceCatalog catalog,
                                                int records) {
        return decide(spec, run, catalog, records, true);
    }

    /**
     * Decides from a run of the suite, saying whether a distillation job has the teacher answer its prompts (not
     * when it trains on the answers logged with them: {@code invocationLogsConfig.usePromptResponse}).
     *
     * @param teacherAnswers whether a distillation job pays the teacher for an answer per prompt
     */
    public static RunResult.Distillation decide(DistillationSpec spec, RunResult run, PriceCatalog catalog,
                                                int records, boolean teacherAnswers) {
        RunResult.CandidateResult teacher = run.candidates().stream().filter(c -> c.id().equals(spec.teacher()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the run has no candidate "
                        + spec.teacher() + "; run the suite again"));
        RunResult.CandidateResult incumbent = run.candidates().stream()
                .filter(RunResult.CandidateResult::incumbent).findFirst().orElse(teacher);
        List<String> unknown = new ArrayList<>();

        long meanIn = Math.round(teacher.meanInputTokens());
        long meanOut = Math.min(Math.round(teacher.meanOutputTokens()), spec.maxResponseLengthForInference());
        int epochs = CustomizationCatalog.epochs(spec.student(), spec.hyperParameters());
        long trainingTokens = (long) records * (meanIn + meanOut) * epochs;

        // distillation: Bedrock has the teacher answer every prompt at on-demand rates, unless it trains on the
        // answers logged with them; fine-tuning uses the answers this run already paid for
        BigDecimal teacherInference = BigDecimal.ZERO;
        if (spec.method() == DistillationSpec.Method.DISTILLATION && teacherAnswers) {
            teacherInference = teacher.costPer1k()
                    .map(c -> c.multiply(BigDecimal.valueOf(records)).divide(THOUSAND, MC)).orElse(null);
            if (teacherInference == null) {
                unknown.add("a price for the teacher " + teacher.model() + " (pricing.overrides)");
            }
        }
        BigDecimal training = spec.trainingPer1kTokens()
                .map(p -> p.multiply(BigDecimal.valueOf(trainingTokens)).divide(THOUSAND, MC)).orElse(null);
        if (training == null) {
            unknown.add("distillation.trainingPer1kTokens");
        }
        BigDecimal storage = spec.storagePerMonth().orElse(null);
        if (storage == null) {
            unknown.add("distillation.storagePerMonth");
        }
        BigDecimal serving = serving(spec, run.traffic(), meanIn, Math.round(teacher.meanOutputTokens()), catalog,
                unknown);
        BigDecimal incumbentMonthly = incumbent.monthlyCost().orElse(null);
        if (incumbentMonthly == null) {
            unknown.add(run.traffic() == 0 ? "traffic.requestsPerMonth" : "a price for the incumbent "
                    + incumbent.model() + " (pricing.overrides)");
        }
        BigDecimal oneOff = teacherInference == null || training == null ? null : teacherInference.add(training);
        BigDecimal monthlySavings = incumbentMonthly == null || serving == null || storage == null ? null
                : incumbentMonthly.subtract(serving).subtract(storage);
        Double payback = oneOff == null || monthlySavings == null || monthlySavings.signum() <= 0 ? null
                : oneOff.divide(monthlySavings, MC).doubleValue();

        boolean cheaperQualifies = run.decision().map(d -> d.decided() && !d.keepIncumbent()).orElse(false);
        Optional<String> pair = spec.method() == DistillationSpec.Method.DISTILLATION
                ? CustomizationCatalog.pairProblem(teacher.model(), spec.student(), regionOf(run))
                : CustomizationCatalog.customizableId(spec.student()).isPresent() ? Optional.empty()
                : Optional.of(spec.student() + " cannot be fine-tuned on Bedrock");
        boolean recommended = false;
        String reason;
        if (pair.isPresent()) {
            reason = pair.get();
        } else if (cheaperQualifies) {
            reason = "a cheaper candidate already qualifies (" + run.decision().orElseThrow().recommendation()
                    + "): switch to it before customizing a model";
        } else if (!unknown.isEmpty()) {
            reason = "the return is unknown until these are given: " + String.join(", ", unknown);
        } else if (monthlySavings.signum() <= 0) {
            reason = String.format(Locale.ROOT, "serving the custom model ($%s a month with storage) costs at least"
                            + " as much as the incumbent ($%s a month): it would never pay for itself",
                    money(serving.add(storage)), money(incumbentMonthly));
        } else if (payback > spec.horizonMonths()) {
            reason = String.format(Locale.ROOT, "pays for itself after %.1f months, beyond the %d-month horizon",
                    payback, spec.horizonMonths());
        } else {
            recommended = true;
            reason = String.format(Locale.ROOT, "no cheaper candidate qualifies; a %s %s would save $%s a month "
                            + "and pay back its $%s one-off cost in %s",
                    spec.method().yaml().replace("distillation", "distilled").replace("fine-tuning", "fine-tuned"),
                    CustomizationCatalog.baseId(spec.student()), money(monthlySavings), money(oneOff),
                    period(payback));
        }
        return new RunResult.Distillation(spec.method().yaml(), teacher.id(), teacher.model(), spec.student(),
                recommended, reason, records, trainingTokens, round(teacherInference), round(training), round(oneOff),
                round(serving), round(storage), round(incumbentMonthly), round(monthlySavings), payback,
                spec.horizonMonths(), List.copyOf(unknown), null, null, null, null, null, null);
    }

    private static BigDecimal serving(DistillationSpec spec, long traffic, long meanIn, long meanOut,
                                      PriceCatalog catalog, List<String> unknown) {
        DistillationSpec.Serving s = spec.serving();
        if (s.mode() == DistillationSpec.Mode.PROVISIONED) {
            if (s.hourlyPerModelUnit().isEmpty()) {
                unknown.add("distillation.serving.hourlyPerModelUnit");
                return null;
            }
            return s.hourlyPerModelUnit().get().multiply(BigDecimal.valueOf(s.modelUnits().orElse(1)))
                    .multiply(HOURS_PER_MONTH);
        }
        // an on-demand deployment bills per token at the student base model's prices
        Optional<ModelPrice> price = catalog.find(spec.student());
        Cost perRequest = price.map(p -> p.cost(new TokenUsage(meanIn, meanOut, 0, 0), ModelPrice.Mode.ON_DEMAND))
                .orElse(new Cost.Unknown("no price"));
        if (!(perRequest instanceof Cost.Known k)) {
            unknown.add("a price for the student " + CustomizationCatalog.baseId(spec.student())
                    + " (pricing.overrides)");
            return null;
        }
        return k.usd().multiply(BigDecimal.valueOf(traffic));
    }

    /** A payback period in words: "under a day", "4.2 days", "3.5 months"; "unknown or never" for null. */
    public static String period(Double months) {
        if (months == null) {
            return "unknown or never";
        }
        double days = months * 365.0 / 12;
        if (days < 1) {
            return "under a day";
        }
        return months < 1 ? String.format(Locale.ROOT, "%.1f days", days)
                : String.format(Locale.ROOT, "%.1f months", months);
    }

    private static BigDecimal round(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    private static String money(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** The Region the run was priced in; the catalog's default for runs that recorded none. */
    private static String regionOf(RunResult run) {
        String region = run.provenance() == null ? "" : run.provenance().region();
        return region == null || region.isEmpty() ? PriceCatalog.DEFAULT_REGION : region;
    }
}
