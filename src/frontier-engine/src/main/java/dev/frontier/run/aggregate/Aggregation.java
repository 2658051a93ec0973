package dev.frontier.run.aggregate;

import dev.frontier.catalog.Catalog;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.GateSpec;
import dev.frontier.config.PromptSpec;
import dev.frontier.config.SelectionSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.model.CallResult;
import dev.frontier.model.CallSettings;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.model.TokenUsage;
import dev.frontier.score.CorpusScorer;
import dev.frontier.score.JudgeScorer;
import dev.frontier.run.execute.ExecutionModes;
import dev.frontier.run.flow.Answer;
import dev.frontier.run.flow.AnswerTable;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.prepare.ItemSampling;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.Requests;
import dev.frontier.run.review.Review;
import dev.frontier.run.review.ReviewPhase;
import dev.frontier.select.ParetoFrontier;
import dev.frontier.select.Sequential;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Interval;
import dev.frontier.stats.Percentiles;
import dev.frontier.results.AnswerSource;
import dev.frontier.results.GateKind;
import dev.frontier.results.RunResult;
import dev.frontier.results.RunStatus;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the per-item answers of a run into its figures: the aggregation stage of a run. */
public final class Aggregation {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Aggregation() {
    }

    /** The run's record from its answers, what its judges did and how its candidates ran. */
    public static RunResult aggregate(PreparedSuite p, RunId id, RunContext context, RunStatus status,
                                      String startedAt, String finishedAt, AnswerTable answers,
                                      Counters counters, ReviewPhase.Tally judges,
                               Map<String, ExecutionModes.Choice> modes, RunStore.PossiblyBilled possiblyBilled) {
        return aggregate(p, id, context, status, startedAt, finishedAt, answers, counters, judges, modes,
                possiblyBilled, Map.of());
    }

