package dev.frontier.run;

import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.invoke.ModelClient;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.store.RunResult;
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
 * Runs a prepared suite: every candidate answers every item with at most {@code execution.concurrency} calls in
 * flight; each answer is priced, scored and committed to the run store as it arrives. With {@code budget.maxUsd}
 * no call is made whose worst case could take the spend past the limit; the run then ends as
 * {@code budget-exhausted} with the calls it could afford.
 */
public final class Runner {

    private final ModelClient client;
    private final RunStore store;
    private final InstantSource clock;
    private final Progress progress;

    /**
     * Receives progress as calls finish. Called from worker threads.
     */
    public interface Progress {
        /** One call finished; {@code done} of {@code total}. */
        void callFinished(int done, int total, String candidateId, boolean failed);

        Progress NONE = (done, total, candidateId, failed) -> { };
    }

    /**
     * What the runner records about where calls went.
     *
     * @param toolVersion frontier's version
     * @param endpoint    {@code sandbox} or {@code bedrock}
     * @param region      AWS region or empty
     * @param simulated   whether the models are simulations
     */
    public record Context(String toolVersion, String endpoint, String region, boolean simulated) {
    }

    public Runner(ModelClient client, RunStore store, InstantSource clock, Progress progress) {
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.progress = progress;
    }

    /** Runs the suite under {@code id} and returns its results (also stored with the run). */
    public RunResult run(PreparedSuite prepared, RunId id, Context context) throws InterruptedException {
        String startedAt = clock.instant().toString();
        store.beginRun(id, prepared.suite().name(), startedAt, prepared.suite().sha256(), prepared.dataset().sha256());
        List<CandidateSpec> candidates = prepared.suite().candidates();
        List<Item> items = prepared.dataset().items();
        int total = candidates.size() * items.size();
        Map<String, Map<String, Answer>> answers = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        BudgetGuard budget = new BudgetGuard(prepared.suite().budget().maxUsd());
        ExecutorService pool = Executors.newFixedThreadPool(prepared.suite().execution().concurrency(), r -> {
            Thread t = new Thread(r, "frontier-call");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(total);
            // item-major order, so that every candidate makes progress and early figures are comparable
            for (Item item : items) {
                for (CandidateSpec c : candidates) {
                    futures.add(pool.submit(() -> {
                        Answer a = answer(prepared, id, c, item, budget);
                        if (a != null) {
                            answers.computeIfAbsent(c.id(), k -> new ConcurrentHashMap<>()).put(item.id(), a);
                        }
                        progress.callFinished(done.incrementAndGet(), total, c.id(),
                                a == null || a.result() instanceof CallResult.Failure);
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a call task failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        String status = budget.refused() > 0 ? "budget-exhausted" : "completed";
        RunResult result = Aggregation.aggregate(prepared, id, context, status, startedAt,
                clock.instant().toString(), answers);
        store.finishRun(id, result.status(), result.provenance().finishedAt(),
                dev.frontier.store.ResultsJson.toJson(result));
        return result;
    }

    /** One candidate's answer to one item, priced and scored. */
    record Answer(CallResult result, Cost cost, Map<String, Score> scores) {
    }

    /** The answer, or null when the budget could not cover the call's worst case (the call is not made). */
    private Answer answer(PreparedSuite prepared, RunId id, CandidateSpec c, Item item, BudgetGuard budget) {
        ModelRequest request = Requests.of(c, item);
        Optional<ModelPrice> price = prepared.catalog().find(c.model());
        BigDecimal worst = price.map(p -> WorstCase.cost(request, p)).orElse(BigDecimal.ZERO);
        if (!budget.reserve(worst)) {
            return null;
        }
        CallResult result = client.call(request);
        Cost cost = Cost.ZERO;
        Map<String, Score> scores = new LinkedHashMap<>();
        if (result instanceof CallResult.Completion completion) {
            cost = price.map(p -> p.cost(completion.usage(), ModelPrice.Mode.ON_DEMAND))
                    .orElseGet(() -> new Cost.Unknown("no price for " + c.model()));
            for (PreparedSuite.BoundScorer s : prepared.scorers()) {
                scores.put(s.spec().id(), guarded(s, item, completion.text()));
            }
        } else {
            CallResult.Failure f = (CallResult.Failure) result;
            for (PreparedSuite.BoundScorer s : prepared.scorers()) {
                scores.put(s.spec().id(), new Score.Value(0.0, "call failed: " + f.errorCode()));
            }
        }
        store.recordCall(id, c.id(), item.id(), c.model(), result, cost.usdOrNull(), scores);
        budget.settle(worst, cost instanceof Cost.Known k ? k.usd() : worst);
        return new Answer(result, cost, scores);
    }

    /** A scorer that throws marks its item as unscored; it does not end the run. */
    private static Score guarded(PreparedSuite.BoundScorer s, Item item, String output) {
        try {
            Score score = s.scorer().score(item, output);
            return score == null ? new Score.Failed("scorer returned nothing") : score;
        } catch (RuntimeException e) {
            return new Score.Failed(s.spec().type() + " failed: " + e);
        }
    }
}
