package dev.frontier.run.review;

import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.RetryPolicy;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.score.JudgeScorer;
import dev.frontier.score.LabelScorer;
import dev.frontier.run.execute.CachedResponses;
import dev.frontier.run.flow.Answer;
import dev.frontier.run.flow.AnswerTable;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.RequestTags;
import dev.frontier.run.prepare.Requests;
import dev.frontier.run.prepare.WorstCase;
import dev.frontier.score.LlmJudge;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import dev.frontier.store.CallSource;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The second scoring phase of a run, after every candidate's output is stored: judges (which need calls, and
 * pairwise the incumbent's output on the same item) and human labels (looked up by item and candidate). Judge calls
 * take the same path as candidate calls — response cache, budget guard, the resilient client, pricing from the
 * catalog, the run store (table {@code judge_calls}) — and a resumed run reuses the judge answers it already has.
 * The late scores are added to each answer and committed with it. In {@code batch} or {@code auto} mode the judges'
 * first asks can go to batch inference jobs first ({@link JudgeBatch}); their answers then stand in for those calls.
 */
public final class ReviewPhase {

    private final ModelClient client;
    private final RunStore store;
    private final InstantSource clock;
    private final JudgeBatch batch;
    private final CachedResponses cache;

    /**
     * @param batch decides how the judges' first asks run and runs the batch ones; null for a phase that calls
     *              every judge on demand without reporting modes
     * @param cache the response cache the judges' calls use, as the candidates' do
     */
    public ReviewPhase(ModelClient client, RunStore store, InstantSource clock, JudgeBatch batch,
                       CachedResponses cache) {
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.batch = batch;
        this.cache = cache;
    }

    /** What the judges cost and did. */
    public static final class Tally {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger paid = new AtomicInteger();
        final AtomicInteger cached = new AtomicInteger();
        final AtomicInteger resumed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger repaired = new AtomicInteger();
        final AtomicInteger malformed = new AtomicInteger();
        final AtomicInteger orderFlips = new AtomicInteger();
        final AtomicInteger batch = new AtomicInteger();
        private final List<RunResult.JudgeMode> modes = new ArrayList<>();
        private Cost spend = Cost.ZERO;
        private final Map<String, Cost> byModel = new LinkedHashMap<>();

        synchronized void spent(String model, Cost cost) {
            spend = spend.plus(cost);
            byModel.merge(model, cost, Cost::plus);
        }

        /** What the judges cost (unknown when a judge model has no price). */
        public synchronized Cost spend() {
            return spend;
        }

        /** Judge calls this run paid for, before a resume included. */
        public int paid() {
            return paid.get();
        }

        /** The judges' part of the run record. */
        public synchronized RunResult.Judging record() {
            Map<String, BigDecimal> known = new LinkedHashMap<>();
            byModel.forEach((model, cost) -> {
                if (cost instanceof Cost.Known k) {
                    known.put(model, k.usd());
                }
            });
            return new RunResult.Judging(spend.usdOrNull(), spend instanceof Cost.Unknown u ? u.reason() : "", known,
                    calls.get(), paid.get(), cached.get(), resumed.get(), failed.get(), refused.get(),
                    repaired.get(), malformed.get(), orderFlips.get(), batch.get(), List.copyOf(modes));
        }
    }

