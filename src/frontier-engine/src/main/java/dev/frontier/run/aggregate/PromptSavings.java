package dev.frontier.run.aggregate;

import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.model.CallResult;
import dev.frontier.results.RunResult;
import dev.frontier.run.flow.Answer;
import dev.frontier.run.flow.AnswerTable;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a prompt variant earns its place: what its prompt saves in input tokens and money against the same model
 * with the same request settings called with the suite's prompt (its baseline), and what that costs in quality, as
 * a paired difference on the items both answered with the suite's bootstrap (seed, resamples, confidence; BCa as
 * the verdicts' paired tests use).
 */
final class PromptSavings {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private PromptSavings() {
    }

    /**
     * One candidate as the comparison needs it.
     *
     * @param id            candidate id
     * @param model         model id
     * @param promptVariant whether its prompt differs from the suite's
     * @param settings      its request settings, compared for equality (tier, latency, reasoning)
     * @param inputTokens   input tokens (cached or not) per answered item id
     * @param quality       quality per item id
     * @param inputPrice    the model's input price per 1,000 tokens under its settings; empty when unknown
     */
    record Input(String id, String model, boolean promptVariant, Object settings, Map<String, Long> inputTokens,
                 Map<String, Double> quality, Optional<BigDecimal> inputPrice) {
        Input {
            Objects.requireNonNull(settings, "settings");
            // in item order: the bootstrap pairs items in this order, so the same run gives the same interval
            inputTokens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputTokens));
            quality = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quality));
        }
    }

    /**
     * The candidates of a run with {@link RunResult.CandidateResult#promptSaving()} filled in for each prompt variant
     * that has a baseline; the others as they were.
     */
    static List<RunResult.CandidateResult> with(PreparedSuite p, AnswerTable answers,
                                                Map<String, Map<String, Double>> quality,
                                                List<RunResult.CandidateResult> candidates) {
        Map<String, CandidateSpec> specs = new LinkedHashMap<>();
        p.suite().candidates().forEach(c -> specs.put(c.id(), c));
        List<Input> inputs = new ArrayList<>();
        for (RunResult.CandidateResult c : candidates) {
            CandidateSpec spec = specs.get(c.id());
            if (spec == null || spec.isImported()) {
                continue;
            }
            Map<String, Long> tokens = new LinkedHashMap<>();
            for (Map.Entry<String, Answer> a : answers.of(c.id()).entrySet()) {
                if (a.getValue().result() instanceof CallResult.Completion done) {
                    tokens.put(a.getKey(), done.usage().totalInputTokens());
                }
            }
            var settings = spec.inference().settings().normalized();
            Optional<BigDecimal> price = p.catalog().find(spec.model(), settings.withCacheTtl(spec.prompt().cacheTtl()))
                    .flatMap(ModelPrice::input);
            inputs.add(new Input(c.id(), c.model(), c.promptVariant(), settings, tokens,
                    quality.getOrDefault(c.id(), Map.of()), price));
        }
        Bootstrap bootstrap = new Bootstrap(p.suite().statistics().resamples(), p.suite().statistics().seed(),
                p.suite().statistics().confidence());
        Map<String, RunResult.PromptSaving> savings = of(inputs, p.suite().traffic().requestsPerMonth(), bootstrap);
        return candidates.stream().map(c -> savings.containsKey(c.id())
                ? c.toBuilder().promptSaving(Optional.of(savings.get(c.id()))).build() : c).toList();
    }

    /** The saving of each prompt variant in {@code candidates} that has a baseline, by its id. */
    static Map<String, RunResult.PromptSaving> of(List<Input> candidates, long requestsPerMonth, Bootstrap bootstrap) {
        Map<String, RunResult.PromptSaving> out = new LinkedHashMap<>();
        for (Input variant : candidates) {
            if (!variant.promptVariant()) {
                continue;
            }
            Optional<Input> baseline = candidates.stream().filter(b -> !b.promptVariant() && b != variant
                    && b.model().equals(variant.model()) && b.settings().equals(variant.settings())).findFirst();
            baseline.ifPresent(b -> out.put(variant.id(), saving(variant, b, requestsPerMonth, bootstrap)));
        }
        return out;
    }

    private static RunResult.PromptSaving saving(Input variant, Input baseline, long requestsPerMonth,
                                                 Bootstrap bootstrap) {
        long savedSum = 0;
        int pairs = 0;
        for (Map.Entry<String, Long> e : variant.inputTokens().entrySet()) {
            Long b = baseline.inputTokens().get(e.getKey());
            if (b != null) {
                savedSum += b - e.getValue();
                pairs++;
            }
        }
        long saved = savedSum;
        int both = pairs;
        double perRequest = both == 0 ? 0 : (double) saved / both;
        Optional<BigDecimal> monthly = both == 0 || requestsPerMonth <= 0 ? Optional.empty()
                : variant.inputPrice().map(price -> price.multiply(BigDecimal.valueOf(saved))
                .divide(BigDecimal.valueOf(both), 12, RoundingMode.HALF_EVEN)
                .multiply(BigDecimal.valueOf(requestsPerMonth)).divide(THOUSAND, 2, RoundingMode.HALF_EVEN));

        List<Double> v = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        variant.quality().forEach((item, q) -> {
            Double bq = baseline.quality().get(item);
            if (bq != null) {
                v.add(q);
                b.add(bq);
            }
        });
        Optional<Interval> d = bootstrap.pairedDifference(v.stream().mapToDouble(Double::doubleValue).toArray(),
                b.stream().mapToDouble(Double::doubleValue).toArray(), Bootstrap.Method.BCA);
        Optional<RunResult.Estimate> difference = d.map(x -> new RunResult.Estimate(x.estimate(), x.lower(),
                x.upper(), x.n()));
        return new RunResult.PromptSaving(baseline.id(), perRequest, monthly, difference,
                note(baseline.id(), perRequest, both, monthly, difference, requestsPerMonth, bootstrap.confidence()));
    }

    private static String note(String baseline, double perRequest, int both, Optional<BigDecimal> monthly,
                               Optional<RunResult.Estimate> difference, long requestsPerMonth, double confidence) {
        StringBuilder s = new StringBuilder();
        if (both == 0) {
            s.append("no item answered by both it and ").append(baseline).append(" to compare input tokens");
        } else {
            long rounded = Math.round(Math.abs(perRequest));
            s.append(perRequest >= 0 ? "saves " : "costs ").append(String.format(Locale.ROOT, "%,d", rounded))
                    .append(perRequest >= 0 ? "" : " more").append(" input tokens a request against ").append(baseline);
            if (monthly.isPresent()) {
                BigDecimal m = monthly.get();
                s.append(" (").append(m.signum() < 0 ? "−$" : "$")
                        .append(String.format(Locale.ROOT, "%,.2f", m.abs())).append(m.signum() < 0 ? " more" : "")
                        .append(" a month at ").append(String.format(Locale.ROOT, "%,d", requestsPerMonth))
                        .append(" requests)");
            } else if (requestsPerMonth > 0) {
                s.append(" (monthly figure unknown: no input price)");
            }
        }
        s.append("; ");
        if (difference.isEmpty()) {
            s.append("no items scored for both, so no quality difference");
        } else {
            RunResult.Estimate e = difference.get();
            s.append("quality ").append(signed(e.mean())).append(" [").append(signed(e.lower())).append(", ")
                    .append(signed(e.upper())).append("] (").append(percent(confidence)).append(" CI, n=")
                    .append(e.n()).append("): ");
            if (e.upper() < 0) {
                s.append("its prompt is worse");
            } else if (e.lower() > 0) {
                s.append("its prompt is better");
            } else {
                s.append("no difference shown");
            }
        }
        return s.toString();
    }

    private static String signed(double v) {
        String f = String.format(Locale.ROOT, "%.3f", Math.abs(v));
        return (v < 0 && !f.equals("0.000") ? "−" : "+") + f;
    }

    private static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString() + "%";
    }
}
