package dev.frontier.run.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelId;
import dev.frontier.catalog.PromptRouting;
import dev.frontier.config.RoutingSpec;
import dev.frontier.config.ScorerSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.Item;
import dev.frontier.model.RunId;
import dev.frontier.model.Template;
import dev.frontier.model.TokenUsage;
import dev.frontier.results.RunResult;
import dev.frontier.route.Arm;
import dev.frontier.route.CascadeSpec;
import dev.frontier.route.Features;
import dev.frontier.route.Policy;
import dev.frontier.route.PolicyExport;
import dev.frontier.route.PolicyKind;
import dev.frontier.route.PolicyResult;
import dev.frontier.route.RouteVerdict;
import dev.frontier.route.Routing;
import dev.frontier.route.RoutingAnalysis;
import dev.frontier.route.RoutingData;
import dev.frontier.route.RoutingOptions;
import dev.frontier.route.Signal;
import dev.frontier.stats.Bootstrap;
import dev.frontier.store.CallSource;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routing analysed on a finished run's stored answers, without a model call: the run store's every call, score and
 * judge cost become the table {@link Routing} works on (quality, production cost and cheap signals per item and
 * candidate, prompt-only features per item), and its answer becomes the record's {@code routing} section with a
 * recommendation, the best policy as an artefact and the closest {@code CreatePromptRouter} request.
 */
public final class Routes {

    /** Scorer types that never look at a reference answer, so a cascade can use them while serving. */
    public static final Set<String> REFERENCE_FREE = Set.of("json-valid", "json-schema", "length");
    /** Scorer types that may or may not need a reference: usable when no parameter names an item field. */
    private static final Set<String> REFERENCE_FREE_IF_CONSTANT = Set.of("regex", "contains", "icontains");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Routes() {
    }

    /** The run cannot be analysed as asked (too few items for the folds, too few resamples for the family …). */
    public static final class NotAnalysable extends RuntimeException {
        NotAnalysable(String message) {
            super(message);
        }
    }