    /**
     * Adds the late scores to every answer of {@code answers} and returns what the judges did.
     *
     * @param earlier judge answers stored before a resume (empty for a fresh run)
     */
    public Tally apply(PreparedSuite p, RunId id, AnswerTable answers, BudgetGuard budget,
                       Map<RunStore.JudgeCallKey, RunStore.StoredCall> earlier, int threads)
            throws InterruptedException {
        Tally tally = new Tally();
        List<PreparedSuite.BoundScorer> late = p.scorers().stream().filter(PreparedSuite.BoundScorer::late).toList();
        if (late.isEmpty()) {
            return tally;
        }
        Optional<CandidateSpec> incumbent = p.suite().incumbent();
        List<Judged> judged = new ArrayList<>();
        for (Item item : p.dataset().items()) {
            Optional<String> baseline = incumbent.flatMap(c -> answers.find(c.id(), item.id()))
                    .filter(a -> a.result() instanceof CallResult.Completion)
                    .map(a -> ((CallResult.Completion) a.result()).text());
            for (CandidateSpec c : p.suite().candidates()) {
                Answer answer = answers.find(c.id(), item.id()).orElse(null);
                if (answer == null || !(answer.result() instanceof CallResult.Completion done)) {
                    continue;   // no answer, or a failed call: already scored 0 on every scorer
                }
                boolean isBaseline = incumbent.map(i -> i.id().equals(c.id())).orElse(false);
                judged.add(new Judged(item, c, done, baseline, isBaseline));
            }
        }
        Map<RunStore.JudgeCallKey, JudgeBatch.Answered> fromBatch = batch == null ? Map.of()
                : batch.run(firstAsks(p, judged, late, earlier), budget, tally.modes);
        List<Runnable> tasks = new ArrayList<>();
        for (Judged j : judged) {
            tasks.add(() -> {
                Map<String, Score> added = new LinkedHashMap<>();
                String input = Requests.of(j.c(), j.item()).user();
                for (PreparedSuite.BoundScorer s : late) {
                    if (s.scorer() instanceof JudgeScorer judge) {
                        LlmJudge.Outcome outcome = judge.judge(j.item(), input, j.done().text(), j.baseline(),
                                j.isBaseline(), (slot, attempt, request) -> call(p, id, new RunStore.JudgeCallKey(
                                        s.spec().id(), j.c().id(), j.item().id(), request.modelId(), slot, attempt),
                                        request, budget, earlier, fromBatch, tally));
                        tally.repaired.addAndGet(outcome.repaired());
                        tally.malformed.addAndGet(outcome.malformed());
                        tally.orderFlips.addAndGet(outcome.orderFlips());
                        added.put(s.spec().id(), outcome.score());
                    } else if (s.scorer() instanceof LabelScorer labels) {
                        added.put(s.spec().id(), labels.score(j.item().id(), j.c().id()));
                    }
                }
                answers.addScores(j.c().id(), j.item().id(), added);
                store.recordScores(id, j.c().id(), j.item().id(), added);
            });
        }
        runAll(tasks, threads);
        return tally;
    }

    /** One candidate output the late scorers score. */
    private record Judged(Item item, CandidateSpec c, CallResult.Completion done, Optional<String> baseline,
                          boolean isBaseline) {
    }

    /**
     * The first asks the judges would make that neither an earlier attempt of this run nor the response cache
     * answers: the judges are run with a caller that only notes each request (and answers nothing, so no repair is
     * asked for).
     */
    private List<JudgeBatch.Request> firstAsks(PreparedSuite p, List<Judged> judged,
                                               List<PreparedSuite.BoundScorer> late,
                                               Map<RunStore.JudgeCallKey, RunStore.StoredCall> earlier) {
        List<JudgeBatch.Request> out = new ArrayList<>();
        CallResult noted = new CallResult.Failure("NotCalled", "noted for a batch job", false, 0);
        for (PreparedSuite.BoundScorer s : late) {
            if (!(s.scorer() instanceof JudgeScorer judge)) {
                continue;
            }
            for (Judged j : judged) {
                String input = Requests.of(j.c(), j.item()).user();
                judge.judge(j.item(), input, j.done().text(), j.baseline(), j.isBaseline(),
                        (slot, attempt, request) -> {
                            RunStore.JudgeCallKey key = new RunStore.JudgeCallKey(s.spec().id(), j.c().id(),
                                    j.item().id(), request.modelId(), slot, attempt);
                            if (attempt == 0 && !earlier.containsKey(key) && !cache.answers(request)) {
                                // only counted when no job can take it: the prompt is not kept
                                out.add(new JudgeBatch.Request(key, batch.possible() ? request : null));
                            }
                            return noted;
                        });
            }
        }
        return out;
    }