    /**
     * The record of a run whose candidates' non-inferiority was decided by the looks of a sequential run: {@code
     * readings} say what each look decided (see {@link SequentialLooks}); every other figure is computed as usual
     * on the items each candidate answered.
     */
    public static RunResult aggregate(PreparedSuite p, RunId id, RunContext context, RunStatus status,
                                      String startedAt, String finishedAt, AnswerTable answers,
                                      Counters counters, ReviewPhase.Tally judges,
                                      Map<String, ExecutionModes.Choice> modes, RunStore.PossiblyBilled possiblyBilled,
                                      Map<String, Sequential.Reading> readings) {
        SuiteSpec suite = p.suite();
        Bootstrap bootstrap = new Bootstrap(suite.statistics().resamples(), suite.statistics().seed(),
                suite.statistics().confidence());
        List<Item> items = p.dataset().items();
        CandidateSpec defaults = suite.candidates().get(0);

        int every = ItemSampling.every(items.size());
        List<RunResult.ItemResult> itemResults = new ArrayList<>(Math.min(items.size(), ItemSampling.EMBEDDED));
        // the decision pairs every item; only the embedded list is sampled
        Map<String, Map<String, Double>> qualityByItem = new LinkedHashMap<>();
        for (CandidateSpec c : suite.candidates()) {
            Map<String, Answer> byItem = answers.of(c.id());
            for (Item item : items) {
                Answer a = byItem.get(item.id());
                Optional<Double> q = a == null ? Optional.empty() : quality(p, a.scores());
                q.ifPresent(v -> qualityByItem.computeIfAbsent(c.id(), k -> new LinkedHashMap<>()).put(item.id(), v));
            }
        }
        for (int index = 0; index < items.size(); index++) {
            if (!ItemSampling.embedded(index, every)) {
                continue;
            }
            Item item = items.get(index);
            Map<String, RunResult.ItemOutput> outputs = new LinkedHashMap<>();
            for (CandidateSpec c : suite.candidates()) {
                answers.find(c.id(), item.id()).ifPresent(a -> outputs.put(c.id(), itemOutput(p, a)));
            }
            Map<String, String> slices = new LinkedHashMap<>();
            suite.slices().forEach(s -> item.field(s.field()).ifPresent(v -> slices.put(s.field(), v)));
            itemResults.add(new RunResult.ItemResult(item.id(), p.split().isHoldout(item),
                    Requests.of(defaults, item).user(), outputs, slices));
        }

        List<RunResult.CandidateResult> partial = new ArrayList<>();
        Cost spend = Cost.ZERO;
        int paid = 0;
        int cached = 0;
        int resumed = 0;
        int failed = 0;
        int answered = 0;
        int unanswered = 0;
        for (CandidateSpec c : suite.candidates()) {
            Map<String, Answer> byItem = answers.of(c.id());
            partial.add(candidate(p, c, items, byItem, bootstrap, modes.get(c.id())));
            for (Answer a : byItem.values()) {
                answered++;
                spend = spend.plus(a.paid());
                switch (a.source()) {
                    case CALLED -> paid++;
                    case CACHED -> cached++;
                    case RESUMED_CALLED -> {
                        paid++;
                        resumed++;
                    }
                    case RESUMED_CACHED -> resumed++;
                    case BATCH -> paid++;
                    case RESUMED_BATCH -> {
                        paid++;
                        resumed++;
                    }
                }
                if (a.failed()) {
                    failed++;
                    if (a.unanswered()) {
                        unanswered++;
                    }
                }
            }
        }
        int planned = suite.candidates().size() * items.size();
        RunResult.Calls calls = new RunResult.Calls(answered, paid, cached, counters.cacheMisses(), resumed, failed,
                planned - answered, counters.attempts(), counters.retries(), counters.throttles(), unanswered);

        List<ParetoFrontier.Point> points = new ArrayList<>();
        for (RunResult.CandidateResult c : partial) {
            if (c.costPer1k().isPresent() && c.quality().isPresent()) {
                points.add(new ParetoFrontier.Point(c.id(), c.costPer1k().get().doubleValue(),
                        c.quality().get().mean()));
            }
        }
        List<String> frontier = ParetoFrontier.of(points);
        List<RunResult.CandidateResult> candidates = PromptSavings.with(p, answers, qualityByItem, partial.stream()
                .map(c -> c.toBuilder().onFrontier(frontier.contains(c.id())).build()).toList());

        Decisions.Outcome decided = Decisions.decide(Decisions.Basis.of(suite), Decisions.SliceBasis.of(suite, items),
                candidates, qualityByItem, readings);
        List<RunResult.ScorerInfo> scorers = p.scorers().stream().map(s -> new RunResult.ScorerInfo(s.spec().id(),
                s.spec().type(), s.spec().weight(), s.binary())).toList();
        int holdout = (int) items.stream().filter(p.split()::isHoldout).count();
        RunResult.Provenance provenance = new RunResult.Provenance(context.toolVersion(), suite.file().toString(),
                suite.sha256(), p.dataset().path().toString(), p.dataset().sha256(), items.size(), holdout,
                suite.dataset().holdout(), suite.dataset().seed(), p.catalog().name(), p.catalog().version(),
                p.catalog().date(), suite.statistics().resamples(), suite.statistics().seed(),
                suite.statistics().confidence(), context.endpoint(), context.region(), startedAt, finishedAt);
        // a suite without judges has no judging part, even when its human labels were looked up
        Optional<RunResult.Judging> judging = p.scorers().stream().anyMatch(s -> s.scorer() instanceof JudgeScorer)
                ? Optional.of(judges.record()) : Optional.empty();
        spend = spend.plus(judges.spend());
        RunResult.Spend evalSpend = new RunResult.Spend(spend.usdOrNull(),
                spend instanceof Cost.Unknown u ? u.reason() : "", paid + judges.paid(), possiblyBilled.calls(),
                possiblyBilled.worstCase(), possiblyBilled.cutOff());
        Optional<TrafficReplay> replay = p.traffic().map(t -> TrafficReplay.of(suite, t,
                Catalog.bundled(), candidates));
        return RunResult.builder().runId(id.value()).suite(suite.name()).description(suite.description())
                .status(status)
                // imported outputs are real whatever the endpoint: a run that calls nothing is not simulated
                .simulated(context.simulated() && !p.callsNoModel()).provenance(provenance)
                .traffic(suite.traffic().requestsPerMonth()).scorers(scorers).rules(rules(suite))
                .candidates(candidates).pareto(frontier).decision(decided.decision()).slices(decided.slices())
                .plans(Decisions.plans(suite, p.catalog(), candidates,
                        replay.map(TrafficReplay::byCandidate).orElse(Map.of())))
                .trafficSource(replay.map(TrafficReplay::section)).evalSpend(evalSpend).calls(calls)
                .items(itemResults).judging(judging).humanLabels(Review.labelSets(p))
                .calibration(Review.calibration(p, itemResults)).pairwise(Review.pairwise(p, itemResults))
                .itemSample(every == 1 ? Optional.empty() : Optional.of(new RunResult.ItemSample(items.size(),
                        itemResults.size(), every, "a sample of " + itemResults.size() + " of the "
                        + items.size() + " items (every " + every + "th in dataset order) is listed; every figure "
                        + "uses all items, and all outputs are in the run store")))
                .build();
    }

