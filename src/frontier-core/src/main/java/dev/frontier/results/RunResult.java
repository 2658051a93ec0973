package dev.frontier.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything a run found, as written to {@code results.json} (schema {@value #SCHEMA}). Money is in USD.
 * Reports, gates and re-renders read only this.
 *
 * <p>Unknowns are explicit: a section or figure that may be missing is an {@link Optional} (an {@link OptionalDouble}
 * for a plain number), empty when unknown or absent; an unknown amount comes with its reason. In
 * {@code results.json} an empty one is {@code null}, as it was when these members were nullable, and a missing member
 * reads as empty. The templates see the present value or nothing ({@code ??}), because the report's object wrapper
 * unwraps optionals at the template edge. Nested statistical records (verdict numbers, agreement measures, plan and
 * distillation amounts) still hold a boxed number that is null where it is undefined.
 *
 * <p>Build one with {@link #builder()} (or {@link #toBuilder()} to change one); the closed words are enums
 * ({@link RunStatus}, {@link AnswerSource}, {@link VerdictStatus}) written as the same words as before.
 *
 * @param schema      always {@value #SCHEMA}
 * @param runId       the run id
 * @param suite       suite name
 * @param description suite description
 * @param status      how the run ended
 * @param simulated   whether the models were the sandbox's simulations
 * @param provenance  hashes, versions, seeds and times needed to reproduce the run
 * @param traffic     production requests per month used for monthly figures
 * @param scorers     the scorers, in suite order
 * @param rules       the suite's selection rules and gates, so that a gate can be checked from this record alone
 * @param candidates  per-candidate figures, in suite order
 * @param pareto      ids on the cost-vs-quality frontier, by ascending cost
 * @param decision    the statistical recommendation; empty when the suite has no incumbent to compare with
 * @param plans       consumption plans per candidate at the suite's traffic
 * @param evalSpend   what the run paid
 * @param calls       how the answers were obtained: paid calls, cache hits, resumed, retries, throttles
 * @param items       per-item outputs and scores (a sample of them in large runs, see {@code itemSample})
 * @param judging     what the judges cost and did; empty when the suite has no llm-judge (and in older records)
 * @param humanLabels the human-label sets and their inter-annotator agreement; empty when none
 * @param calibration agreement of scorers with human labels; empty when none
 * @param pairwise    win rates against the baseline from pairwise judges and preference labels; empty when none
 * @param parentRunId the run whose stored outputs this run re-scored, empty for a run that called its candidates
 * @param distillation the custom-model decision, job and serving resource when the run evaluated one; else empty
 * @param itemSample  which items {@code items} holds when it does not hold them all; empty when it does
 * @param routing     routing policies analysed on the run's answers (no model call); empty when not analysed
 * @param slices      the comparison with the incumbent per slice of the items ({@code slices:} in the suite); empty,
 *                    and absent from the file, when the suite declares none
 * @param sequential  the looks of a sequential run ({@code execution.sequential}): when each candidate was decided and
 *                    the calls that saved; empty, and absent from the file, for a run that called every item
 * @param trafficSource where {@code traffic} came from when the suite names a traffic profile, and the cache hit
 *                    rates replayed on its arrivals; empty, and absent from the file, for a suite that gives
 *                    {@code traffic.requestsPerMonth} (named {@code trafficSource} because {@code traffic} is the
 *                    figure itself in every record)
 */
public record RunResult(String schema, String runId, String suite, String description, RunStatus status,
                        boolean simulated, Provenance provenance, long traffic, List<ScorerInfo> scorers,
                        Rules rules, List<CandidateResult> candidates, List<String> pareto,
                        Optional<Decision> decision, List<CandidatePlans> plans, Spend evalSpend, Calls calls,
                        List<ItemResult> items, Optional<Judging> judging, List<HumanLabelSet> humanLabels,
                        List<Calibration> calibration, List<Pairwise> pairwise, Optional<String> parentRunId,
                        Optional<Distillation> distillation, Optional<ItemSample> itemSample,
                        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Routing> routing,
                        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<SliceResults> slices,
                        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<SequentialRun> sequential,
                        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<TrafficSource> trafficSource) {

    /** Sections missing from older records read as empty. */
    public RunResult {
        decision = decision == null ? Optional.empty() : decision;
        judging = judging == null ? Optional.empty() : judging;
        humanLabels = humanLabels == null ? List.of() : List.copyOf(humanLabels);
        calibration = calibration == null ? List.of() : List.copyOf(calibration);
        pairwise = pairwise == null ? List.of() : List.copyOf(pairwise);
        parentRunId = parentRunId == null ? Optional.empty() : parentRunId;
        distillation = distillation == null ? Optional.empty() : distillation;
        itemSample = itemSample == null ? Optional.empty() : itemSample;
        routing = routing == null ? Optional.empty() : routing;
        slices = slices == null ? Optional.empty() : slices;
        sequential = sequential == null ? Optional.empty() : sequential;
        trafficSource = trafficSource == null ? Optional.empty() : trafficSource;
    }

    /** A record to fill in; {@link #SCHEMA} is set, the lists are empty and the optional sections absent. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this record. */
    public Builder toBuilder() {
        return new Builder().runId(runId).suite(suite).description(description).status(status).simulated(simulated)
                .provenance(provenance).traffic(traffic).scorers(scorers).rules(rules).candidates(candidates)
                .pareto(pareto).decision(decision).plans(plans).evalSpend(evalSpend).calls(calls).items(items)
                .judging(judging).humanLabels(humanLabels).calibration(calibration).pairwise(pairwise)
                .parentRunId(parentRunId).distillation(distillation).itemSample(itemSample).routing(routing)
                .slices(slices).sequential(sequential).trafficSource(trafficSource).schema(schema);
    }

    /** This record, marked as the re-scoring of run {@code parent}'s stored outputs. */
    public RunResult withParent(String parent) {
        return toBuilder().parentRunId(parent).build();
    }

    /** The same record with a distillation section. */
    public RunResult withDistillation(Distillation d) {
        return toBuilder().distillation(d).build();
    }

    /** The same record with a routing section. */
    public RunResult withRouting(Routing r) {
        return toBuilder().routing(r).build();
    }

    /** Builds a {@link RunResult} by name instead of by position. */
    public static final class Builder {
        private String schema = SCHEMA;
        private String runId;
        private String suite;
        private String description = "";
        private RunStatus status = RunStatus.COMPLETED;
        private boolean simulated;
        private Provenance provenance;
        private long traffic;
        private List<ScorerInfo> scorers = List.of();
        private Rules rules;
        private List<CandidateResult> candidates = List.of();
        private List<String> pareto = List.of();
        private Optional<Decision> decision = Optional.empty();
        private List<CandidatePlans> plans = List.of();
        private Spend evalSpend;
        private Calls calls;
        private List<ItemResult> items = List.of();
        private Optional<Judging> judging = Optional.empty();
        private List<HumanLabelSet> humanLabels = List.of();
        private List<Calibration> calibration = List.of();
        private List<Pairwise> pairwise = List.of();
        private Optional<String> parentRunId = Optional.empty();
        private Optional<Distillation> distillation = Optional.empty();
        private Optional<ItemSample> itemSample = Optional.empty();
        private Optional<Routing> routing = Optional.empty();
        private Optional<SliceResults> slices = Optional.empty();
        private Optional<SequentialRun> sequential = Optional.empty();
        private Optional<TrafficSource> trafficSource = Optional.empty();

        private Builder() {
        }

        public Builder schema(String v) {
            schema = v;
            return this;
        }

        public Builder runId(String v) {
            runId = v;
            return this;
        }

        public Builder suite(String v) {
            suite = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder status(RunStatus v) {
            status = v;
            return this;
        }

        public Builder simulated(boolean v) {
            simulated = v;
            return this;
        }

        public Builder provenance(Provenance v) {
            provenance = v;
            return this;
        }

        public Builder traffic(long v) {
            traffic = v;
            return this;
        }

        public Builder scorers(List<ScorerInfo> v) {
            scorers = v;
            return this;
        }

        public Builder rules(Rules v) {
            rules = v;
            return this;
        }

        public Builder candidates(List<CandidateResult> v) {
            candidates = v;
            return this;
        }

        public Builder pareto(List<String> v) {
            pareto = v;
            return this;
        }

        public Builder decision(Optional<Decision> v) {
            decision = v;
            return this;
        }

        public Builder decision(Decision v) {
            return decision(Optional.of(v));
        }

        public Builder plans(List<CandidatePlans> v) {
            plans = v;
            return this;
        }

        public Builder evalSpend(Spend v) {
            evalSpend = v;
            return this;
        }

        public Builder calls(Calls v) {
            calls = v;
            return this;
        }

        public Builder items(List<ItemResult> v) {
            items = v;
            return this;
        }

        public Builder judging(Optional<Judging> v) {
            judging = v;
            return this;
        }

        public Builder judging(Judging v) {
            return judging(Optional.of(v));
        }

        public Builder humanLabels(List<HumanLabelSet> v) {
            humanLabels = v;
            return this;
        }

        public Builder calibration(List<Calibration> v) {
            calibration = v;
            return this;
        }

        public Builder pairwise(List<Pairwise> v) {
            pairwise = v;
            return this;
        }

        public Builder parentRunId(Optional<String> v) {
            parentRunId = v;
            return this;
        }

        public Builder parentRunId(String v) {
            return parentRunId(Optional.of(v));
        }

        public Builder distillation(Optional<Distillation> v) {
            distillation = v;
            return this;
        }

        public Builder distillation(Distillation v) {
            return distillation(Optional.of(v));
        }

        public Builder itemSample(Optional<ItemSample> v) {
            itemSample = v;
            return this;
        }

        public Builder itemSample(ItemSample v) {
            return itemSample(Optional.of(v));
        }

        public Builder routing(Optional<Routing> v) {
            routing = v;
            return this;
        }

        public Builder routing(Routing v) {
            return routing(Optional.of(v));
        }

        public Builder slices(Optional<SliceResults> v) {
            slices = v;
            return this;
        }

        public Builder sequential(Optional<SequentialRun> v) {
            sequential = v;
            return this;
        }

        public Builder trafficSource(Optional<TrafficSource> v) {
            trafficSource = v;
            return this;
        }

        public RunResult build() {
            return new RunResult(schema, runId, suite, description, status, simulated, provenance, traffic, scorers,
                    rules, candidates, pareto, decision, plans, evalSpend, calls, items, judging, humanLabels,
                    calibration, pairwise, parentRunId, distillation, itemSample, routing, slices, sequential,
                    trafficSource);
        }
    }

    /**
     * Where the run's monthly traffic came from: a measured traffic profile, and the cache hit rates replayed on its
     * arrivals that the consumption plans are priced with.
     *
     * @param provenance       {@code profile FILE} (the suite's path as written relative to it is resolved; this is
     *                         the file read)
     * @param kind             how the profile was made: {@code invocation-logs} or {@code cloudwatch}
     * @param location         the S3 prefix, folder or metrics the profile was imported from (untrusted text)
     * @param from             the window's first instant, ISO-8601
     * @param to               the window's end, ISO-8601
     * @param records          requests counted in the window
     * @param requestsPerMonth the window's requests scaled to a month of 730 hours: the run's {@code traffic}
     * @param peakAt           the busiest minute's start, ISO-8601
     * @param peakRequestsPerMinute requests in that minute
     * @param peakFactor       the busiest minute's tokens ÷ the average minute's, ≥ 1: provisioned throughput is
     *                         sized for it
     * @param arrivals         requests replayed (0 for a profile without arrivals, which replays nothing)
     * @param promptCache      the prompt cache's hit rate per TTL on the system-prompt key, without any model's
     *                         minimum ({@code 5m}, {@code 1h}); empty without arrivals
     * @param candidates       per candidate: the TTL it caches at, its measured prefix and its model's minimum, and
     *                         the hit rate its prompt-caching plan is priced with; empty without arrivals
     * @param clientCache      the client cache's settings and hit rate; empty when the suite prices none
     */
    public record TrafficSource(String provenance, String kind, String location, String from, String to,
                                long records, long requestsPerMonth, String peakAt, long peakRequestsPerMinute,
                                double peakFactor, long arrivals, List<CacheRate> promptCache,
                                List<CandidateCache> candidates, Optional<ClientCacheRate> clientCache) {
        public TrafficSource {
            promptCache = promptCache == null ? List.of() : List.copyOf(promptCache);
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            clientCache = clientCache == null ? Optional.empty() : clientCache;
        }
    }

    /**
     * A prompt-cache hit rate replayed at one TTL.
     *
     * @param ttl     {@code 5m} or {@code 1h}
     * @param hitRate hits ÷ requests
     * @param hits    requests that read the cache
     * @param writes  requests that wrote it
     */
    public record CacheRate(String ttl, double hitRate, long hits, long writes) {
    }

    /**
     * The prompt-cache hit rate one candidate's plan is priced with.
     *
     * @param candidate    candidate id
     * @param ttl          the TTL of its checkpoint ({@code 5m} unless it sets {@code cacheTtl: 1h})
     * @param prefixTokens its measured prefix (cache reads + writes per call); null when its run did not cache
     * @param minTokens    its model's minimum tokens per checkpoint; 0 when the catalog states none
     * @param hitRate      the replayed rate: 0 when the prefix is below the minimum
     * @param note         how it was found, e.g. "below the model's minimum of 1,024 tokens: nothing is cached"
     */
    public record CandidateCache(String candidate, String ttl, Double prefixTokens, long minTokens, double hitRate,
                                 String note) {
    }

    /**
     * An exact-match client cache's replayed hit rate.
     *
     * @param ttl        how long an answer is reused from when it was stored (as the suite writes it)
     * @param maxEntries answers kept at most (least recently used evicted)
     * @param hitRate    requests answered from it ÷ requests
     */
    public record ClientCacheRate(String ttl, int maxEntries, double hitRate) {
    }

    /**
     * What the judges cost and did. Judge spend is part of the run's eval spend and shown apart from it.
     *
     * @param spendUsd     what this run paid for judge calls; null when a judge model has no price
     * @param spendUnknown why it is unknown, empty when known
     * @param spendByModel paid per judge model (known amounts only)
     * @param calls        judge calls asked for (repairs included)
     * @param paid         of which made and paid in this run
     * @param cached       of which answered by the response cache
     * @param resumed      of which carried over from before a resume
     * @param failed       calls that ended in an error
     * @param notRun       calls not made because the budget could not cover them
     * @param repaired     malformed replies fixed by the one repair retry
     * @param malformed    replies still malformed after it (that judge gave no verdict)
     * @param orderFlips   pairwise verdicts that changed with the order of the answers (counted as ties)
     * @param batch        of the paid calls, those answered by a batch inference job (at the batch price)
     * @param modes        how each judge scorer's requests to each judge model ran, and why; null in records
     *                     written before judges could run in batch
     */
    public record Judging(BigDecimal spendUsd, String spendUnknown, Map<String, BigDecimal> spendByModel, int calls,
                          int paid, int cached, int resumed, int failed, int notRun, int repaired, int malformed,
                          int orderFlips, int batch, List<JudgeMode> modes) {
    }

    /**
     * The execution mode of one judge scorer's first asks to one judge model (repairs of malformed answers are
     * always on demand).
     *
     * @param scorer   the judge scorer's id
     * @param model    the judge model
     * @param mode     batch or on demand
     * @param reason   why, in words
     * @param requests first asks this run had to make when it decided (those carried over from before a resume
     *                 or answered by the response cache are not counted)
     */
    public record JudgeMode(String scorer, String model, AnswerSource mode, String reason, int requests) {
    }

    /**
     * One human-labels scorer's data.
     *
     * @param scorer          scorer id
     * @param file            the labels file
     * @param kind            score, label or preference
     * @param scale           the grades, e.g. {@code 1..5} or {@code bad, ok, good}
     * @param outputs         labelled outputs (item × candidate) in this run
     * @param annotators      distinct annotators
     * @param ratings         labels (rows) used
     * @param agreement       inter-annotator agreement, null when undefined (e.g. one annotator per output)
     * @param agreementMethod e.g. {@code Krippendorff's alpha (interval)} or {@code Fleiss' kappa}
     */
    public record HumanLabelSet(String scorer, String file, String kind, String scale, int outputs, int annotators,
                                int ratings, Double agreement, String agreementMethod) {
    }

    /**
     * How well one scorer agrees with one set of human labels, at three levels.
     *
     * @param scorer              the scorer checked
     * @param labels              the human-labels scorer id
     * @param itemLevel           pooled over every labelled output
     * @param summaryLevel        per item across candidates, then the mean over items
     * @param summaryItemsUsed    items that entered the summary level
     * @param summaryItemsSkipped items skipped because their human scores were constant (or too few candidates)
     * @param systemLevel         over the candidates' mean scores
     * @param confusionLabels     the scale's grades, for the confusion matrix; empty when none
     * @param confusion           rows: human grade, columns: scorer grade (rounded to the scale)
     */
    public record Calibration(String scorer, String labels, Agreement itemLevel, Agreement summaryLevel,
                              int summaryItemsUsed, int summaryItemsSkipped, Agreement systemLevel,
                              List<String> confusionLabels, List<List<Long>> confusion) {
    }

    /**
     * Agreement measures; each is null where it is undefined (e.g. a constant series).
     *
     * @param n              pairs compared
     * @param pearson        Pearson's r
     * @param spearman       Spearman's rho
     * @param kendallTauB    Kendall's tau-b
     * @param kappa          Cohen's kappa, unweighted, on the scale's grades
     * @param kappaLinear    linearly weighted
     * @param kappaQuadratic quadratically weighted
     */
    public record Agreement(int n, Double pearson, Double spearman, Double kendallTauB, Double kappa,
                            Double kappaLinear, Double kappaQuadratic) {
    }

    /**
     * A candidate's win rate against the baseline, from a pairwise judge or preference labels (ties count 0.5).
     *
     * @param scorer        the scorer the preferences come from
     * @param source        {@code judge} or {@code human}
     * @param baseline      the baseline candidate
     * @param candidate     the candidate compared with it
     * @param wins          items the candidate won
     * @param losses        items it lost
     * @param ties          ties (including verdicts that changed with the order)
     * @param rate          (wins + ties / 2) / n
     * @param standardError its standard error
     * @param lower         lower end of its confidence interval
     * @param upper         upper end
     */
    public record Pairwise(String scorer, String source, String baseline, String candidate, int wins, int losses,
                           int ties, double rate, double standardError, double lower, double upper) {
    }

    /**
     * Whether a distilled or fine-tuned model pays for itself, the job that made it and how it is served. Amounts
     * are USD; null amounts are unknown (see {@code unknownPrices}).
     *
     * @param method              distillation or fine-tuning
     * @param teacher             the teacher candidate id
     * @param teacherModel        its model id
     * @param student             the student base model
     * @param recommended         whether making the custom model is recommended
     * @param reason              the decision in one line
     * @param trainingRecords     records in the training file (holdout items excluded)
     * @param trainingTokens      estimated tokens trained on (× epochs)
     * @param teacherInference    one-off: the teacher answering the training prompts
     * @param training            one-off: training
     * @param oneOff              the sum of the one-off costs
     * @param servingMonthly      serving the custom model per month
     * @param storageMonthly      storing the custom model per month
     * @param incumbentMonthly    the incumbent's monthly cost at the suite's traffic
     * @param monthlySavings      incumbent − (serving + storage) per month
     * @param paybackMonths       one-off ÷ monthly savings; null when unknown or never
     * @param horizonMonths       the payback a launch must fit in
     * @param unknownPrices       the prices to supply (suite keys) before the return can be known
     * @param jobArn              the customization job, null before launch
     * @param jobStatus           its last known status
     * @param trainingLoss        the job's final training loss, null when not reported
     * @param validationLoss      the job's final validation loss, null when not reported
     * @param servingArn          the Provisioned Throughput or deployment ARN the custom model is invoked through
     * @param customCandidate     the candidate id the custom model was evaluated as, null before evaluation
     */
    public record Distillation(String method, String teacher, String teacherModel, String student,
                               boolean recommended, String reason, int trainingRecords, long trainingTokens,
                               BigDecimal teacherInference, BigDecimal training, BigDecimal oneOff,
                               BigDecimal servingMonthly, BigDecimal storageMonthly, BigDecimal incumbentMonthly,
                               BigDecimal monthlySavings, Double paybackMonths, int horizonMonths,
                               List<String> unknownPrices, String jobArn, String jobStatus, Double trainingLoss,
                               Double validationLoss, String servingArn, String customCandidate) {

        /** The same decision with what is known of the job and serving resource. */
        public Distillation withJob(String arn, String status, Double trainLoss, Double validLoss, String serving,
                                    String candidate) {
            return new Distillation(method, teacher, teacherModel, student, recommended, reason, trainingRecords,
                    trainingTokens, teacherInference, training, oneOff, servingMonthly, storageMonthly,
                    incumbentMonthly, monthlySavings, paybackMonths, horizonMonths, unknownPrices, arn, status,
                    trainLoss, validLoss, serving, candidate);
        }
    }

    /**
     * Routing analysed on a run's stored answers: would sending each request to one of the candidates beat the best
     * single model? Every routed figure is cross-fitted (no item is scored by a policy fitted on it).
     *
     * @param method         how: folds, seed, bootstrap, Holm's family
     * @param incumbent      the baseline candidate id
     * @param signals        the signals cascades could use
     * @param features       the prompt-only features learned routers could use
     * @param policies       single models, the oracle, cascades and learned routers, in that order
     * @param frontier       ids of the policies on the cost–quality frontier
     * @param best           the cheapest routing policy that is non-inferior and cheaper than every qualifying
     *                       single model; empty when routing does not beat the single models here
     * @param recommendation one sentence, e.g. "route 62 % of traffic to nova-lite, the rest to nova-pro …"
     * @param policy         the best policy as a deployable artefact (JSON), empty when there is none
     * @param promptRouter   the CreatePromptRouter request closest to the best policy (JSON), empty when its models
     *                       are not two models of one routable family
     * @param notes          what the analysis could not use, and why
     */
    public record Routing(String method, String incumbent, List<String> signals, List<String> features,
                          List<RoutePolicy> policies, List<String> frontier, Optional<String> best,
                          String recommendation, Optional<String> policy, Optional<String> promptRouter,
                          List<String> notes) {
        public Routing {
            signals = signals == null ? List.of() : List.copyOf(signals);
            features = features == null ? List.of() : List.copyOf(features);
            policies = policies == null ? List.of() : List.copyOf(policies);
            frontier = frontier == null ? List.of() : List.copyOf(frontier);
            best = best == null ? Optional.empty() : best;
            policy = policy == null ? Optional.empty() : policy;
            promptRouter = promptRouter == null ? Optional.empty() : promptRouter;
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /**
     * One routing policy's cost–quality point. Nullable numbers are unknown or not applicable (no difference for the
     * incumbent, no cost when a model has no price).
     *
     * @param id              e.g. {@code nova-lite}, {@code oracle}, {@code cascade:nova-lite>nova-pro@json-ok}
     * @param kind            {@code single}, {@code oracle}, {@code cascade} or {@code learned}
     * @param description     what it does, in words
     * @param share           the share of items each candidate answered
     * @param quality         mean quality with its interval
     * @param costPer1k       production cost per 1,000 requests (both calls of an escalated cascade, and the signal)
     * @param signalCostPer1k of which the signal (a judge's calls), per 1,000 requests
     * @param monthlyCost     at the suite's traffic
     * @param difference      mean paired difference against the incumbent
     * @param differenceLower lower end of its interval
     * @param differenceUpper upper end
     * @param pValue          one-sided non-inferiority p-value at the margin
     * @param adjustedPValue  Holm-adjusted across the routing policies tried
     * @param verdict         {@code baseline}, {@code reference} (another single model), {@code bound} (the oracle),
     *                        {@code non-inferior} or {@code not-shown}
     * @param n               paired items
     */
    public record RoutePolicy(String id, String kind, String description, Map<String, Double> share,
                              Estimate quality, BigDecimal costPer1k, BigDecimal signalCostPer1k,
                              BigDecimal monthlyCost, Double difference, Double differenceLower,
                              Double differenceUpper, Double pValue, Double adjustedPValue, String verdict, int n) {
        public RoutePolicy {
            share = share == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(share));
        }
    }

    /**
     * Which items a large run's record embeds. Every figure (means, intervals, decisions, costs) is computed from
     * all items; only the per-item list is a sample, to keep the record and the report a reasonable size. All
     * outputs and scores stay in the run store.
     *
     * @param total    items in the run
     * @param embedded items in {@code items}
     * @param every    the sample takes every {@code every}-th item of the dataset, starting with the first
     * @param note     in words, for the report
     */
    public record ItemSample(int total, int embedded, int every, String note) {
    }

    /**
     * A sequential run: items in a seeded random order, in equal stages, each followed by a look at which the decided
     * candidates stop being called.
     *
     * @param looks        the design's looks
     * @param spending     the alpha-spending function: {@code obrien-fleming} or {@code pocock}
     * @param futility     the predictive power below which a candidate stopped for futility; null for no futility stop
     * @param orderSeed    the seed of the items' order
     * @param itemsByLook  items seen by each look (the last is every item)
     * @param nominalLevels the nominal one-sided levels of the looks at the family's level α (the first Holm step)
     * @param history      what each look that was taken decided
     * @param candidates   per candidate: when it was decided and what that saved
     * @param calls        candidate calls the run asked for
     * @param fullRunCalls the calls a run of every candidate on every item asks for
     * @param callsSaved   {@code fullRunCalls − calls}
     */
    public record SequentialRun(int looks, String spending, Double futility, long orderSeed,
                                List<Integer> itemsByLook, List<Double> nominalLevels, List<SequentialLook> history,
                                List<SequentialCandidate> candidates, int calls, int fullRunCalls, int callsSaved) {
        public SequentialRun {
            itemsByLook = itemsByLook == null ? List.of() : List.copyOf(itemsByLook);
            nominalLevels = nominalLevels == null ? List.of() : List.copyOf(nominalLevels);
            history = history == null ? List.of() : List.copyOf(history);
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

    }

    /**
     * One look of a sequential run.
     *
     * @param look    1-based
     * @param items   items seen by it
     * @param decided the candidates decided at it
     * @param open    the candidates called after it (the incumbent among them while any other is)
     */
    public record SequentialLook(int look, int items, List<String> decided, List<String> open) {
        public SequentialLook {
            decided = decided == null ? List.of() : List.copyOf(decided);
            open = open == null ? List.of() : List.copyOf(open);
        }
    }

    /**
     * One candidate of a sequential run.
     *
     * @param id           candidate id
     * @param look         the look it was decided at (for the incumbent: the last look it answered for)
     * @param outcome      {@code accepted}, {@code not-cheaper}, {@code futile}, {@code moot}, {@code not-shown}, or
     *                     {@code incumbent}
     * @param items        items it was asked
     * @param nominalLevel the nominal one-sided level its p-value was read at; null when it was not tested
     * @param step         its Holm step at that look; null when not tested
     * @param family       Holm's m (the candidates cheaper than the incumbent at the first look); null when not tested
     * @param pValue       its p-value at that look; null when not tested
     * @param note         what decided it, in one line
     * @param callsSaved   the items it was not asked
     */
    public record SequentialCandidate(String id, int look, String outcome, int items, Double nominalLevel,
                                      Integer step, Integer family, Double pValue, String note, int callsSaved) {
    }

    /**
     * The comparison with the incumbent on each slice of the items: every value of every sliced dataset field, each
     * its own Holm family over the cheaper candidates.
     *
     * @param rule   the slice rule: {@code not-shown-worse} or {@code non-inferior}
     * @param margin the non-inferiority margin (the overall one)
     * @param slices by field in suite order, then by value
     */
    public record SliceResults(String rule, double margin, List<Slice> slices) {
        public SliceResults {
            slices = slices == null ? List.of() : List.copyOf(slices);
        }
    }

    /**
     * One value of one sliced field.
     *
     * @param field       the dataset field
     * @param value       its value
     * @param items       items in the slice the incumbent has a quality for
     * @param minItems    the fewest items a slice of this field needs to be tested
     * @param tested      whether {@code items} reached {@code minItems}
     * @param quality     each candidate's mean quality in the slice, with its bootstrap interval
     * @param comparisons one per cheaper candidate, in suite order
     */
    public record Slice(String field, String value, int items, int minItems, boolean tested,
                        Map<String, Estimate> quality, List<SliceComparison> comparisons) {
        public Slice {
            quality = quality == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(quality));
            comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
        }
    }

    /**
     * A cheaper candidate against the incumbent on one slice. The numbers are null when it was not tested.
     *
     * @param candidate           candidate id
     * @param n                   paired items
     * @param difference          mean quality difference, candidate − incumbent
     * @param lower               lower end of the two-sided (1 − 2α) interval of the difference
     * @param upper               upper end of it
     * @param pValue              one-sided p-value of "worse by the margin or more" (non-inferiority test)
     * @param adjustedPValue      Holm-adjusted within the slice
     * @param worsePValue         one-sided p-value of "not worse than the margin" (small = shown worse)
     * @param adjustedWorsePValue Holm-adjusted within the slice
     * @param verdict             {@code non-inferior}, {@code not shown}, {@code shown worse} or {@code too few items}
     */
    public record SliceComparison(String candidate, int n, Double difference, Double lower, Double upper,
                                  Double pValue, Double adjustedPValue, Double worsePValue,
                                  Double adjustedWorsePValue, SliceVerdict verdict) {
    }

    /**
     * Which candidate to use, and why every other one lost; or, when the qualification could not be made, why not.
     *
     * @param recommendation the recommended candidate id; null when undecided
     * @param keepIncumbent  whether no cheaper candidate qualified; false when undecided
     * @param reason         the recommendation in one line
     * @param margin         non-inferiority margin
     * @param confidence     family-wise confidence (Holm across the cheaper candidates)
     * @param verdicts       one per candidate, in suite order; empty when undecided
     * @param undecided      why no decision could be made (e.g. too few bootstrap resamples for the number of
     *                       candidates); null, and absent from the file, when decided
     */
    public record Decision(String recommendation, boolean keepIncumbent, String reason, double margin,
                           double confidence, List<CandidateVerdict> verdicts,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String undecided) {

        /** A decision that was made. */
        public Decision(String recommendation, boolean keepIncumbent, String reason, double margin,
                        double confidence, List<CandidateVerdict> verdicts) {
            this(recommendation, keepIncumbent, reason, margin, confidence, verdicts, null);
        }

        /** No decision: the qualification could not be made, for {@code why}. */
        public static Decision undecided(String why, double margin, double confidence) {
            return new Decision(null, false, "no decision: " + why, margin, confidence, List.of(), why);
        }

        /** Whether a recommendation was made (else {@link #undecided()} says why not). */
        public boolean decided() {
            return undecided == null;
        }
    }

    /**
     * One candidate's verdict. The numbers are null where no paired test was made.
     *
     * @param id             candidate id
     * @param status         e.g. {@code RECOMMENDED}, {@code NOT_SHOWN}, {@code DOMINATED}, {@code TOO_SLOW}
     * @param reason         in words
     * @param n              common items with the incumbent
     * @param difference     mean quality difference, candidate − incumbent
     * @param lower          lower end of the two-sided (1 − 2α) interval of the difference
     * @param upper          upper end of it
     * @param holmLowerBound the one-sided lower bound at the candidate's Holm level, compared with −margin
     * @param pValue         one-sided p-value of "worse by the margin or more"
     * @param adjustedPValue Holm-adjusted
     * @param itemsNeeded    items needed to decide at 80 % power, null when not computable
     * @param method         the test
     * @param tiedWith       candidates whose quality cannot be told apart from this one's
     */
    public record CandidateVerdict(String id, VerdictStatus status, String reason, Integer n, Double difference,
                                   Double lower, Double upper, Double holmLowerBound, Double pValue,
                                   Double adjustedPValue, Long itemsNeeded, String method, List<String> tiedWith) {
    }

    /**
     * A candidate's consumption plans at the suite's traffic.
     *
     * @param candidate candidate id
     * @param cheapest  the cheapest plan with a known cost, empty when none
     * @param summary   in words
     * @param plans     on-demand, batch, prompt caching, provisioned throughput
     */
    public record CandidatePlans(String candidate, String cheapest, String summary, List<Plan> plans) {
    }

    /**
     * One consumption plan.
     *
     * @param kind                  on-demand, batch, prompt caching, provisioned throughput, flex, priority or
     *                              reserved
     * @param monthly               USD per month; null when unknown
     * @param unknown               why it is unknown, empty when known
     * @param units                 model units, for provisioned throughput
     * @param breakEven             monthly requests above which provisioned throughput is cheaper than on-demand
     * @param notes                 conditions, e.g. "needs latency tolerance (24 h window)"
     * @param latencyP95Ms          the p95 latency the plan implies, projected from the measured one with the
     *                              catalog's tier factors; null when unknown (and for batch), and in older records
     * @param latency               that latency in words ("1,840 ms (1,150 ms measured at standard × 1.6)", "up to
     *                              24 h"); null when nothing can be said
     * @param excluded              why the suite's p95 limit excludes the plan; null when it does not
     * @param inputTokensPerMinute  for reserved: the input tokens per minute to reserve at the traffic
     * @param outputTokensPerMinute for reserved: the output tokens per minute to reserve
     */
    public record Plan(String kind, BigDecimal monthly, String unknown, Long units, Long breakEven,
                       List<String> notes,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double latencyP95Ms,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String latency,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String excluded,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Long inputTokensPerMinute,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Long outputTokensPerMinute) {

        /** A plan without latency or reservation figures, as records before service tiers had them. */
        public Plan(String kind, BigDecimal monthly, String unknown, Long units, Long breakEven, List<String> notes) {
            this(kind, monthly, unknown, units, breakEven, notes, null, null, null, null, null);
        }
    }

    /**
     * How the answers of a run were obtained.
     *
     * @param answers     answers in the run (candidates × items that got one)
     * @param paid        calls made and paid by this run (including before a resume)
     * @param cacheHits   answers served by the response cache (not paid)
     * @param cacheMisses lookups that found nothing and led to a call
     * @param resumed     answers carried over from before a resume
     * @param failed      calls that ended in an error
     * @param notRun      calls not made because the budget could not cover them
     * @param attempts    call attempts sent in this process, retries and judge calls included
     * @param retries     retries in this process
     * @param throttles   throttling answers seen in this process
     * @param unanswered  of the failed calls, those still throttled out or cut off after every later round: not
     *                    errors of the model, not counted in {@code execution.maxErrorRate}; a resume calls them
     */
    public record Calls(int answers, int paid, int cacheHits, int cacheMisses, int resumed, int failed, int notRun,
                        long attempts, long retries, long throttles, int unanswered) {

        /** Counts of a run that left nothing unanswered (records written before later rounds existed). */
        public Calls(int answers, int paid, int cacheHits, int cacheMisses, int resumed, int failed, int notRun,
                     long attempts, long retries, long throttles) {
            this(answers, paid, cacheHits, cacheMisses, resumed, failed, notRun, attempts, retries, throttles, 0);
        }
    }

    public static final String SCHEMA = "frontier.results/v1";

    /**
     * Where the run came from.
     *
     * @param toolVersion        frontier's version
     * @param suiteFile          the suite file as given
     * @param suiteSha256        hash of the suite file
     * @param datasetFile        the dataset file
     * @param datasetSha256      hash of the dataset file
     * @param datasetItems       items evaluated
     * @param holdoutItems       of which in the holdout split
     * @param holdoutShare       the configured holdout share
     * @param splitSeed          seed of the holdout split
     * @param priceCatalog       catalog name
     * @param priceCatalogVersion catalog version
     * @param priceCatalogDate   catalog date
     * @param bootstrapResamples bootstrap resamples
     * @param bootstrapSeed      bootstrap seed
     * @param confidence         interval coverage
     * @param endpoint           {@code sandbox} or {@code bedrock}
     * @param region             AWS region, empty when the SDK chose
     * @param startedAt          ISO-8601 instant
     * @param finishedAt         ISO-8601 instant
     */
    public record Provenance(String toolVersion, String suiteFile, String suiteSha256, String datasetFile,
                             String datasetSha256, int datasetItems, int holdoutItems, double holdoutShare,
                             long splitSeed, String priceCatalog, String priceCatalogVersion,
                             String priceCatalogDate, int bootstrapResamples, long bootstrapSeed, double confidence,
                             String endpoint, String region, String startedAt, String finishedAt) {
    }

    /**
     * The suite's decision rules.
     *
     * @param margin          non-inferiority margin
     * @param confidence      confidence of the decision
     * @param maxLatencyP95Ms latency limit, null for none
     * @param minScores       per-scorer minimum means
     * @param gates           the CI gates
     */
    public record Rules(double margin, double confidence, Long maxLatencyP95Ms, Map<String, Double> minScores,
                        List<Gate> gates) {
    }

    /**
     * One CI gate as declared.
     *
     * @param name        a readable name, e.g. {@code quality >= 0.8 (sonnet)}
     * @param kind        threshold or regression
     * @param metric      quality, score, costPer1kRequests, latencyP95Ms or errorRate
     * @param scorer      scorer id for score gates, else null
     * @param candidate   the candidate checked
     * @param min         threshold minimum or null
     * @param max         threshold maximum or null
     * @param maxDrop     regression: largest tolerated drop or null
     * @param maxIncrease regression: largest tolerated relative increase or null
     */
    public record Gate(String name, GateKind kind, String metric, String scorer, String candidate, Double min,
                       Double max, Double maxDrop, Double maxIncrease) {
    }

    /** A scorer as declared. */
    public record ScorerInfo(String id, String type, double weight, boolean binary) {
    }

    /**
     * A mean with its confidence interval; {@code n} observations.
     */
    public record Estimate(double mean, double lower, double upper, int n) {
    }

    /**
     * One candidate's figures.
     *
     * @param id              candidate id
     * @param model           model id
     * @param modelName       the catalog's name for the model, or the id
     * @param incumbent       whether it is the production model
     * @param promptVariant   whether its prompt differs from the suite's
     * @param calls           calls made
     * @param failedCalls     calls that failed (scored 0)
     * @param quality         weighted quality, empty when no item could be scored
     * @param scores          per-scorer means by scorer id
     * @param corpusMetrics   corpus-level metrics by scorer id (e.g. corpus BLEU)
     * @param usage           summed token usage
     * @param meanInputTokens mean total input tokens per call
     * @param meanOutputTokens mean output tokens per call
     * @param cacheReadShare  share of input tokens read from the prompt cache
     * @param costPer1k       production cost per 1,000 requests, on-demand, from measured usage; empty if unknown
     * @param monthlyCost     costPer1k at the suite's traffic; empty if unknown or no traffic
     * @param costUnknown     why the cost is unknown, empty when known
     * @param evalSpend       what this run paid for this candidate; empty if unknown
     * @param latencyP50Ms    median service latency of successful calls; empty when none (or answered in batch)
     * @param latencyP95Ms    95th percentile service latency; empty likewise
     * @param onFrontier      whether it is on the Pareto frontier
     * @param mode            how its answers were obtained (on demand in older records, which did not say)
     * @param modeReason      why that mode, e.g. the batch price used or why batch was not possible
     * @param promptCache     its prompt caching: a checkpoint after the system prompt, off, or not offered by the
     *                        model (then no checkpoint was sent); empty in older records
     * @param servedBy        for a prompt router, the share of its answered items each model served, by the model
     *                        id Converse reported ({@code trace.promptRouter.invokedModelId}), largest first; empty
     *                        for any other candidate (and left out of the JSON then)
     * @param settings        its request settings (service tier, latency, reasoning, cache TTL) and the tiers that
     *                        served it; absent when it sent Bedrock's defaults (and left out of the JSON then)
     * @param promptSaving    for a prompt variant: what its prompt saves against the same model with the suite's
     *                        prompt, and what that costs in quality; absent otherwise
     */
    public record CandidateResult(String id, String model, String modelName, boolean incumbent,
                                  boolean promptVariant, int calls, int failedCalls, Optional<Estimate> quality,
                                  Map<String, Estimate> scores, Map<String, Double> corpusMetrics, Usage usage,
                                  double meanInputTokens, double meanOutputTokens, double cacheReadShare,
                                  Optional<BigDecimal> costPer1k, Optional<BigDecimal> monthlyCost,
                                  String costUnknown, Optional<BigDecimal> evalSpend, OptionalDouble latencyP50Ms,
                                  OptionalDouble latencyP95Ms, boolean onFrontier, AnswerSource mode,
                                  String modeReason, Optional<String> promptCache,
                                  @com.fasterxml.jackson.annotation.JsonInclude(
                                          com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                                  Map<String, Double> servedBy,
                                  @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Settings> settings,
                                  @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<PromptSaving> promptSaving) {

        /** Figures missing from older records read as unknown; a mode missing from them was on demand. */
        public CandidateResult {
            servedBy = servedBy == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(servedBy));
            quality = quality == null ? Optional.empty() : quality;
            costPer1k = costPer1k == null ? Optional.empty() : costPer1k;
            monthlyCost = monthlyCost == null ? Optional.empty() : monthlyCost;
            evalSpend = evalSpend == null ? Optional.empty() : evalSpend;
            latencyP50Ms = latencyP50Ms == null ? OptionalDouble.empty() : latencyP50Ms;
            latencyP95Ms = latencyP95Ms == null ? OptionalDouble.empty() : latencyP95Ms;
            mode = mode == null ? AnswerSource.ON_DEMAND : mode;
            modeReason = modeReason == null ? "" : modeReason;
            promptCache = promptCache == null ? Optional.empty() : promptCache;
            settings = settings == null ? Optional.empty() : settings;
            promptSaving = promptSaving == null ? Optional.empty() : promptSaving;
        }

        /** A candidate to fill in: no calls, every figure unknown, on demand. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder that starts from this candidate. */
        public Builder toBuilder() {
            return new Builder().id(id).model(model).modelName(modelName).incumbent(incumbent)
                    .promptVariant(promptVariant).calls(calls).failedCalls(failedCalls).quality(quality).scores(scores)
                    .corpusMetrics(corpusMetrics).usage(usage).meanInputTokens(meanInputTokens)
                    .meanOutputTokens(meanOutputTokens).cacheReadShare(cacheReadShare).costPer1k(costPer1k)
                    .monthlyCost(monthlyCost).costUnknown(costUnknown).evalSpend(evalSpend).latencyP50Ms(latencyP50Ms)
                    .latencyP95Ms(latencyP95Ms).onFrontier(onFrontier).mode(mode).modeReason(modeReason)
                    .promptCache(promptCache).servedBy(servedBy).settings(settings).promptSaving(promptSaving);
        }

        /** Whether its answers came from a batch inference job (no latency figures). */
        public boolean batch() {
            return mode == AnswerSource.BATCH;
        }

        /** Builds a {@link CandidateResult} by name instead of by position. */
        public static final class Builder {
            private String id;
            private String model;
            private String modelName;
            private boolean incumbent;
            private boolean promptVariant;
            private int calls;
            private int failedCalls;
            private Optional<Estimate> quality = Optional.empty();
            private Map<String, Estimate> scores = Map.of();
            private Map<String, Double> corpusMetrics = Map.of();
            private Usage usage = new Usage(0, 0, 0, 0);
            private double meanInputTokens;
            private double meanOutputTokens;
            private double cacheReadShare;
            private Optional<BigDecimal> costPer1k = Optional.empty();
            private Optional<BigDecimal> monthlyCost = Optional.empty();
            private String costUnknown = "";
            private Optional<BigDecimal> evalSpend = Optional.empty();
            private OptionalDouble latencyP50Ms = OptionalDouble.empty();
            private OptionalDouble latencyP95Ms = OptionalDouble.empty();
            private boolean onFrontier;
            private AnswerSource mode = AnswerSource.ON_DEMAND;
            private String modeReason = "";
            private Optional<String> promptCache = Optional.empty();
            private Map<String, Double> servedBy = Map.of();
            private Optional<Settings> settings = Optional.empty();
            private Optional<PromptSaving> promptSaving = Optional.empty();

            private Builder() {
            }

            public Builder id(String v) {
                id = v;
                return this;
            }

            public Builder model(String v) {
                model = v;
                return this;
            }

            public Builder modelName(String v) {
                modelName = v;
                return this;
            }

            public Builder incumbent(boolean v) {
                incumbent = v;
                return this;
            }

            public Builder promptVariant(boolean v) {
                promptVariant = v;
                return this;
            }

            public Builder calls(int v) {
                calls = v;
                return this;
            }

            public Builder failedCalls(int v) {
                failedCalls = v;
                return this;
            }

            public Builder quality(Optional<Estimate> v) {
                quality = v;
                return this;
            }

            public Builder quality(Estimate v) {
                return quality(Optional.of(v));
            }

            public Builder scores(Map<String, Estimate> v) {
                scores = v;
                return this;
            }

            public Builder corpusMetrics(Map<String, Double> v) {
                corpusMetrics = v;
                return this;
            }

            public Builder usage(Usage v) {
                usage = v;
                return this;
            }

            public Builder meanInputTokens(double v) {
                meanInputTokens = v;
                return this;
            }

            public Builder meanOutputTokens(double v) {
                meanOutputTokens = v;
                return this;
            }

            public Builder cacheReadShare(double v) {
                cacheReadShare = v;
                return this;
            }

            public Builder costPer1k(Optional<BigDecimal> v) {
                costPer1k = v;
                return this;
            }

            public Builder costPer1k(BigDecimal v) {
                return costPer1k(Optional.of(v));
            }

            public Builder monthlyCost(Optional<BigDecimal> v) {
                monthlyCost = v;
                return this;
            }

            public Builder monthlyCost(BigDecimal v) {
                return monthlyCost(Optional.of(v));
            }

            public Builder costUnknown(String v) {
                costUnknown = v;
                return this;
            }

            public Builder evalSpend(Optional<BigDecimal> v) {
                evalSpend = v;
                return this;
            }

            public Builder evalSpend(BigDecimal v) {
                return evalSpend(Optional.of(v));
            }

            public Builder latencyP50Ms(OptionalDouble v) {
                latencyP50Ms = v;
                return this;
            }

            public Builder latencyP50Ms(double v) {
                return latencyP50Ms(OptionalDouble.of(v));
            }

            public Builder latencyP95Ms(OptionalDouble v) {
                latencyP95Ms = v;
                return this;
            }

            public Builder latencyP95Ms(double v) {
                return latencyP95Ms(OptionalDouble.of(v));
            }

            public Builder onFrontier(boolean v) {
                onFrontier = v;
                return this;
            }

            public Builder mode(AnswerSource v) {
                mode = v;
                return this;
            }

            public Builder modeReason(String v) {
                modeReason = v;
                return this;
            }

            public Builder promptCache(Optional<String> v) {
                promptCache = v;
                return this;
            }

            public Builder promptCache(String v) {
                return promptCache(Optional.of(v));
            }

            public Builder servedBy(Map<String, Double> v) {
                servedBy = v;
                return this;
            }

            public Builder settings(Optional<Settings> v) {
                settings = v;
                return this;
            }

            public Builder promptSaving(Optional<PromptSaving> v) {
                promptSaving = v;
                return this;
            }

            public CandidateResult build() {
                return new CandidateResult(id, model, modelName, incumbent, promptVariant, calls, failedCalls, quality,
                        scores, corpusMetrics, usage, meanInputTokens, meanOutputTokens, cacheReadShare, costPer1k,
                        monthlyCost, costUnknown, evalSpend, latencyP50Ms, latencyP95Ms, onFrontier, mode,
                        modeReason, promptCache, servedBy, settings, promptSaving);
            }
        }
    }

    /**
     * A candidate's request settings, as sent and as served.
     *
     * @param serviceTier      the tier asked for ({@code standard}, {@code flex}, {@code priority}, {@code reserved})
     * @param latencyOptimized whether latency-optimized inference was asked for
     * @param reasoning        the reasoning setting ("thinking 2048 tokens", "reasoning effort low"), "" for none
     * @param cacheTtl         the cache checkpoint's TTL ({@code 5m}, {@code 1h}), "" when not sent
     * @param label            all of them in words, e.g. "flex, thinking 2048 tokens"
     * @param servedTiers      the share of its answered calls each tier served, as the answers said
     *                         ({@code serviceTier.type}); empty when the answers did not say
     * @param servedOptimized  the share of its answered calls served latency-optimized, when it asked for it (Bedrock
     *                         serves at standard latency when the optimized quota is used up); null otherwise
     */
    public record Settings(String serviceTier, boolean latencyOptimized, String reasoning, String cacheTtl,
                           String label, Map<String, Double> servedTiers, Double servedOptimized) {
        public Settings {
            servedTiers = servedTiers == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(servedTiers));
        }
    }

    /**
     * What a prompt variant saves against the same model (and settings) called with the suite's prompt.
     *
     * @param baseline           the candidate with the suite's prompt it is compared with
     * @param inputTokensSaved   mean input tokens saved per request (negative when the variant's prompt is longer)
     * @param monthlySaved       USD a month saved at the suite's traffic; empty when a price is unknown
     * @param qualityDifference  variant minus baseline quality on the items both answered, with its paired
     *                           confidence interval; empty when not computable
     * @param note               in words, e.g. "−412 input tokens a request, $1,648 a month; quality −0.021
     *                           [−0.034, −0.008]"
     */
    public record PromptSaving(String baseline, double inputTokensSaved, Optional<BigDecimal> monthlySaved,
                               Optional<Estimate> qualityDifference, String note) {
        public PromptSaving {
            monthlySaved = monthlySaved == null ? Optional.empty() : monthlySaved;
            qualityDifference = qualityDifference == null ? Optional.empty() : qualityDifference;
        }
    }

    /** Summed token usage. */
    public record Usage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens) {
    }

    /**
     * Eval spend of the run.
     *
     * @param usd     the total; null when some price was unknown
     * @param unknown why it is unknown, empty when known
     * @param calls   paid calls
     * @param possiblyBilledCalls calls that were sent without an answer in the store and may have been billed: in
     *                            flight when a process was killed, or cut off (client timeout, connection reset)
     * @param possiblyBilledUsd   their worst case (not in {@code usd}; counted against the budget)
     * @param cutOffCalls         of those, the calls cut off (the rest were in flight at a kill)
     */
    public record Spend(BigDecimal usd, String unknown, int calls, int possiblyBilledCalls,
                        BigDecimal possiblyBilledUsd, int cutOffCalls) {

        /** Spend with nothing possibly billed (records written before it was counted). */
        public Spend(BigDecimal usd, String unknown, int calls) {
            this(usd, unknown, calls, 0, BigDecimal.ZERO, 0);
        }
    }

    /**
     * One item.
     *
     * @param id      item id
     * @param holdout whether it is in the holdout split
     * @param input   the rendered user prompt of the suite's default prompt
     * @param outputs per candidate id
     * @param slices  the item's value of each sliced dataset field, by field; empty (and absent from the file) when the
     *                suite declares no slices
     */
    public record ItemResult(String id, boolean holdout, String input, Map<String, ItemOutput> outputs,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> slices) {
        public ItemResult {
            slices = slices == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slices));
        }

        /** An item of a suite without slices. */
        public ItemResult(String id, boolean holdout, String input, Map<String, ItemOutput> outputs) {
            this(id, holdout, input, outputs, Map.of());
        }
    }

    /**
     * One candidate's answer to one item.
     *
     * @param text       the output (empty on failure)
     * @param stopReason stop reason, empty on failure
     * @param error      error code and message, empty when the call succeeded
     * @param usage      token usage
     * @param latencyMs  service latency
     * @param costUsd    the call's cost, null if unknown
     * @param quality    weighted quality of this output, null if not scorable
     * @param scores     score by scorer id; null where the scorer failed
     * @param notes      scorer notes by scorer id (only non-empty ones)
     * @param invokedModel the model a prompt router chose for this item ({@code trace.promptRouter.invokedModelId});
     *                   null when the call was not routed (and left out of the JSON then)
     */
    public record ItemOutput(String text, String stopReason, String error, Usage usage, long latencyMs,
                             BigDecimal costUsd, Double quality, Map<String, Double> scores,
                             Map<String, String> notes,
                             @com.fasterxml.jackson.annotation.JsonInclude(
                                     com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                             String invokedModel) {

        /** An answer that was not routed. */
        public ItemOutput(String text, String stopReason, String error, Usage usage, long latencyMs,
                          BigDecimal costUsd, Double quality, Map<String, Double> scores, Map<String, String> notes) {
            this(text, stopReason, error, usage, latencyMs, costUsd, quality, scores, notes, null);
        }
    }
}