    /**
     * The section of a run whose routing could not be analysed: no policy, and why.
     *
     * @param reason what {@link NotAnalysable} said
     */
    public static RunResult.Routing notAnalysed(RunResult run, String reason) {
        String incumbent = run.candidates().stream().filter(RunResult.CandidateResult::incumbent)
                .map(RunResult.CandidateResult::id).findFirst().orElse("");
        return new RunResult.Routing("not analysed", incumbent, List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), "routing was not analysed: " + reason, Optional.empty(), Optional.empty(),
                List.of(reason));
    }

    /**
     * What the run store holds of a run that routing needs: every call (the record may embed only a sample), every
     * score, and what judging each answer cost.
     */
    public record Stored(List<RunStore.CallFigures> calls, Map<String, Map<String, Map<String, Double>>> scores,
                         Map<RunStore.JudgedAnswer, BigDecimal> judgeCosts) {

        /** Reads run {@code id} from {@code store}. */
        public static Stored read(RunStore store, RunId id) {
            return new Stored(store.callFigures(id), store.scores(id), store.judgeCosts(id));
        }
    }

    /**
     * The prompts the items were asked with, for prompt-only features; absent when the dataset or suite is no longer
     * what the run used.
     *
     * @param items   the run's items
     * @param fields  the item fields the suite's prompts fill in (never a reference answer)
     * @param scorers the suite's scorers, to tell which need no reference answer
     */
    public record Prompts(List<Item> items, Set<String> fields, List<ScorerSpec> scorers) {

        /** The fields of {@code templates}. */
        public static Set<String> fieldsOf(List<Template> templates) {
            Set<String> out = new TreeSet<>();
            templates.forEach(t -> out.addAll(t.fields()));
            return out;
        }
    }

    /**
     * Analyses {@code run}'s routing.
     *
     * @param run     the finished run's record (rules, candidates, scorers, decision, traffic)
     * @param spec    which policies to try
     * @param stored  its stored calls, scores and judge costs
     * @param prompts its prompts, when still available (features and signal choice); else only token features
     * @param prices  the run's Region's prices, for production cost of answers a batch job gave
     * @param catalog the model catalog, for the prompt-router request
     */
    public static RunResult.Routing analyse(RunResult run, RoutingSpec spec, Stored stored, Optional<Prompts> prompts,
                                            PriceCatalog prices, Catalog catalog) {
        List<String> notes = new ArrayList<>();
        List<RunResult.CandidateResult> candidates = run.candidates();
        String incumbent = candidates.stream().filter(RunResult.CandidateResult::incumbent)
                .map(RunResult.CandidateResult::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the run has no incumbent to route against"));
        Map<String, RunResult.CandidateResult> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.put(c.id(), c));

        Map<String, Map<String, RunStore.CallFigures>> calls = new LinkedHashMap<>();
        Set<String> itemIds = new TreeSet<>();
        for (RunStore.CallFigures c : stored.calls()) {
            if (byId.containsKey(c.candidateId())) {
                calls.computeIfAbsent(c.candidateId(), k -> new HashMap<>()).put(c.itemId(), c);
                itemIds.add(c.itemId());
            }
        }
        List<String> items = orderedItems(itemIds, prompts);
        Map<String, Map<String, Double>> quality = Recheck.quality(run.scorers(), stored.scores());

        List<String> signals = signals(spec, run.scorers(), prompts, notes);
        Map<String, String> scorerTypes = new HashMap<>();
        run.scorers().forEach(s -> scorerTypes.put(s.id(), s.type()));
        List<Arm> arms = new ArrayList<>();
        for (RunResult.CandidateResult c : candidates) {
            Map<String, RunStore.CallFigures> mine = calls.getOrDefault(c.id(), Map.of());
            Map<String, Double> q = quality.getOrDefault(c.id(), Map.of());
            Map<String, Map<String, Double>> scores = stored.scores().getOrDefault(c.id(), Map.of());
            double[] qualities = new double[items.size()];
            double[] costs = new double[items.size()];
            Map<String, double[]> values = new LinkedHashMap<>();
            Map<String, double[]> signalCosts = new LinkedHashMap<>();
            signals.forEach(s -> {
                values.put(s, new double[items.size()]);
                signalCosts.put(s, new double[items.size()]);
            });
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i);
                RunStore.CallFigures call = mine.get(item);
                Double v = q.get(item);
                qualities[i] = call == null || call.failed() || v == null ? Double.NaN : v;
                costs[i] = call == null ? Double.NaN : productionCost(call, prices);
                for (String s : signals) {
                    values.get(s)[i] = signalValue(s, call, scores.get(item));
                    if ("llm-judge".equals(scorerTypes.get(s))) {
                        BigDecimal judged = stored.judgeCosts().get(new RunStore.JudgedAnswer(s, c.id(), item));
                        signalCosts.get(s)[i] = judged == null ? Double.NaN : judged.doubleValue();
                    }
                }
            }
            Map<String, Signal> armSignals = new LinkedHashMap<>();
            signals.forEach(s -> armSignals.put(s, new Signal(s, values.get(s), signalCosts.get(s))));
            arms.add(new Arm(c.id(), c.model(), qualities, costs, armSignals));
        }
        Features features = features(items, calls.getOrDefault(incumbent, Map.of()), prompts, spec.features(),
                notes);

        RunResult.Rules rules = run.rules();
        RunResult.Provenance p = run.provenance();
        RoutingOptions options = new RoutingOptions(rules.margin(), rules.confidence(),
                p == null ? 2000 : p.bootstrapResamples(), p == null ? 42L : p.bootstrapSeed(),
                Bootstrap.Method.BCA, spec.folds(), spec.oracle(), true, spec.learned(),
                spec.cascades().stream().map(x -> new CascadeSpec(x.first(), x.then(), x.signal())).toList(),
                run.traffic());
        RoutingData data = new RoutingData(items, arms, incumbent, features);
        RoutingAnalysis analysis;
        try {
            analysis = Routing.analyse(data, options);
        } catch (IllegalArgumentException e) {
            throw new NotAnalysable(e.getMessage());
        }
        return section(run, analysis, data, signals, byId, catalog, notes);
    }

    private static RunResult.Routing section(RunResult run, RoutingAnalysis analysis, RoutingData data,
                                             List<String> signals, Map<String, RunResult.CandidateResult> byId,
                                             Catalog catalog, List<String> notes) {
        List<RunResult.RoutePolicy> policies = analysis.policies().stream().map(r -> policy(r, run.traffic()))
                .toList();
        Optional<PolicyResult> best = analysis.best().flatMap(id -> analysis.policies().stream()
                .filter(r -> r.id().equals(id)).findFirst());
        String recommendation = recommendation(run, analysis, best);
        // the artefact names each candidate's model, so that it can be deployed without the run's record
        Optional<String> artefact = best.map(b -> PolicyExport.json(b.policy(), data));
        Optional<String> router = best.flatMap(b -> promptRouter(run, b, byId, catalog));
        return new RunResult.Routing(analysis.method(), analysis.incumbent(), signals, data.features().names(),
                policies,
                analysis.frontier(), analysis.best(), recommendation, artefact, router, notes);
    }

    private static RunResult.RoutePolicy policy(PolicyResult r, long traffic) {
        BigDecimal per1k = money(r.costPerItem() * 1000);
        BigDecimal signal = money(r.signalCostPerItem() * 1000);
        BigDecimal monthly = per1k == null || traffic <= 0 ? null
                : per1k.multiply(BigDecimal.valueOf(traffic)).divide(THOUSAND, 2, RoundingMode.HALF_EVEN);
        return new RunResult.RoutePolicy(r.id(), r.kind().name().toLowerCase(Locale.ROOT), r.description(), r.share(),
                new RunResult.Estimate(r.quality(), r.qualityLower(), r.qualityUpper(), r.n()), per1k, signal,
                monthly, number(r.difference()), number(r.differenceLower()), number(r.differenceUpper()),
                number(r.pValue()), number(r.adjustedPValue()),
                r.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.n());
    }

    /**
     * One sentence: the best routing policy against the best single model (the run's recommendation), or why
     * routing does not beat it.
     */
    static String recommendation(RunResult run, RoutingAnalysis analysis, Optional<PolicyResult> best) {
        String single = run.decision().map(RunResult.Decision::recommendation).orElse(analysis.incumbent());
        Optional<PolicyResult> singlePoint = analysis.policies().stream().filter(r -> r.id().equals(single))
                .findFirst();
        double margin = run.rules().margin();
        if (best.isEmpty()) {
            String bound = analysis.policies().stream().filter(r -> r.kind() == PolicyKind.ORACLE).findFirst()
                    .filter(o -> singlePoint.isPresent() && o.costPerItem() < singlePoint.get().costPerItem())
                    .map(o -> String.format(Locale.ROOT, " (a perfect router, which no policy tried could approach "
                            + "with confidence, would cost %s per 1k requests against %s)",
                            usd(o.costPerItem() * 1000), usd(singlePoint.get().costPerItem() * 1000)))
                    .orElse("");
            return "routing does not beat " + single + " here: no routing policy tried is both non-inferior at "
                    + margin + " and cheaper than it" + bound;
        }
        PolicyResult b = best.get();
        List<Map.Entry<String, Double>> shares = new ArrayList<>(b.share().entrySet());
        shares.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        StringBuilder how = new StringBuilder();
        if (b.kind() == PolicyKind.CASCADE && b.policy() instanceof Policy.Cascade c) {
            how.append(String.format(Locale.ROOT, "call %s first and escalate to %s when %s says so (%s of "
                    + "traffic escalated)", c.first(), c.then(), c.signal(),
                    percent(b.share().getOrDefault(c.then(), 0.0))));
        } else if (shares.size() >= 2) {
            how.append(String.format(Locale.ROOT, "route %s of traffic to %s, the rest to %s",
                    percent(shares.get(0).getValue()), shares.get(0).getKey(), shares.get(1).getKey()));
        } else {
            how.append("route by ").append(b.id());
        }
        how.append(String.format(Locale.ROOT, ": non-inferior to %s at %s", analysis.incumbent(), margin));
        if (singlePoint.isPresent() && !Double.isNaN(singlePoint.get().costPerItem())) {
            double saved = (singlePoint.get().costPerItem() - b.costPerItem());
            if (run.traffic() > 0) {
                how.append(String.format(Locale.ROOT, ", saves %s/month more than the best single model (%s)",
                        usd(saved * run.traffic()), single));
            } else {
                how.append(String.format(Locale.ROOT, ", %s per 1k requests cheaper than the best single model (%s)",
                        usd(saved * 1000), single));
            }
        }
        return how.toString();
    }

    /**
     * The {@code CreatePromptRouter} request closest to a two-model policy: Bedrock's router routes between two models
     * of one family, answering with the fallback unless the other is predicted good enough, by a quality difference
     * in percent. The suite's margin is taken as that difference relative to the stronger model's mean quality.
     * Empty when the policy's two models are not routable together in the run's Region.
     */
    static Optional<String> promptRouter(RunResult run, PolicyResult best, Map<String, RunResult.CandidateResult> byId,
                                         Catalog catalog) {
        List<String> used = best.share().entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .toList();
        if (used.size() != PromptRouting.MODELS_PER_ROUTER || !used.stream().allMatch(byId::containsKey)) {
            return Optional.empty();
        }
        String region = Recheck.regionOf(run);
        List<String> models = used.stream().map(id -> ModelId.parse(byId.get(id).model()).baseId()).toList();
        PromptRouting routing = catalog.promptRouting();
        Optional<PromptRouting.Family> family = routing.familyOf(models.get(0));
        if (family.isEmpty() || !family.get().models().contains(models.get(1))
                || !family.get().regions().contains(region)) {
            return Optional.empty();
        }
        RunResult.CandidateResult a = byId.get(used.get(0));
        RunResult.CandidateResult b = byId.get(used.get(1));
        double qa = a.quality().map(RunResult.Estimate::mean).orElse(0.0);
        double qb = b.quality().map(RunResult.Estimate::mean).orElse(0.0);
        RunResult.CandidateResult stronger = qa >= qb ? a : b;
        double strongerQuality = Math.max(qa, qb);
        double difference = strongerQuality > 0 ? Math.min(100, 100 * run.rules().margin() / strongerQuality) : 0;
        ObjectNode request = JSON.createObjectNode();
        request.put("promptRouterName", (run.suite() + "-router").replaceAll("[^0-9A-Za-z_-]", "-"));
        ArrayNode list = request.putArray("models");
        for (String m : models) {
            list.addObject().put("modelArn", "arn:aws:bedrock:" + region + "::foundation-model/" + m);
        }
        request.putObject("fallbackModel").put("modelArn", "arn:aws:bedrock:" + region + "::foundation-model/"
                + ModelId.parse(stronger.model()).baseId());
        request.putObject("routingCriteria").put("responseQualityDifference",
                Math.round(difference * 100) / 100.0);
        request.put("description", "closest to frontier's " + best.id() + " for suite " + run.suite());
        try {
            return Optional.of(JSON.writeValueAsString(request));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a CreatePromptRouter request", e);
        }
    }

    private static List<String> orderedItems(Set<String> itemIds, Optional<Prompts> prompts) {
        if (prompts.isEmpty()) {
            return List.copyOf(itemIds);
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Item item : prompts.get().items()) {
            if (itemIds.contains(item.id()) && seen.add(item.id())) {
                out.add(item.id());
            }
        }
        itemIds.stream().filter(id -> !seen.contains(id)).forEach(out::add);
        return out;
    }

    private static List<String> signals(RoutingSpec spec, List<RunResult.ScorerInfo> scorers,
                                        Optional<Prompts> prompts, List<String> notes) {
        if (!spec.signals().isEmpty()) {
            return spec.signals();
        }
        List<String> out = new ArrayList<>(List.of(RoutingSpec.OUTPUT_TOKENS, RoutingSpec.STOP_REASON));
        Map<String, ScorerSpec> specs = new HashMap<>();
        prompts.ifPresent(pr -> pr.scorers().forEach(s -> specs.put(s.id(), s)));
        for (RunResult.ScorerInfo s : scorers) {
            if (REFERENCE_FREE.contains(s.type())) {
                out.add(s.id());
            } else if (REFERENCE_FREE_IF_CONSTANT.contains(s.type()) && specs.containsKey(s.id())
                    && specs.get(s.id()).params().values().stream().noneMatch(v -> String.valueOf(v).contains("{{"))) {
                out.add(s.id());
            }
        }
        notes.add("signals: the answer's output tokens and stop reason, and the scorers that need no reference answer"
                + " (" + (out.size() > 2 ? String.join(", ", out.subList(2, out.size())) : "none here") + "); a judge"
                + " can be one when the suite names it in routing.signals");
        return out;
    }

    private static double signalValue(String signal, RunStore.CallFigures call, Map<String, Double> scores) {
        if (call == null || call.failed()) {
            return Double.NaN;
        }
        if (signal.equals(RoutingSpec.OUTPUT_TOKENS)) {
            return call.outputTokens();
        }
        if (signal.equals(RoutingSpec.STOP_REASON)) {
            return "max_tokens".equals(call.stopReason()) ? 1 : 0;
        }
        Double v = scores == null ? null : scores.get(signal);
        return v == null ? Double.NaN : v;
    }

    /** What the answer costs in production: on demand, even when the run got it from a batch job at half price. */
    private static double productionCost(RunStore.CallFigures call, PriceCatalog prices) {
        if (call.failed()) {
            return 0;
        }
        if (call.source() == CallSource.BATCH) {
            Optional<ModelPrice> price = prices.find(call.modelId());
            if (price.isEmpty()) {
                return Double.NaN;
            }
            BigDecimal usd = price.get().cost(new TokenUsage(call.inputTokens(), call.outputTokens(), 0, 0),
                    ModelPrice.Mode.ON_DEMAND).usdOrNull();
            return usd == null ? Double.NaN : usd.doubleValue();
        }
        return call.costUsd() == null ? Double.NaN : call.costUsd().doubleValue();
    }

    /**
     * Prompt-only features per item: the incumbent's input tokens (what CountTokens says before a call), where the
     * prompts are known each prompt field's characters, words, question marks and digits, and the suite's own
     * feature fields ({@code routing.features}: a number, or a JSON array of numbers such as an embedding, expanded
     * to one feature per element). Reference answers and labels are never features: the prompt's fields only, and
     * preparation refuses a feature field a scorer compares against.
     */
    private static Features features(List<String> items, Map<String, RunStore.CallFigures> incumbent,
                                     Optional<Prompts> prompts, List<String> extra, List<String> notes) {
        List<String> names = new ArrayList<>(List.of("inputTokens"));
        List<String> fields = prompts.map(p -> List.copyOf(p.fields())).orElse(List.of());
        for (String f : fields) {
            names.addAll(List.of(f + ".chars", f + ".words", f + ".questions", f + ".digits"));
        }
        Map<String, Item> byId = new HashMap<>();
        prompts.ifPresent(p -> p.items().forEach(i -> byId.put(i.id(), i)));
        List<double[][]> extraColumns = new ArrayList<>();
        for (String f : extra) {
            if (prompts.isEmpty()) {
                notes.add("feature field '" + f + "' not used: the dataset the run read is no longer there unchanged");
                continue;
            }
            Optional<double[][]> column = numericField(f, items, byId, notes);
            column.ifPresent(c -> {
                extraColumns.add(c);
                int width = c.length == 0 ? 0 : c[0].length;
                for (int k = 0; k < width; k++) {
                    names.add(width == 1 ? f : f + "[" + k + "]");
                }
            });
        }
        double[][] rows = new double[items.size()][names.size()];
        for (int i = 0; i < items.size(); i++) {
            RunStore.CallFigures call = incumbent.get(items.get(i));
            rows[i][0] = call == null ? 0 : call.inputTokens();
            Item item = byId.get(items.get(i));
            int col = 1;
            for (String f : fields) {
                String text = item == null ? "" : item.field(f).orElse("");
                rows[i][col++] = text.length();
                rows[i][col++] = text.isBlank() ? 0 : text.trim().split("\\s+").length;
                rows[i][col++] = text.chars().filter(ch -> ch == '?').count();
                rows[i][col++] = text.chars().filter(Character::isDigit).count();
            }
            for (double[][] c : extraColumns) {
                for (double v : c[i]) {
                    rows[i][col++] = v;
                }
            }
        }
        if (prompts.isEmpty()) {
            notes.add("features: input tokens only (the suite or dataset the run used is no longer there unchanged, "
                    + "so the prompt fields could not be read)");
        }
        return new Features(names, rows);
    }

    /**
     * A feature field's values per item: one number, or a JSON array of numbers of one length for every item; a
     * missing or unreadable value is NaN (the router then uses the training mean). Empty, with a note, when the
     * field is neither.
     */
    private static Optional<double[][]> numericField(String field, List<String> items, Map<String, Item> byId,
                                                     List<String> notes) {
        double[][] out = new double[items.size()][];
        int width = -1;
        int missing = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = byId.get(items.get(i));
            String text = item == null ? "" : item.field(field).orElse("").trim();
            double[] values;
            if (text.isEmpty()) {
                values = null;
            } else if (text.startsWith("[")) {
                try {
                    JsonNode array = JSON.readTree(text);
                    values = new double[array.size()];
                    for (int k = 0; k < array.size(); k++) {
                        if (!array.get(k).isNumber()) {
                            notes.add("feature field '" + field + "' not used: item " + items.get(i) + " has a "
                                    + "non-number in its array");
                            return Optional.empty();
                        }
                        values[k] = array.get(k).asDouble();
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    notes.add("feature field '" + field + "' not used: item " + items.get(i) + " is not a JSON array");
                    return Optional.empty();
                }
            } else {
                try {
                    values = new double[] {Double.parseDouble(text)};
                } catch (NumberFormatException e) {
                    notes.add("feature field '" + field + "' not used: item " + items.get(i) + " has '"
                            + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "', not a number");
                    return Optional.empty();
                }
            }
            if (values != null) {
                if (width >= 0 && values.length != width) {
                    notes.add("feature field '" + field + "' not used: its arrays differ in length (" + width
                            + " and " + values.length + ")");
                    return Optional.empty();
                }
                width = values.length;
            } else {
                missing++;
            }
            out[i] = values;
        }
        if (width <= 0) {
            notes.add("feature field '" + field + "' not used: no item has a value");
            return Optional.empty();
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = new double[width];
                java.util.Arrays.fill(out[i], Double.NaN);
            }
        }
        if (missing > 0) {
            notes.add("feature field '" + field + "': " + missing + " items without a value (the training mean is "
                    + "used for them)");
        }
        return Optional.of(out);
    }

    private static BigDecimal money(double usd) {
        return Double.isFinite(usd) ? BigDecimal.valueOf(usd).setScale(6, RoundingMode.HALF_EVEN) : null;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, "$%,.2f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
}