    static RunResult.CandidateResult candidate(PreparedSuite p, CandidateSpec c, List<Item> items,
                                                       Map<String, Answer> byItem, Bootstrap bootstrap,
                                                       ExecutionModes.Choice mode) {
        List<Double> qualities = new ArrayList<>();
        Map<String, List<Double>> perScorer = new LinkedHashMap<>();
        p.scorers().forEach(s -> perScorer.put(s.spec().id(), new ArrayList<>()));
        List<Double> latencies = new ArrayList<>();
        TokenUsage usage = TokenUsage.ZERO;
        Cost production = Cost.ZERO;
        Cost spend = Cost.ZERO;
        int ok = 0;
        int failed = 0;
        List<String> outputs = new ArrayList<>();
        List<Item> scoredItems = new ArrayList<>();
        for (Item item : items) {
            Answer a = byItem.get(item.id());
            if (a == null) {
                continue;
            }
            spend = spend.plus(a.paid());
            if (a.result() instanceof CallResult.Completion done) {
                ok++;
                usage = usage.plus(done.usage());
                boolean batch = a.source().batch();
                // production cost is what the candidate costs on demand, however the eval was run
                production = production.plus(batch ? p.catalog().forCall(c.model(), Requests.settings(c), done)
                        .map(x -> x.cost(done.usage(), ModelPrice.Mode.ON_DEMAND))
                        .orElseGet(() -> new Cost.Unknown("no price for " + c.model())) : a.cost());
                // batch answers carry no latency, and imported outputs may come without one
                if (!batch && done.latencyMs() > 0) {
                    latencies.add((double) done.latencyMs());
                }
                outputs.add(done.text());
                scoredItems.add(item);
            } else {
                failed++;
            }
            for (Map.Entry<String, Score> e : a.scores().entrySet()) {
                if (e.getValue() instanceof Score.Value v) {
                    perScorer.get(e.getKey()).add(v.value());
                }
            }
            quality(p, a.scores()).ifPresent(qualities::add);
        }
        Map<String, RunResult.Estimate> scores = new LinkedHashMap<>();
        perScorer.forEach((k, v) -> estimate(bootstrap, v).ifPresent(e -> scores.put(k, e)));
        Map<String, Double> corpus = new LinkedHashMap<>();
        for (PreparedSuite.BoundScorer s : p.scorers()) {
            if (s.scorer() instanceof CorpusScorer corpusScorer && !outputs.isEmpty()
                    && corpusScorer.corpus(outputs, scoredItems) instanceof Score.Value v) {
                corpus.put(s.spec().id(), v.value());
            }
        }

        BigDecimal per1k = null;
        BigDecimal monthly = null;
        String unknown = "";
        if (ok == 0) {
            unknown = "no successful call to measure usage";
        } else if (production instanceof Cost.Known k) {
            per1k = k.usd().multiply(THOUSAND).divide(BigDecimal.valueOf(ok), 6, RoundingMode.HALF_EVEN);
            if (p.suite().traffic().requestsPerMonth() > 0) {
                monthly = per1k.multiply(BigDecimal.valueOf(p.suite().traffic().requestsPerMonth()))
                        .divide(THOUSAND, 2, RoundingMode.HALF_EVEN);
            }
        } else {
            unknown = ((Cost.Unknown) production).reason();
        }
        double[] lat = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        long totalInput = usage.totalInputTokens();
        String name = p.catalog().find(c.model()).map(ModelPrice::name).orElse(c.model());
        CandidateSpec defaults = p.suite().candidates().get(0);
        // the prompt's text and checkpoint, not the checkpoint's TTL (a request setting)
        boolean variant = !new PromptSpec(c.prompt().system(), c.prompt().user(), c.prompt().cache()).equals(
                new PromptSpec(defaults.prompt().system(), defaults.prompt().user(), defaults.prompt().cache()))
                && !c.id().equals(defaults.id());
        return RunResult.CandidateResult.builder().id(c.id()).model(c.model()).modelName(name)
                .incumbent(c.incumbent()).promptVariant(variant).calls(ok + failed).failedCalls(failed)
                .quality(estimate(bootstrap, qualities)).scores(scores).corpusMetrics(corpus)
                .usage(new RunResult.Usage(usage.inputTokens(), usage.outputTokens(), usage.cacheReadInputTokens(),
                        usage.cacheWriteInputTokens()))
                .meanInputTokens(ok == 0 ? 0 : (double) totalInput / ok)
                .meanOutputTokens(ok == 0 ? 0 : (double) usage.outputTokens() / ok)
                .cacheReadShare(totalInput == 0 ? 0 : (double) usage.cacheReadInputTokens() / totalInput)
                .costPer1k(Optional.ofNullable(per1k)).monthlyCost(Optional.ofNullable(monthly)).costUnknown(unknown)
                .evalSpend(Optional.ofNullable(spend.usdOrNull()))
                .latencyP50Ms(Percentiles.of(lat, 50)).latencyP95Ms(Percentiles.of(lat, 95))
                .mode(mode == null ? AnswerSource.ON_DEMAND : mode.mode())
                .modeReason(mode == null ? "" : mode.reason()).promptCache(Requests.promptCache(c))
                .servedBy(servedBy(byItem.values()))
                .settings(settings(c, byItem.values()))
                .build();
    }

