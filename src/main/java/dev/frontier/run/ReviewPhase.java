package dev.frontier.run;

import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.ResponseCache;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.score.LlmJudge;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * The late scores are added to each answer and committed with it.
 */
final class ReviewPhase {

    private final ModelClient client;
    private final RunStore store;
    private final InstantSource clock;

    ReviewPhase(ModelClient client, RunStore store, InstantSource clock) {
        this.client = client;
        this.store = store;
        this.clock = clock;
    }

    /** What the judges cost and did. */
    static final class Tally {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger paid = new AtomicInteger();
        final AtomicInteger cached = new AtomicInteger();
        final AtomicInteger resumed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger repaired = new AtomicInteger();
        final AtomicInteger malformed = new AtomicInteger();
        final AtomicInteger orderFlips = new AtomicInteger();
        private Cost spend = Cost.ZERO;
        private final Map<String, Cost> byModel = new LinkedHashMap<>();

        synchronized void spent(String model, Cost cost) {
            spend = spend.plus(cost);
            byModel.merge(model, cost, Cost::plus);
        }

        synchronized Cost spend() {
            return spend;
        }

        synchronized Map<String, Cost> byModel() {
            return new LinkedHashMap<>(byModel);
        }
    }

    /**
     * Adds the late scores to every answer (in place) and returns what the judges did.
     *
     * @param earlier judge answers stored before a resume (empty for a fresh run)
     */
    Tally apply(PreparedSuite p, RunId id, Map<String, Map<String, Runner.Answer>> answers, BudgetGuard budget,
                Runner.Options options, Map<RunStore.JudgeCallKey, RunStore.StoredCall> earlier, int threads)
            throws InterruptedException {
        Tally tally = new Tally();
        List<PreparedSuite.BoundScorer> late = p.scorers().stream().filter(PreparedSuite.BoundScorer::late).toList();
        if (late.isEmpty()) {
            return tally;
        }
        Optional<CandidateSpec> incumbent = p.suite().incumbent();
        List<Runnable> tasks = new ArrayList<>();
        for (Item item : p.dataset().items()) {
            Optional<String> baseline = incumbent.map(c -> answers.getOrDefault(c.id(), Map.of()).get(item.id()))
                    .filter(a -> a.result() instanceof CallResult.Completion)
                    .map(a -> ((CallResult.Completion) a.result()).text());
            for (CandidateSpec c : p.suite().candidates()) {
                Map<String, Runner.Answer> byItem = answers.get(c.id());
                Runner.Answer answer = byItem == null ? null : byItem.get(item.id());
                if (answer == null || !(answer.result() instanceof CallResult.Completion done)) {
                    continue;   // no answer, or a failed call: already scored 0 on every scorer
                }
                boolean isBaseline = incumbent.map(i -> i.id().equals(c.id())).orElse(false);
                tasks.add(() -> {
                    Map<String, Score> added = new LinkedHashMap<>();
                    String input = Requests.of(c, item).user();
                    for (PreparedSuite.BoundScorer s : late) {
                        if (s.judge().isPresent()) {
                            LlmJudge judge = s.judge().get();
                            LlmJudge.Outcome outcome = judge.judge(item, input, done.text(), baseline, isBaseline,
                                    (slot, attempt, request) -> call(p, id, new RunStore.JudgeCallKey(s.spec().id(),
                                            c.id(), item.id(), request.modelId(), slot, attempt), request, budget,
                                            options, earlier, tally));
                            tally.repaired.addAndGet(outcome.repaired());
                            tally.malformed.addAndGet(outcome.malformed());
                            tally.orderFlips.addAndGet(outcome.orderFlips());
                            added.put(s.spec().id(), outcome.score());
                        } else {
                            added.put(s.spec().id(), s.labels().get().score(item.id(), c.id()));
                        }
                    }
                    Map<String, Score> merged = new LinkedHashMap<>(answer.scores());
                    merged.putAll(added);
                    byItem.put(item.id(), new Runner.Answer(answer.result(), answer.cost(), merged,
                            answer.source()));
                    store.recordScores(id, c.id(), item.id(), added);
                });
            }
        }
        runAll(tasks, threads);
        return tally;
    }

    /** One judge call: from the earlier run, the response cache, or the model within the budget. */
    private CallResult call(PreparedSuite p, RunId id, RunStore.JudgeCallKey key, ModelRequest request,
                            BudgetGuard budget, Runner.Options options,
                            Map<RunStore.JudgeCallKey, RunStore.StoredCall> earlier, Tally tally) {
        tally.calls.incrementAndGet();
        Optional<ModelPrice> price = p.catalog().find(request.modelId());
        RunStore.StoredCall stored = earlier.get(key);
        if (stored != null) {
            tally.resumed.incrementAndGet();
            if ("called".equals(stored.source())) {
                Cost cost = price(price, request.modelId(), stored.completion());
                tally.spent(request.modelId(), cost);
                budget.settle(BigDecimal.ZERO, cost instanceof Cost.Known k ? k.usd() : BigDecimal.ZERO);
            }
            return stored.completion();
        }
        String cacheKey = options.cache().isPresent() ? ResponseCache.key(options.cacheKey(), request) : null;
        if (cacheKey != null) {
            Optional<CallResult.Completion> hit = options.cache().get().get(cacheKey,
                    clock.instant().minus(options.cacheTtl()));
            if (hit.isPresent()) {
                tally.cached.incrementAndGet();
                store.recordJudgeCall(id, key, hit.get(), price(price, request.modelId(), hit.get()).usdOrNull(),
                        "cached");
                return hit.get();
            }
        }
        BigDecimal worst = price.map(m -> WorstCase.cost(request, m)).orElse(BigDecimal.ZERO);
        if (!budget.reserve(worst)) {
            tally.refused.incrementAndGet();
            return new CallResult.Failure("BudgetExhausted", "not called: the budget could not cover it", false, 0);
        }
        CallResult result = client.call(request);
        Cost cost = result instanceof CallResult.Completion c ? price(price, request.modelId(), c) : Cost.ZERO;
        store.recordJudgeCall(id, key, result, cost.usdOrNull(), "called");
        budget.settle(worst, cost instanceof Cost.Known k ? k.usd() : worst);
        if (result instanceof CallResult.Completion c) {
            tally.paid.incrementAndGet();
            tally.spent(request.modelId(), cost);
            if (cacheKey != null) {
                options.cache().get().put(cacheKey, c, clock.instant());
            }
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
