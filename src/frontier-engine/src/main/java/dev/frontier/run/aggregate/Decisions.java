package dev.frontier.run.aggregate;

import dev.frontier.catalog.Catalog;
import dev.frontier.config.ProvisionedSpec;
import dev.frontier.config.SelectionSpec;
import dev.frontier.config.SliceSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.ConsumptionPlans;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.CallSettings;
import dev.frontier.model.Item;
import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import dev.frontier.select.Distinguishability;
import dev.frontier.select.Qualification;
import dev.frontier.select.Sequential;
import dev.frontier.select.Slices;
import dev.frontier.select.Verdict;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Interval;
import dev.frontier.stats.SampleSize;
import dev.frontier.results.RunResult;
import dev.frontier.results.SliceVerdict;
import dev.frontier.results.VerdictStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The statistical recommendation and the consumption plans of a run, from its per-candidate figures. */
final class Decisions {
    private Decisions() {
    }

    /** Quality per item id, per candidate id, from the item results. */
    static Map<String, Map<String, Double>> qualityByItem(List<RunResult.ItemResult> items) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (RunResult.ItemResult item : items) {
            item.outputs().forEach((candidate, o) -> {
                if (o.quality() != null) {
                    out.computeIfAbsent(candidate, k -> new LinkedHashMap<>()).put(item.id(), o.quality());
                }
            });
        }
        return out;
    }

    /**
     * What a decision is made by: the suite's selection rules and statistics settings, which a run record keeps too
     * (so that a stored run can be decided again without its suite file).
     *
     * @param margin          non-inferiority margin
     * @param confidence      confidence of the decision
     * @param minScores       per-scorer minimum means
     * @param maxLatencyP95Ms latency limit, null for none
     * @param resamples       bootstrap resamples
     * @param seed            bootstrap seed
     * @param coverage        interval coverage of the bootstrap (for "cannot be told apart")
     */
    record Basis(double margin, double confidence, Map<String, Double> minScores, Long maxLatencyP95Ms,
                 int resamples, long seed, double coverage) {

        static Basis of(SuiteSpec suite) {
            return new Basis(suite.selection().margin(), suite.selection().confidence(),
                    suite.selection().minScores(), suite.selection().maxLatencyP95Ms().isPresent()
                    ? suite.selection().maxLatencyP95Ms().getAsLong() : null, suite.statistics().resamples(),
                    suite.statistics().seed(), suite.statistics().confidence());
        }

        /** The basis recorded in a run's results. */
        static Basis of(RunResult run) {
            RunResult.Rules r = run.rules();
            RunResult.Provenance p = run.provenance();
            return new Basis(r.margin(), r.confidence(), r.minScores() == null ? Map.of() : r.minScores(),
                    r.maxLatencyP95Ms(), p.bootstrapResamples(), p.bootstrapSeed(), p.confidence());
        }
    }

    /** The decision; empty when the suite has no incumbent. */
    static Optional<RunResult.Decision> decide(SuiteSpec suite, List<RunResult.CandidateResult> candidates,
                                     Map<String, Map<String, Double>> quality) {
        return decide(Basis.of(suite), candidates, quality);
    }

    /**
     * What the suite's {@code slices:} ask for: each sliced field with its minimum and every item's value, and the
     * rule. {@link #NONE} when the suite declares no slices.
     *
     * @param fields the sliced fields, in suite order
     * @param rule   what a candidate must show on each slice
     */
    record SliceBasis(List<Slices.Field> fields, Slices.Rule rule) {
        static final SliceBasis NONE = new SliceBasis(List.of(), Slices.Rule.NOT_SHOWN_WORSE);

        /** The suite's slices over {@code items}. */
        static SliceBasis of(SuiteSpec suite, List<Item> items) {
            List<Slices.Field> fields = new ArrayList<>();
            for (SliceSpec s : suite.slices()) {
                Map<String, String> values = new LinkedHashMap<>();
                items.forEach(i -> i.field(s.field()).ifPresent(v -> values.put(i.id(), v)));
                fields.add(new Slices.Field(s.field(), s.minItems(), values));
            }
            return new SliceBasis(fields, suite.selection().sliceRule() == SelectionSpec.SliceRule.NON_INFERIOR
                    ? Slices.Rule.NON_INFERIOR : Slices.Rule.NOT_SHOWN_WORSE);
        }

        /**
         * The slices a run's record was decided with, from its slice section and its items' values; {@link #NONE}
         * when it has none, or when its item list is a sample (the values of the unlisted items are not recorded).
         */
        static SliceBasis of(RunResult run) {
            if (run.slices().isEmpty() || run.itemSample().isPresent()) {
                return NONE;
            }
            Map<String, Integer> minItems = new LinkedHashMap<>();
            run.slices().get().slices().forEach(s -> minItems.putIfAbsent(s.field(), s.minItems()));
            List<Slices.Field> fields = new ArrayList<>();
            minItems.forEach((field, min) -> {
                Map<String, String> values = new LinkedHashMap<>();
                run.items().forEach(i -> {
                    String v = i.slices().get(field);
                    if (v != null) {
                        values.put(i.id(), v);
                    }
                });
                fields.add(new Slices.Field(field, min, values));
            });
            return new SliceBasis(fields, run.slices().get().rule().equals(SelectionSpec.SliceRule.NON_INFERIOR.key())
                    ? Slices.Rule.NON_INFERIOR : Slices.Rule.NOT_SHOWN_WORSE);
        }

        /** The rule's spelling in a suite and a record. */
        String ruleKey() {
            return rule == Slices.Rule.NON_INFERIOR ? SelectionSpec.SliceRule.NON_INFERIOR.key()
                    : SelectionSpec.SliceRule.NOT_SHOWN_WORSE.key();
        }
    }

    /**
     * A decision and the slice comparisons it took into account.
     *
     * @param decision the decision; empty when no candidate is the incumbent
     * @param slices   the slice section; empty when there are no slices (or no decision)
     */
    record Outcome(Optional<RunResult.Decision> decision, Optional<RunResult.SliceResults> slices) {
    }

    /**
     * The decision by {@code basis}; empty when no candidate is the incumbent; {@link RunResult.Decision#undecided}
     * with the reason when the rules cannot decide (e.g. too few bootstrap resamples for the candidates).
     */
    static Optional<RunResult.Decision> decide(Basis basis, List<RunResult.CandidateResult> candidates,
                                     Map<String, Map<String, Double>> quality) {
        return decide(basis, SliceBasis.NONE, candidates, quality).decision();
    }

    /**
     * The decision by {@code basis} with the slice rule of {@code sliced} applied: a candidate that qualifies overall
     * but fails the rule on a slice is not recommended (see {@link Slices}).
     */
    static Outcome decide(Basis basis, SliceBasis sliced, List<RunResult.CandidateResult> candidates,
                          Map<String, Map<String, Double>> quality) {
        return decide(basis, sliced, candidates, quality, Map.of());
    }

    /**
     * The decision by {@code basis} and the slice rule of {@code sliced}; for a sequential run, {@code readings}
     * hold what its looks decided about each candidate's non-inferiority (see {@link Sequential}).
     */
    static Outcome decide(Basis basis, SliceBasis sliced, List<RunResult.CandidateResult> candidates,
                          Map<String, Map<String, Double>> quality, Map<String, Sequential.Reading> readings) {
        if (candidates.stream().noneMatch(RunResult.CandidateResult::incumbent)) {
            return new Outcome(Optional.empty(), Optional.empty());
        }
        Qualification.Rules rules = rules(basis);
        List<Qualification.Candidate> input = inputs(candidates, quality);
        Qualification.Result result;
        Optional<RunResult.SliceResults> sliceSection = Optional.empty();
        try {
            Map<String, String> sliceFailures = Map.of();
            if (!sliced.fields().isEmpty()) {
                Slices.Result s = Slices.of(input, sliced.fields(), rules, sliced.rule(),
                        new Bootstrap(basis.resamples(), basis.seed(), basis.coverage()));
                sliceFailures = s.failures();
                sliceSection = Optional.of(sliceSection(s, sliced, rules.margin()));
            }
            result = Qualification.decide(input, rules, sliceFailures, readings);
        } catch (IllegalArgumentException e) {
            // e.g. too few resamples for Holm's strictest level: no decision rather than a wrong one, and it says so
            return new Outcome(Optional.of(RunResult.Decision.undecided(e.getMessage(), rules.margin(),
                    rules.confidence())), Optional.empty());
        }
        // only the frontier (and the incumbent) is compared pairwise: that is where "cannot be told apart" matters,
        // and it keeps the pairs few when a suite has many candidates
        Distinguishability.Result ties = Distinguishability.of(quality,
                candidates.stream().filter(c -> c.onFrontier() || c.incumbent()).map(RunResult.CandidateResult::id)
                        .filter(id -> !quality.getOrDefault(id, Map.of()).isEmpty()).toList(),
                new Bootstrap(basis.resamples(), basis.seed(), basis.coverage()), Bootstrap.Method.PERCENTILE);
        List<RunResult.CandidateVerdict> verdicts = new ArrayList<>();
        for (Verdict v : result.verdicts()) {
            Optional<Verdict.Evidence> e = v.evidence();
            verdicts.add(new RunResult.CandidateVerdict(v.id(), VerdictStatus.valueOf(v.status().name()), v.reason(),
                    e.map(Verdict.Evidence::n).orElse(null), e.map(Verdict.Evidence::difference).orElse(null),
                    e.map(x -> x.interval().lower()).orElse(null), e.map(x -> x.interval().upper()).orElse(null),
                    e.map(Verdict.Evidence::holmLowerBound).orElse(null), e.map(Verdict.Evidence::pValue).orElse(null),
                    e.map(Verdict.Evidence::adjustedPValue).orElse(null),
                    e.map(x -> x.itemsNeeded() instanceof SampleSize.Items i ? i.items() : null).orElse(null),
                    e.map(Verdict.Evidence::method).orElse(""), List.copyOf(ties.tiedWith(v.id()))));
        }
        Qualification.Recommendation r = result.recommendation();
        return new Outcome(Optional.of(new RunResult.Decision(r.id(), r.incumbent(), r.reason(), rules.margin(),
                rules.confidence(), verdicts)), sliceSection);
    }

    /** The selection rules of {@code basis}. */
    static Qualification.Rules rules(Basis basis) {
        Qualification.Rules rules = Qualification.Rules.of(basis.margin(), basis.confidence())
                .withScorerMinimums(basis.minScores())
                .withBootstrap(basis.resamples(), basis.seed(), Bootstrap.Method.BCA);
        return basis.maxLatencyP95Ms() == null ? rules : rules.withMaxLatencyP95Ms(basis.maxLatencyP95Ms());
    }

    /** What {@link Qualification} decides on: each candidate's cost, latency, scorer means and quality per item. */
    static List<Qualification.Candidate> inputs(List<RunResult.CandidateResult> candidates,
                                                Map<String, Map<String, Double>> quality) {
        List<Qualification.Candidate> input = new ArrayList<>();
        for (RunResult.CandidateResult c : candidates) {
            Map<String, Double> byItem = quality.getOrDefault(c.id(), Map.of());
            Cost cost = c.costPer1k().isPresent() ? Cost.usd(c.costPer1k().get())
                    : new Cost.Unknown(c.costUnknown().isEmpty() ? "cost unknown" : c.costUnknown());
            Map<String, Double> means = new LinkedHashMap<>();
            c.scores().forEach((k, v) -> means.put(k, v.mean()));
            Qualification.Candidate q = new Qualification.Candidate(c.id(), c.incumbent(), cost, byItem, false,
                    c.latencyP95Ms(), means);
            boolean binary = !byItem.isEmpty() && byItem.values().stream().allMatch(v -> v == 0.0 || v == 1.0);
            input.add(binary ? q.asBinary() : q);
        }
        return input;
    }

    private static RunResult.SliceResults sliceSection(Slices.Result s, SliceBasis sliced, double margin) {
        Map<String, Integer> minItems = new LinkedHashMap<>();
        sliced.fields().forEach(f -> minItems.put(f.name(), f.minItems()));
        List<RunResult.Slice> out = new ArrayList<>();
        for (Slices.Slice slice : s.slices()) {
            Map<String, RunResult.Estimate> quality = new LinkedHashMap<>();
            slice.quality().forEach((id, i) -> quality.put(id, new RunResult.Estimate(i.estimate(), i.lower(),
                    i.upper(), i.n())));
            List<RunResult.SliceComparison> comparisons = new ArrayList<>();
            for (Slices.Comparison c : slice.comparisons()) {
                boolean tested = c.interval().isPresent();
                comparisons.add(new RunResult.SliceComparison(c.candidate(), c.n(),
                        tested ? c.difference() : null, c.interval().map(Interval::lower).orElse(null),
                        c.interval().map(Interval::upper).orElse(null), tested ? c.pValue() : null,
                        tested ? c.adjustedPValue() : null, tested ? c.worsePValue() : null,
                        tested ? c.adjustedWorsePValue() : null, SliceVerdict.valueOf(c.status().name())));
            }
            out.add(new RunResult.Slice(slice.field(), slice.value(), slice.items(), minItems.get(slice.field()),
                    slice.tested(), quality, comparisons));
        }
        return new RunResult.SliceResults(sliced.ruleKey(), margin, out);
    }

    /**
     * Consumption plans per candidate at the suite's traffic, with the service tiers the bundled model catalog
     * offers in the suite's Region (the catalog's default Region when it names none, as the run's preparation reads
     * it).
     */
    static List<RunResult.CandidatePlans> plans(SuiteSpec suite, PriceCatalog catalog,
                                                List<RunResult.CandidateResult> candidates) {
        return plans(suite, catalog, candidates, Map.of());
    }

    /**
     * The same, with what the suite's traffic profile measured for each candidate (by id; a candidate not in it is
     * priced from the run alone).
     */
    static List<RunResult.CandidatePlans> plans(SuiteSpec suite, PriceCatalog catalog,
                                                List<RunResult.CandidateResult> candidates,
                                                Map<String, ConsumptionPlans.Measured> measured) {
        return plans(suite, catalog, Catalog.bundled(),
                suite.execution().region().orElse(PriceCatalog.DEFAULT_REGION), candidates, measured);
    }

    /**
     * Consumption plans per candidate at the suite's traffic: the plans of {@link ConsumptionPlans}, the tier plans
     * where {@code models} offers the tiers in {@code region}, each plan's latency projected from the candidate's
     * measured p95 (at the tier that served most of its calls) and the suite's p95 limit applied.
     */
    static List<RunResult.CandidatePlans> plans(SuiteSpec suite, PriceCatalog catalog, Catalog models, String region,
                                                List<RunResult.CandidateResult> candidates) {
        return plans(suite, catalog, models, region, candidates, Map.of());
    }

    /** The same, with what the suite's traffic profile measured for each candidate, by id. */
    static List<RunResult.CandidatePlans> plans(SuiteSpec suite, PriceCatalog catalog, Catalog models, String region,
                                                List<RunResult.CandidateResult> candidates,
                                                Map<String, ConsumptionPlans.Measured> measured) {
        OptionalLong limit = suite.selection().maxLatencyP95Ms().isPresent()
                ? OptionalLong.of(suite.selection().maxLatencyP95Ms().getAsLong()) : OptionalLong.empty();
        List<RunResult.CandidatePlans> out = new ArrayList<>();
        for (RunResult.CandidateResult c : candidates) {
            int ok = c.calls() - c.failedCalls();
            var price = catalog.find(c.model());
            if (price.isEmpty() || ok == 0) {
                out.add(new RunResult.CandidatePlans(c.id(), "", price.isEmpty() ? "no price for " + c.model()
                        : "no successful call to measure usage", List.of()));
                continue;
            }
            RunResult.Usage u = c.usage();
            ConsumptionPlans.MeanUsage usage = ConsumptionPlans.MeanUsage.of(new TokenUsage(u.inputTokens(),
                    u.outputTokens(), u.cacheReadInputTokens(), u.cacheWriteInputTokens()), ok);
            Optional<ConsumptionPlans.Provisioned> pt = suite.pricing().provisioned().stream()
                    .filter(p -> PriceCatalog.baseModelId(p.model()).equals(PriceCatalog.baseModelId(c.model())))
                    .findFirst().map(Decisions::provisioned);
            ConsumptionPlans.Serving serving = ConsumptionPlans.Serving.offered(
                    models.model(c.model()).flatMap(m -> m.dials().serviceTiers()), region, price.get())
                    .measured(c.latencyP95Ms(), measuredTier(c)).limit(limit);
            ConsumptionPlans.Result plans = ConsumptionPlans.of(price.get(), usage,
                    suite.traffic().requestsPerMonth(), pt, serving, Optional.ofNullable(measured.get(c.id())));
            List<RunResult.Plan> figures = new ArrayList<>();
            for (ConsumptionPlans.Plan p : plans.plans()) {
                Long units = null;
                Long breakEven = null;
                Long inTpm = null;
                Long outTpm = null;
                if (p instanceof ConsumptionPlans.ProvisionedThroughput t) {
                    units = t.units().isPresent() ? t.units().getAsLong() : null;
                    breakEven = t.breakEvenRequestsPerMonth().isPresent()
                            ? t.breakEvenRequestsPerMonth().getAsLong() : null;
                }
                if (p instanceof ConsumptionPlans.Reserved r) {
                    inTpm = r.inputTokensPerMinute().isPresent() ? r.inputTokensPerMinute().getAsLong() : null;
                    outTpm = r.outputTokensPerMinute().isPresent() ? r.outputTokensPerMinute().getAsLong() : null;
                }
                ConsumptionPlans.Latency l = p.latency();
                figures.add(new RunResult.Plan(ConsumptionPlans.name(p.kind()), p.monthly().usdOrNull(),
                        p.monthly() instanceof Cost.Unknown x ? x.reason() : "", units, breakEven, p.notes(),
                        l.p95Ms().isPresent() ? l.p95Ms().getAsDouble() : null,
                        l.words().isEmpty() ? null : l.words(), l.excluded().orElse(null), inTpm, outTpm));
            }
            out.add(new RunResult.CandidatePlans(c.id(),
                    plans.cheapest().map(p -> ConsumptionPlans.name(p.kind())).orElse(""), plans.summary(), figures));
        }
        return out;
    }

    /**
     * The wire name of the tier a candidate's latency was measured at: the tier that served most of its answered
     * calls when the answers said, else the one it asked for, else Standard.
     */
    static String measuredTier(RunResult.CandidateResult c) {
        if (c.settings().isEmpty()) {
            return CallSettings.ServiceTier.DEFAULT.wire();
        }
        RunResult.Settings s = c.settings().get();
        String tier = s.servedTiers().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(s.serviceTier());
        return CallSettings.ServiceTier.parse(tier).map(CallSettings.ServiceTier::wire)
                .orElse(CallSettings.ServiceTier.DEFAULT.wire());
    }

    private static ConsumptionPlans.Provisioned provisioned(ProvisionedSpec p) {
        return ConsumptionPlans.Provisioned.of(p.hourlyPerModelUnit(),
                new ConsumptionPlans.TokensPerMinute(p.tokensPerMinutePerUnit()));
    }
}