    static RunResult.Rules rules(SuiteSpec suite) {
        String fallback = suite.incumbent().map(CandidateSpec::id).orElse(suite.candidates().get(0).id());
        List<RunResult.Gate> gates = new ArrayList<>();
        for (GateSpec g : suite.gates()) {
            String candidate = g.candidate().orElse(fallback);
            String what = g.metric().equals("score") ? g.scorer().orElse("?") : g.metric();
            String name;
            if (g.kind() == GateSpec.Kind.THRESHOLD) {
                name = what + (g.min().isPresent() ? " >= " + num(g.min().getAsDouble()) : "")
                        + (g.min().isPresent() && g.max().isPresent() ? " and" : "")
                        + (g.max().isPresent() ? " <= " + num(g.max().getAsDouble()) : "");
            } else {
                name = what + (g.maxDrop().isPresent() ? " drops at most " + num(g.maxDrop().getAsDouble())
                        : " rises at most " + num(g.maxIncrease().getAsDouble() * 100) + "%") + " vs baseline";
            }
            gates.add(new RunResult.Gate(name + " (" + candidate + ")",
                    g.kind() == GateSpec.Kind.THRESHOLD ? GateKind.THRESHOLD : GateKind.REGRESSION, g.metric(),
                    g.scorer().orElse(null), candidate, box(g.min()), box(g.max()), box(g.maxDrop()),
                    box(g.maxIncrease())));
        }
        SelectionSpec sel = suite.selection();
        return new RunResult.Rules(sel.margin(), sel.confidence(),
                sel.maxLatencyP95Ms().isPresent() ? sel.maxLatencyP95Ms().getAsLong() : null, sel.minScores(), gates);
    }