    /** One judge call: from the earlier run, the response cache, or the model within the budget. */
    private CallResult call(PreparedSuite p, RunId id, RunStore.JudgeCallKey key, ModelRequest request,
                            BudgetGuard budget,
                            Map<RunStore.JudgeCallKey, RunStore.StoredCall> earlier,
                            Map<RunStore.JudgeCallKey, JudgeBatch.Answered> fromBatch, Tally tally) {
        tally.calls.incrementAndGet();
        Optional<ModelPrice> price = p.catalog().find(request.modelId());
        JudgeBatch.Answered batched = fromBatch.get(key);
        if (batched != null) {
            // answered by this run's batch job, committed and priced at the batch price when it was read
            tally.paid.incrementAndGet();
            tally.batch.incrementAndGet();
            tally.spent(request.modelId(), batched.cost());
            budget.settle(BigDecimal.ZERO, batched.cost() instanceof Cost.Known k ? k.usd() : BigDecimal.ZERO);
            return batched.completion();
        }
        RunStore.StoredCall stored = earlier.get(key);
        if (stored != null) {
            tally.resumed.incrementAndGet();
            if (stored.source() == CallSource.CALLED || stored.source() == CallSource.BATCH) {
                Cost cost = stored.source() == CallSource.BATCH
                        ? price.map(m -> m.cost(stored.completion().usage(), ModelPrice.Mode.BATCH))
                        .orElseGet(() -> new Cost.Unknown("no price for judge model " + request.modelId()))
                        : price(price, request.modelId(), stored.completion());
                tally.spent(request.modelId(), cost);
                budget.settle(BigDecimal.ZERO, cost instanceof Cost.Known k ? k.usd() : BigDecimal.ZERO);
            }
            return stored.completion();
        }
        String cacheKey = cache.key(request);
        Optional<CallResult.Completion> hit = cache.find(cacheKey);
        if (hit.isPresent()) {
            tally.cached.incrementAndGet();
            store.recordJudgeCall(id, key, hit.get(), price(price, request.modelId(), hit.get()).usdOrNull(),
                    CallSource.CACHED);
            return hit.get();
        }
        BigDecimal worst = price.map(m -> WorstCase.cost(request, m)).orElse(BigDecimal.ZERO);
        if (!budget.reserve(worst)) {
            tally.refused.incrementAndGet();
            return new CallResult.Failure("BudgetExhausted", "not called: the budget could not cover it", false, 0);
        }
        // committed before the request is sent, settled with the answer, as a candidate's call
        long intent = store.recordIntent(id, new RunStore.Intent("judge", key.candidateId(), key.itemId(),
                key.scorerId(), key.judgeModel(), key.slot(), key.attempt(), request.modelId(),
                cacheKey, worst),
                clock.instant().toString());
        CallResult result = client.call(request.withRequestMetadata(
                RequestTags.judge(p.suite().name(), id, key.scorerId())));
        boolean lost = result instanceof CallResult.Failure f && RetryPolicy.possiblyBilled(f.errorCode());
        Cost cost = result instanceof CallResult.Completion c ? price(price, request.modelId(), c) : Cost.ZERO;
        store.settleJudgeCall(id, intent, new RunStore.JudgeCallRow(key, result, cost.usdOrNull(), CallSource.CALLED), lost);
        budget.settle(worst, lost ? worst : cost instanceof Cost.Known k ? k.usd() : worst);
        if (result instanceof CallResult.Completion c) {
            tally.paid.incrementAndGet();
            tally.spent(request.modelId(), cost);
            cache.keep(cacheKey, c);
        } else {
            tally.failed.incrementAndGet();
        }
        return result;
    }

    private static Cost price(Optional<ModelPrice> price, String model, CallResult.Completion c) {
        return price.map(m -> m.cost(c.usage(), ModelPrice.Mode.ON_DEMAND))
                .orElseGet(() -> new Cost.Unknown("no price for judge model " + model));
    }

    private static void runAll(List<Runnable> tasks, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "frontier-judge");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(tasks.size());
            for (Runnable t : tasks) {
                futures.add(pool.submit(t));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a judge task failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
