package dev.frontier.run;

import dev.frontier.catalog.Catalog;
import dev.frontier.config.CandidateSpec;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.ResilientClient;
import dev.frontier.invoke.ResponseCache;
import dev.frontier.model.RunId;
import dev.frontier.model.Template;
import dev.frontier.run.aggregate.Aggregation;
import dev.frontier.run.aggregate.Counters;
import dev.frontier.run.aggregate.Routes;
import dev.frontier.run.aggregate.SequentialLooks;
import dev.frontier.run.execute.BatchSetup;
import dev.frontier.run.execute.CachedResponses;
import dev.frontier.run.execute.CandidateExecution;
import dev.frontier.run.execute.ExecutionModes;
import dev.frontier.run.execute.WriterLease;
import dev.frontier.run.flow.AnswerTable;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.review.JudgeBatch;
import dev.frontier.run.review.ReviewPhase;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.results.RunStatus;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs a prepared suite through its stages and records it: the candidates answer every item
 * ({@link CandidateExecution}: resume, response cache, budget, batch jobs, later rounds), the judges and human labels
 * score what needs the whole run ({@link ReviewPhase}), and the answers become the run's figures and decision
 * ({@link Aggregation}), stored with the run. A call that can never succeed as configured (no access, unknown model)
 * stops the whole run; it then ends as {@code failed}. With a budget no call is made whose worst case could take the
 * spend past the limit (the run then ends as {@code budget-exhausted}).
 */
public final class Runner {

    private final ModelClient client;
    private final RunStore store;
    private final InstantSource clock;
    private final RunProgress progress;
    private BatchSetup batch;
    private BooleanSupplier leaseLost = () -> false;

    /**
     * How this run treats earlier work.
     *
     * @param resume   continue this run: reuse its stored answers, call only for the rest
     * @param cache    the response cache, empty when disabled
     * @param cacheTtl how old a cached answer may be
     * @param cacheKey what identifies the endpoint in cache keys (so sandbox answers never serve Bedrock runs)
     * @param budget   the eval spend limit, empty for none
     */
    public record Options(boolean resume, Optional<ResponseCache> cache, Duration cacheTtl, String cacheKey,
                          Optional<BigDecimal> budget) {
        public static Options fresh(Optional<BigDecimal> budget) {
            return new Options(false, Optional.empty(), Duration.ZERO, "", budget);
        }
    }

    /** A rescore asked of a run that lacks what it needs (a model candidate's stored outputs): bad input. */
    public static final class NotRescorable extends RuntimeException {
        public NotRescorable(String message) {
            super(message, null, false, false);
        }
    }

    /** The run cannot go on: a call failed in a way no retry can cure. */
    public static final class Aborted extends RuntimeException {
        public Aborted(String message) {
            super(message, null, false, false);
        }
    }