    private static Double box(java.util.OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The weighted mean of the weighted scorers that produced a value; empty when none did. */
    static Optional<Double> quality(PreparedSuite p, Map<String, Score> scores) {
        double sum = 0;
        double weights = 0;
        for (PreparedSuite.BoundScorer s : p.scorers()) {
            double w = s.spec().weight();
            if (w > 0 && scores.get(s.spec().id()) instanceof Score.Value v) {
                sum += w * v.value();
                weights += w;
            }
        }
        return weights == 0 ? Optional.empty() : Optional.of(Math.min(1.0, sum / weights));
    }

    private static Optional<RunResult.Estimate> estimate(Bootstrap bootstrap, List<Double> values) {
        Optional<Interval> i = bootstrap.mean(values.stream().mapToDouble(Double::doubleValue).toArray());
        return i.map(x -> new RunResult.Estimate(x.estimate(), x.lower(), x.upper(), x.n()));
    }

    /**
     * The model a router's answer names, as a model id: the resource of the foundation-model or inference-profile
     * ARN Converse reports ({@code amazon.nova-lite-v1:0}, {@code us.amazon.nova-lite-v1:0}).
     */
    static String servedModel(String invokedModelId) {
        int slash = invokedModelId.lastIndexOf('/');
        return slash < 0 ? invokedModelId : invokedModelId.substring(slash + 1);
    }

    /** For a router candidate, the share of its answered items each model served, largest first; else empty. */
    /**
     * A candidate's request settings with the tiers and latency its answers said served them; empty for a candidate
     * that sent Bedrock's defaults.
     */
    static Optional<RunResult.Settings> settings(CandidateSpec c, Collection<Answer> answers) {
        CallSettings s = c.isImported() ? CallSettings.NONE : Requests.settings(c);
        if (s.isDefault()) {
            return Optional.empty();
        }
        Map<String, Integer> tiers = new java.util.TreeMap<>();
        int reported = 0;
        int optimized = 0;
        int latencyReported = 0;
        for (Answer a : answers) {
            if (a.result() instanceof CallResult.Completion done) {
                if (!done.serviceTier().isEmpty()) {
                    reported++;
                    tiers.merge(CallSettings.ServiceTier.parse(done.serviceTier())
                            .map(CallSettings.ServiceTier::label).orElse(done.serviceTier()), 1, Integer::sum);
                }
                if (!done.performance().isEmpty()) {
                    latencyReported++;
                    optimized += done.performance().equals("optimized") ? 1 : 0;
                }
            }
        }
        Map<String, Double> served = new LinkedHashMap<>();
        int total = reported;
        tiers.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> served.put(e.getKey(), (double) e.getValue() / total));
        Double servedOptimized = s.latencyOptimized() && latencyReported > 0
                ? (double) optimized / latencyReported : null;
        return Optional.of(new RunResult.Settings(s.tier().label(), s.latencyOptimized(),
                s.reasoning().map(CallSettings.Reasoning::describe).orElse(""), s.cacheTtl().orElse(""),
                s.describe(), served, servedOptimized));
    }

    static Map<String, Double> servedBy(Collection<Answer> answers) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        int answered = 0;
        for (Answer a : answers) {
            if (a.result() instanceof CallResult.Completion c) {
                answered++;
                if (c.routed()) {
                    counts.merge(servedModel(c.invokedModelId()), 1, Integer::sum);
                }
            }
        }
        if (counts.isEmpty()) {
            return Map.of();
        }
        int total = answered;
        Map<String, Double> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), (double) e.getValue() / total));
        return out;
    }

    private static RunResult.ItemOutput itemOutput(PreparedSuite p, Answer a) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Map.Entry<String, Score> e : a.scores().entrySet()) {
            if (e.getValue() instanceof Score.Value v) {
                values.put(e.getKey(), v.value());
                if (!v.note().isEmpty()) {
                    notes.put(e.getKey(), v.note());
                }
            } else {
                values.put(e.getKey(), null);
                notes.put(e.getKey(), ((Score.Failed) e.getValue()).reason());
            }
        }
        Double q = quality(p, a.scores()).orElse(null);
        if (a.result() instanceof CallResult.Completion c) {
            TokenUsage u = c.usage();
            return new RunResult.ItemOutput(c.text(), c.stopReason(), "", new RunResult.Usage(u.inputTokens(),
                    u.outputTokens(), u.cacheReadInputTokens(), u.cacheWriteInputTokens()), c.latencyMs(),
                    a.cost().usdOrNull(), q, values, notes, c.routed() ? servedModel(c.invokedModelId()) : null);
        }
        CallResult.Failure f = (CallResult.Failure) a.result();
        return new RunResult.ItemOutput("", "", f.errorCode() + ": " + f.message(), new RunResult.Usage(0, 0, 0, 0),
                0, a.cost().usdOrNull(), q, values, notes);
    }
}