    public Runner(ModelClient client, RunStore store, InstantSource clock, RunProgress progress) {
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Lets candidates run as Bedrock batch inference jobs ({@code execution.mode: batch | auto}); without it every
     * candidate runs on demand and the report says why.
     */
    public Runner withBatch(BatchSetup setup) {
        this.batch = setup;
        return this;
    }

    /**
     * Stops calling once {@code lease} is lost (another process took the run over because this one's heartbeat
     * stopped in time): from then on two writers could pay for the same items.
     */
    public Runner whileHolding(WriterLease lease) {
        this.leaseLost = lease::lost;
        return this;
    }

    /**
     * Runs the suite under {@code id} and returns its results (also stored with the run).
     *
     * @throws Aborted when a call fails in a way that no retry can cure
     */
    public RunResult run(PreparedSuite prepared, RunId id, RunContext context, Options options)
            throws InterruptedException {
        try {
            return calls(prepared, id, context, options);
        } finally {
            prepared.finishScoring();   // e.g. a command scorer's program is ended
        }
    }

    private RunResult calls(PreparedSuite prepared, RunId id, RunContext context, Options options)
            throws InterruptedException {
        Map<RunStore.CallKey, RunStore.StoredCall> earlier = Map.of();
        String startedAt = clock.instant().toString();
        if (options.resume()) {
            earlier = store.completedCalls(id);
            startedAt = store.run(id).map(RunStore.RunInfo::startedAt).orElse(startedAt);
            store.resumeRun(id);
        } else {
            store.beginRun(id, prepared.suite().name(), startedAt, prepared.suite().sha256(),
                    prepared.dataset().sha256());
        }
        BudgetGuard budget = new BudgetGuard(options.budget());
        // calls an earlier process sent without recording an answer (killed while they were in flight, or cut off)
        // may have been billed: their worst case counts against the budget
        budget.settle(BigDecimal.ZERO, store.possiblyBilled(id).worstCase());
        CachedResponses cache = cache(options);

        Optional<SequentialLooks> looks = SequentialLooks.of(prepared);
        CandidateExecution execution = new CandidateExecution(client, store, clock, progress, batch, leaseLost);
        CandidateExecution.Executed executed = looks.isPresent()
                ? execution.runSequential(prepared, id, context.region(), cache, budget, earlier, looks.get().order(),
                        looks.get().stageEnds(), looks.get()::after)
                : execution.run(prepared, id, context.region(), cache, budget, earlier);
        if (executed.fatal().isPresent()) {
            store.finishRun(id, RunStatus.FAILED.label(), clock.instant().toString(), null);
            throw new Aborted(executed.fatal().get());
        }

        // judges and human labels, once every output they compare is in
        long late = prepared.scorers().stream().filter(PreparedSuite.BoundScorer::late).count();
        if (late > 0) {
            progress.reviewing(executed.answers().size(), (int) late);
        }
        ReviewPhase.Tally judging = review(prepared, id, executed.answers(), budget, cache,
                options.resume() ? store.completedJudgeCalls(id) : Map.of());

        RunStatus status = budget.refused() > 0 || executed.batchRefused() ? RunStatus.BUDGET_EXHAUSTED
                : RunStatus.COMPLETED;
        RunResult aggregated = Aggregation.aggregate(prepared, id, context, status, startedAt,
                clock.instant().toString(), executed.answers(), counters(executed.cacheMisses()), judging,
                executed.modes(), store.possiblyBilled(id),
                looks.map(SequentialLooks::readings).orElse(Map.of()));
        if (looks.isPresent()) {
            aggregated = aggregated.toBuilder().sequential(Optional.of(looks.get().section(executed.answers())))
                    .build();
        }
        return finish(prepared, id, aggregated);
    }

    /**
     * Re-scores the stored outputs of run {@code parent} with the suite's (changed) scorers under the new run
     * {@code id}: no candidate is called (imported candidates are read from their files as usual); judges are
     * called. An item without a stored output counts as a failed item.
     *
     * @throws NotRescorable when a model candidate has no stored output at all in {@code parent}
     */
    public RunResult rescore(PreparedSuite prepared, RunId id, RunId parent, RunContext context, Options options)
            throws InterruptedException {
        try {
            return scoreStored(prepared, id, parent, context, options);
        } finally {
            prepared.finishScoring();
        }
    }

    private RunResult scoreStored(PreparedSuite prepared, RunId id, RunId parent, RunContext context,
                                  Options options)
            throws InterruptedException {
        Map<RunStore.CallKey, RunStore.StoredCall> stored = store.completedCalls(parent);
        for (CandidateSpec c : prepared.suite().candidates()) {
            if (!c.isImported() && stored.keySet().stream().noneMatch(k -> k.candidateId().equals(c.id()))) {
                throw new NotRescorable("candidate '" + c.id() + "' has no stored outputs in run " + parent
                        + "; rescore calls no candidate, so every model candidate must have been in that run");
            }
        }
        String startedAt = clock.instant().toString();
        store.beginRun(id, prepared.suite().name(), startedAt, prepared.suite().sha256(),
                prepared.dataset().sha256());
        store.setParent(id, parent);
        AnswerTable answers = new CandidateExecution(client, store, clock, progress, null, leaseLost)
                .stored(prepared, id, parent, stored);
        BudgetGuard budget = new BudgetGuard(options.budget());
        ReviewPhase.Tally judging = review(prepared, id, answers, budget, cache(options), Map.of());
        RunStatus status = budget.refused() > 0 ? RunStatus.BUDGET_EXHAUSTED : RunStatus.COMPLETED;
        return finish(prepared, id, Aggregation.aggregate(prepared, id, context, status, startedAt,
                clock.instant().toString(), answers, counters(0), judging, ExecutionModes.decide(prepared, prepared.dataset().items().size(),
                        false, "a rescore calls no candidate"), store.possiblyBilled(id)).withParent(parent.value()));
    }

    private ReviewPhase.Tally review(PreparedSuite prepared, RunId id, AnswerTable answers, BudgetGuard budget,
                                     CachedResponses cache, Map<RunStore.JudgeCallKey, RunStore.StoredCall> earlier)
            throws InterruptedException {
        JudgeBatch judgeBatch = new JudgeBatch(batch, BatchSetup.UNAVAILABLE, store, clock, prepared, id);
        return new ReviewPhase(client, store, clock, judgeBatch, cache).apply(prepared, id, answers, budget, earlier,
                prepared.suite().execution().concurrency());
    }

    private CachedResponses cache(Options options) {
        return new CachedResponses(options.cache(), options.cacheTtl(), options.cacheKey(), clock);
    }

    private Counters counters(int cacheMisses) {
        ResilientClient.Stats stats = client instanceof ResilientClient r ? r.stats()
                : new ResilientClient.Stats(0, 0, 0, 0);
        return new Counters(cacheMisses, stats.attempts(), stats.retries(), stats.throttles());
    }

    private RunResult finish(PreparedSuite prepared, RunId id, RunResult aggregated) {
        RunResult result = routed(prepared, id, aggregated);
        store.finishRun(id, result.status().label(), result.provenance().finishedAt(), ResultsJson.toJson(result));
        return result;
    }

    /** The record with the suite's routing analysis, when it asks for one and there is an incumbent to route against. */
    private RunResult routed(PreparedSuite prepared, RunId id, RunResult result) {
        if (prepared.suite().routing().isEmpty() || prepared.suite().incumbent().isEmpty()) {
            return result;
        }
        List<Template> templates = new ArrayList<>();
        prepared.suite().candidates().forEach(c -> templates.addAll(List.of(c.prompt().system(), c.prompt().user())));
        Routes.Prompts prompts = new Routes.Prompts(prepared.dataset().items(), Routes.Prompts.fieldsOf(templates),
                prepared.suite().scorers());
        try {
            return result.withRouting(Routes.analyse(result, prepared.suite().routing().get(),
                    Routes.Stored.read(store, id), Optional.of(prompts), prepared.catalog(), Catalog.bundled()));
        } catch (Routes.NotAnalysable e) {
            return result.withRouting(Routes.notAnalysed(result, e.getMessage()));
        }
    }
}
