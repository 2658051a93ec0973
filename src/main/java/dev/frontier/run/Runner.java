package dev.frontier.run;

import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.ResilientClient;
import dev.frontier.invoke.ResponseCache;
import dev.frontier.invoke.RetryPolicy;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.results.RunResult;
import dev.frontier.results.RunStatus;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a prepared suite: every candidate answers every item, each answer is priced, scored and committed to the
 * run store as it arrives. Three things keep a run from paying twice: answers already in the store are reused
 * on {@code --resume}, identical requests are answered from the response cache, and with a budget no call is
 * made whose worst case could take the spend past the limit (the run then ends as {@code budget-exhausted}).
 * A call that can never succeed as configured (no access, unknown model) stops the whole run at once.
 * Candidates in batch mode ({@link ExecutionModes}) are answered by Bedrock batch inference jobs
 * ({@link BatchExecution}) while the on-demand candidates run; what a job does not answer is called on demand.
 * Judges follow the same rule in the judge phase ({@link JudgeBatch}).
 */
public final class Runner {

    private static final String UNAVAILABLE =
            "batch needs staging (staging.s3 and staging.roleArn) and a Bedrock control-plane client";

    private final ModelClient client;
    private final RunStore store;
    private final InstantSource clock;
    private final Progress progress;
    private BatchSetup batch;
    private java.util.function.BooleanSupplier leaseLost = () -> false;

    /** Receives progress as calls finish. Called from worker threads. */
    public interface Progress {
        /** One call finished: {@code done} of {@code total}, eval spend so far. */
        void callFinished(int done, int total, String candidateId, boolean failed, BigDecimal spent);

        Progress NONE = (done, total, candidateId, failed, spent) -> { };

        /** Every output is in; {@code scorers} judge and label scorers now score {@code outputs} outputs. */
        default void reviewing(int outputs, int scorers) {
        }

        /**
         * Round {@code round} (from 2) calls again {@code calls} calls that were throttled out or cut off, with fewer
         * calls in flight, after waiting {@code pause}.
         */
        default void laterRound(int round, int calls, Duration pause) {
        }
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

    /** The run cannot go on: a call failed in a way no retry can cure. */
    public static final class Aborted extends RuntimeException {
        public Aborted(String message) {
            super(message, null, false, false);
        }
    }

    public Runner(ModelClient client, RunStore store, InstantSource clock, Progress progress) {
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

    /** Call counters of this process, for the run record. */
    record Counters(int cacheMisses, long attempts, long retries, long throttles) {
    }

    /**
     * Where an answer came from: paid in this run on demand ({@code CALLED}) or in a batch job ({@code BATCH}), or
     * before a resume ({@code RESUMED_*}); {@code CACHED} answers were not paid; {@code IMPORTED} outputs were made
     * elsewhere and {@code STORED} ones are a re-scored run's.
     */
    enum Source { CALLED, RESUMED_CALLED, RESUMED_CACHED, CACHED, BATCH, RESUMED_BATCH, IMPORTED, STORED }

    /** One candidate's answer to one item, priced and scored. */
    record Answer(CallResult result, Cost cost, Map<String, Score> scores, Source source) {
        /** What this run paid for the answer. */
        Cost paid() {
            return source == Source.CALLED || source == Source.RESUMED_CALLED || source == Source.BATCH
                    || source == Source.RESUMED_BATCH ? cost : Cost.ZERO;
        }
    }

    /**
     * Runs the suite under {@code id} and returns its results (also stored with the run).
     *
     * @throws Aborted when a call fails in a way that no retry can cure
     */
    public RunResult run(PreparedSuite prepared, RunId id, Context context, Options options)
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
        List<CandidateSpec> candidates = prepared.suite().candidates();
        List<Item> items = prepared.dataset().items();
        int total = candidates.size() * items.size();
        Map<String, Map<String, Answer>> answers = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> fatal = new AtomicReference<>();
        Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> invalid = new ConcurrentHashMap<>();
        BudgetGuard budget = new BudgetGuard(options.budget());
        // calls an earlier process sent without recording an answer (killed while they were in flight, or cut off)
        // may have been billed: their worst case counts against the budget
        budget.settle(BigDecimal.ZERO, store.possiblyBilled(id).worstCase());
        AtomicInteger misses = new AtomicInteger();
        Map<String, ExecutionModes.Choice> modes = ExecutionModes.decide(prepared, items.size(), batch != null,
                UNAVAILABLE);
        BatchExecution batchRun = batch == null ? null : new BatchExecution(batch, store, clock, prepared, id);
        Map<String, Integer> indexOf = new java.util.HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            indexOf.put(items.get(i).id(), i);
        }
        // answers are committed to the store as they come; in memory only the figures, and the texts the record
        // lists (its item sample) or a corpus metric needs, are kept, so memory stays bounded in large suites
        int every = ItemSampling.every(items.size());
        // corpus metrics and judges (which compare the candidates' outputs after the calls) need every text
        boolean keepAll = prepared.scorers().stream().anyMatch(s -> s.corpus().isPresent() || s.late());
        java.util.function.Predicate<String> keepText = itemId -> keepAll
                || ItemSampling.embedded(indexOf.get(itemId), every);

        // answers from before the interruption count toward the spend and are not asked for again
        List<Runnable> tasks = new ArrayList<>(total);
        for (Item item : items) {
            for (CandidateSpec c : candidates) {
                if (c.isImported()) {
                    // outputs made elsewhere: nothing is called or paid, the output is scored and priced
                    Answer a = imported(prepared, id, c, item);
                    put(answers, c, item, a);
                    successes.computeIfAbsent(c.id(), k -> new AtomicInteger()).incrementAndGet();
                    progress.callFinished(done.incrementAndGet(), total, c.id(),
                            a.result() instanceof CallResult.Failure, budget.spent());
                    continue;
                }
                RunStore.StoredCall stored = earlier.get(new RunStore.CallKey(c.id(), item.id()));
                if (stored != null) {
                    Answer a = reuse(prepared, c, item, stored);
                    budget.settle(BigDecimal.ZERO, a.paid() instanceof Cost.Known k ? k.usd() : BigDecimal.ZERO);
                    put(answers, c, item, a, keepText);
                    successes.computeIfAbsent(c.id(), k -> new AtomicInteger()).incrementAndGet();
                    progress.callFinished(done.incrementAndGet(), total, c.id(), false, budget.spent());
                    continue;
                }
                if (batchRun != null && modes.get(c.id()).batch()) {
                    // an identical request answered before is not paid again, in batch either
                    Optional<Answer> hit = cached(prepared, id, c, item, options, misses);
                    if (hit.isPresent()) {
                        put(answers, c, item, hit.get(), keepText);
                        progress.callFinished(done.incrementAndGet(), total, c.id(), false, budget.spent());
                    } else {
                        batchRun.need(c, indexOf.get(item.id()));
                    }
                    continue;
                }
                tasks.add(onDemand(prepared, id, c, item, budget, options, misses, answers, successes, invalid,
                        context, fatal, done, total, keepText));
            }
        }
        if (batchRun != null) {
            batchRun.submit(budget);
        }
        runAll(tasks, prepared.suite().execution().concurrency());
        if (batchRun != null && fatal.get() == null) {
            List<BatchExecution.Fallback> fallbacks = batchRun.collect(budget, (c, item, a) -> {
                put(answers, c, item, a, keepText);
                progress.callFinished(done.incrementAndGet(), total, c.id(),
                        a.result() instanceof CallResult.Failure, budget.spent());
            });
            List<Runnable> again = new ArrayList<>(fallbacks.size());
            for (BatchExecution.Fallback f : fallbacks) {
                again.add(onDemand(prepared, id, f.candidate(), f.item(), budget, options, misses, answers,
                        successes, invalid, context, fatal, done, total, keepText));
            }
            runAll(again, prepared.suite().execution().concurrency());
        }
        laterRounds(prepared, id, candidates, items, budget, options, misses, answers, successes, invalid, context,
                fatal, done, total, keepText);
        if (fatal.get() != null) {
            store.finishRun(id, RunStatus.FAILED.label(), clock.instant().toString(), null);
            throw new Aborted(fatal.get());
        }
        // second phase: judges and human labels, once every output they compare is in
        Map<RunStore.JudgeCallKey, RunStore.StoredCall> earlierJudges = options.resume()
                ? store.completedJudgeCalls(id) : Map.of();
        long late = prepared.scorers().stream().filter(PreparedSuite.BoundScorer::late).count();
        if (late > 0) {
            progress.reviewing((int) answers.values().stream().mapToLong(Map::size).sum(), (int) late);
        }
        JudgeBatch judgeBatch = new JudgeBatch(batch, UNAVAILABLE, store, clock, prepared, id);
        ReviewPhase.Tally judging = new ReviewPhase(client, store, clock, judgeBatch).apply(prepared, id, answers,
                budget, options, earlierJudges, prepared.suite().execution().concurrency());
        RunStatus status = budget.refused() > 0 || (batchRun != null && !batchRun.refused().isEmpty())
                ? RunStatus.BUDGET_EXHAUSTED : RunStatus.COMPLETED;
        ResilientClient.Stats stats = client instanceof ResilientClient r ? r.stats()
                : new ResilientClient.Stats(0, 0, 0, 0);
        RunResult result = Aggregation.aggregate(prepared, id, context, status, startedAt,
                clock.instant().toString(), answers,
                new Counters(misses.get(), stats.attempts(), stats.retries(), stats.throttles()), judging, modes,
                store.possiblyBilled(id));
        store.finishRun(id, result.status().label(), result.provenance().finishedAt(),
                dev.frontier.results.ResultsJson.toJson(result));
        return result;
    }

    /**
     * Re-scores the stored outputs of run {@code parent} with the suite's (changed) scorers under the new run
     * {@code id}: no candidate is called (imported candidates are read from their files as usual); judges are
     * called. An item without a stored output counts as a failed item.
     *
     * @throws IllegalArgumentException when a model candidate has no stored output at all in {@code parent}
     */
    public RunResult rescore(PreparedSuite prepared, RunId id, RunId parent, Context context, Options options)
            throws InterruptedException {
        Map<RunStore.CallKey, RunStore.StoredCall> stored = store.completedCalls(parent);
        for (CandidateSpec c : prepared.suite().candidates()) {
            if (!c.isImported() && stored.keySet().stream().noneMatch(k -> k.candidateId().equals(c.id()))) {
                throw new IllegalArgumentException("candidate '" + c.id() + "' has no stored outputs in run " + parent
                        + "; rescore calls no candidate, so every model candidate must have been in that run");
            }
        }
        String startedAt = clock.instant().toString();
        store.beginRun(id, prepared.suite().name(), startedAt, prepared.suite().sha256(),
                prepared.dataset().sha256());
        store.setParent(id, parent);
        Map<String, Map<String, Answer>> answers = new ConcurrentHashMap<>();
        BudgetGuard budget = new BudgetGuard(options.budget());
        for (Item item : prepared.dataset().items()) {
            for (CandidateSpec c : prepared.suite().candidates()) {
                Answer a;
                if (c.isImported()) {
                    a = imported(prepared, id, c, item);
                } else {
                    RunStore.StoredCall call = stored.get(new RunStore.CallKey(c.id(), item.id()));
                    CallResult result = call != null ? call.completion()
                            : new CallResult.Failure("NoStoredOutput", "run " + parent + " has no output for this "
                                    + "item", false, 0);
                    Cost cost = result instanceof CallResult.Completion done ? price(prepared, c, done) : Cost.ZERO;
                    Map<String, Score> scores = result instanceof CallResult.Completion done
                            ? score(prepared, item, done.text()) : failed(prepared, (CallResult.Failure) result);
                    store.recordCall(id, c.id(), item.id(), c.model(), result, cost.usdOrNull(), scores, "stored");
                    a = new Answer(result, cost, scores, Source.STORED);
                }
                put(answers, c, item, a);
            }
        }
        ReviewPhase.Tally judging = new ReviewPhase(client, store, clock, new JudgeBatch(batch, UNAVAILABLE, store,
                clock, prepared, id)).apply(prepared, id, answers,
                budget, options, Map.of(), prepared.suite().execution().concurrency());
        RunStatus status = budget.refused() > 0 ? RunStatus.BUDGET_EXHAUSTED : RunStatus.COMPLETED;
        ResilientClient.Stats stats = client instanceof ResilientClient r ? r.stats()
                : new ResilientClient.Stats(0, 0, 0, 0);
        RunResult result = Aggregation.aggregate(prepared, id, context, status, startedAt,
                clock.instant().toString(), answers, new Counters(0, stats.attempts(), stats.retries(),
                        stats.throttles()), judging, ExecutionModes.decide(prepared, prepared.dataset().items().size(),
                        false, "a rescore calls no candidate"), store.possiblyBilled(id)).withParent(parent.value());
        store.finishRun(id, result.status().label(), result.provenance().finishedAt(),
                dev.frontier.results.ResultsJson.toJson(result));
        return result;
    }

    /** Later rounds at most; they also end when two in a row answered nothing. */
    public static final int LATER_ROUNDS = 5;

    /**
     * Calls again, in later rounds, the calls that exhausted their retries on throttling or got no answer: each round
     * first halves the calls in flight and waits for the quota's window to move on (the longest back-off times the
     * round's number). Rounds go on until two in a row answered none of them, at most
     * {@value #LATER_ROUNDS} times; what is left stays unanswered (the
     * run reports it and says how to resume).
     */
    private void laterRounds(PreparedSuite prepared, RunId id, List<CandidateSpec> candidates, List<Item> items,
                             BudgetGuard budget, Options options, AtomicInteger misses,
                             Map<String, Map<String, Answer>> answers, Map<String, AtomicInteger> successes,
                             Map<String, AtomicInteger> invalid, Context context, AtomicReference<String> fatal,
                             AtomicInteger done, int total, java.util.function.Predicate<String> keepText)
            throws InterruptedException {
        int left = Integer.MAX_VALUE;
        int stalled = 0;
        for (int round = 2; round <= LATER_ROUNDS + 1 && fatal.get() == null; round++) {
            List<Runnable> again = new ArrayList<>();
            for (Item item : items) {
                for (CandidateSpec c : candidates) {
                    Answer a = answers.getOrDefault(c.id(), Map.of()).get(item.id());
                    if (a != null && a.source() == Source.CALLED && a.result() instanceof CallResult.Failure f
                            && retryLater(f.errorCode())) {
                        again.add(onDemand(prepared, id, c, item, budget, options, misses, answers, successes,
                                invalid, context, fatal, null, total, keepText));
                    }
                }
            }
            stalled = again.size() >= left ? stalled + 1 : 0;
            if (again.isEmpty() || stalled == 2) {
                return;   // all answered, or two rounds in a row answered none
            }
            left = again.size();
            // the wait grows with each round, so that a quota's minute has moved on by the later ones
            Duration pause = client instanceof ResilientClient r ? r.slowDown().multipliedBy(round - 1)
                    : Duration.ZERO;
            progress.laterRound(round, again.size(), pause);
            Thread.sleep(pause.toMillis());
            runAll(again, prepared.suite().execution().concurrency());
        }
    }

    /** Failures another round may cure: throttled beyond the retries, or sent without an answer. */
    static boolean retryLater(String errorCode) {
        return RetryPolicy.isThrottle(errorCode) || RetryPolicy.NO_RESPONSE.equals(errorCode);
    }

    /**
     * The task that calls one candidate on one item on demand; {@code done} counts finished calls, null in a later
     * round (its calls were counted in the first).
     */
    private Runnable onDemand(PreparedSuite prepared, RunId id, CandidateSpec c, Item item, BudgetGuard budget,
                              Options options, AtomicInteger misses, Map<String, Map<String, Answer>> answers,
                              Map<String, AtomicInteger> successes, Map<String, AtomicInteger> invalid,
                              Context context, AtomicReference<String> fatal, AtomicInteger counted, int total,
                              java.util.function.Predicate<String> keepText) {
        AtomicInteger done = counted != null ? counted : new AtomicInteger(total - 1);
        return () -> {
            if (leaseLost.getAsBoolean()) {
                fatal.compareAndSet(null, "another process took this run over: its writer lease was not renewed in "
                        + "time, so this process stopped calling");
            }
            if (fatal.get() != null) {
                return;
            }
            Answer a = answer(prepared, id, c, item, budget, options, misses);
            if (a == null) {
                if (counted != null) {
                    progress.callFinished(done.incrementAndGet(), total, c.id(), true, budget.spent());
                }
                return;
            }
            put(answers, c, item, a, keepText);
            if (a.result() instanceof CallResult.Failure f) {
                checkFatal(c, f, successes, invalid, context, fatal);
            } else {
                successes.computeIfAbsent(c.id(), k -> new AtomicInteger()).incrementAndGet();
            }
            if (counted != null) {
                progress.callFinished(done.incrementAndGet(), total, c.id(),
                        a.result() instanceof CallResult.Failure, budget.spent());
            }
        };
    }

    private static void put(Map<String, Map<String, Answer>> answers, CandidateSpec c, Item item, Answer a) {
        put(answers, c, item, a, itemId -> true);
    }

    private static void put(Map<String, Map<String, Answer>> answers, CandidateSpec c, Item item, Answer a,
                            java.util.function.Predicate<String> keepText) {
        Answer kept = a;
        if (!keepText.test(item.id())) {
            // only figures are needed of an item the record does not list: no text, no notes, a compact map
            Map<String, Score> scores = new java.util.HashMap<>(4);
            a.scores().forEach((k, v) -> scores.put(k, v instanceof Score.Value x && !x.note().isEmpty()
                    ? new Score.Value(x.value(), "") : v));
            CallResult result = a.result() instanceof CallResult.Completion done
                    ? new CallResult.Completion("", done.stopReason() == null ? null : done.stopReason().intern(),
                    done.usage(), done.latencyMs(), done.clientLatencyMs(), "") : a.result();
            kept = new Answer(result, a.cost(), Map.copyOf(scores), a.source());
        }
        answers.computeIfAbsent(c.id(), k -> new ConcurrentHashMap<>()).put(item.id(), kept);
    }

    private static void runAll(List<Runnable> tasks, int threads) throws InterruptedException {
        // the client limits calls in flight adaptively; the pool only needs enough threads to reach its maximum
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "frontier-call");
            t.setDaemon(true);
            return t;
        });
        // tasks are handed over a few at a time, so that a large suite never queues all its calls at once
        java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(threads * 4);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            for (int i = 0; i < tasks.size() && failure.get() == null; i++) {
                Runnable t = tasks.get(i);
                tasks.set(i, null);
                room.acquire();
                pool.execute(() -> {
                    try {
                        t.run();
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        room.release();
                    }
                });
            }
            room.acquire(threads * 4);
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a call task failed unexpectedly: " + failure.get(), failure.get());
        }
    }

    /**
     * Stops the run on errors no retry can cure: no access or no such resource at once; a validation error when
     * the candidate has no success yet and it says the model id is wrong, or happens three times.
     */
    private static void checkFatal(CandidateSpec c, CallResult.Failure f, Map<String, AtomicInteger> successes,
                                   Map<String, AtomicInteger> invalid, Context context,
                                   AtomicReference<String> fatal) {
        boolean noSuccess = successes.getOrDefault(c.id(), new AtomicInteger()).get() == 0;
        if (RetryPolicy.UNREACHABLE.equals(f.errorCode()) && !f.retryable()) {
            // the circuit breaker opened: the endpoint was never reached
            fatal.compareAndSet(null, f.message() + " — check the network, the region and execution.endpoint");
            return;
        }
        boolean stop = RetryPolicy.FATAL.contains(f.errorCode());
        if ("ValidationException".equals(f.errorCode()) && noSuccess) {
            int n = invalid.computeIfAbsent(c.id(), k -> new AtomicInteger()).incrementAndGet();
            String lower = f.message().toLowerCase(java.util.Locale.ROOT);
            stop = n >= 3 || lower.contains("model identifier") || lower.contains("inference profile");
        }
        if (stop) {
            String region = context.region().isEmpty() ? "the default region" : "region " + context.region();
            fatal.compareAndSet(null, "candidate '" + c.id() + "' (model " + c.model() + ") in " + region + ": "
                    + f.errorCode() + ": " + f.message() + " — " + advice(f.errorCode(), f.message()));
        }
    }

    /** What to do; Bedrock's own wording tells a missing inference profile or prompt caching from missing access. */
    static String advice(String code, String message) {
        String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("inference profile")) {
            return "this model is served on demand only through an inference profile in this region: use its profile "
                    + "id (for example 'us.' + the model id); 'frontier models' lists the ids to call";
        }
        if (lower.contains("prompt caching")) {
            return "this model has no prompt caching: set 'prompt: { cache: none }' for this candidate";
        }
        if (lower.contains("end of its life")) {
            return "this model version has reached its end of life: replace it; 'frontier models' lists current ones";
        }
        return switch (code) {
            case "AccessDeniedException" -> "check that your IAM identity may call bedrock:InvokeModel and that "
                    + "access to this model is granted in the Bedrock console (Model access)";
            case "ResourceNotFoundException" -> "check the model id and that the model is offered in this region";
            case "ValidationException" -> "check the model id (or inference profile) and that the model is "
                    + "enabled for your account in this region";
            default -> "check your AWS credentials and region";
        };
    }

    private Answer reuse(PreparedSuite prepared, CandidateSpec c, Item item, RunStore.StoredCall stored) {
        CallResult.Completion completion = stored.completion();
        if ("batch".equals(stored.source())) {
            Cost cost = prepared.catalog().find(c.model())
                    .map(p -> p.cost(completion.usage(), ModelPrice.Mode.BATCH))
                    .orElseGet(() -> new Cost.Unknown("no price for " + c.model()));
            return new Answer(completion, cost, score(prepared, item, completion.text()), Source.RESUMED_BATCH);
        }
        Cost cost = price(prepared, c, completion);
        return new Answer(completion, cost, score(prepared, item, completion.text()),
                "cached".equals(stored.source()) ? Source.RESUMED_CACHED : Source.RESUMED_CALLED);
    }

    /** The response cache's answer to this request, committed to the store as a cached answer; empty on a miss. */
    private Optional<Answer> cached(PreparedSuite prepared, RunId id, CandidateSpec c, Item item, Options options,
                                    AtomicInteger misses) {
        if (options.cache().isEmpty()) {
            return Optional.empty();
        }
        ModelRequest request = Requests.of(c, item);
        Optional<CallResult.Completion> hit = options.cache().get().get(ResponseCache.key(options.cacheKey(),
                request), clock.instant().minus(options.cacheTtl()));
        if (hit.isEmpty()) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        Answer a = new Answer(hit.get(), price(prepared, c, hit.get()), score(prepared, item, hit.get().text()),
                Source.CACHED);
        store.recordCall(id, c.id(), item.id(), c.model(), a.result(), a.cost().usdOrNull(), a.scores(), "cached");
        return Optional.of(a);
    }

    /** The answer, or null when the budget could not cover the call's worst case (the call is not made). */
    private Answer answer(PreparedSuite prepared, RunId id, CandidateSpec c, Item item, BudgetGuard budget,
                          Options options, AtomicInteger misses) {
        ModelRequest request = Requests.of(c, item);
        String key = options.cache().isPresent() ? ResponseCache.key(options.cacheKey(), request) : null;
        if (key != null) {
            Optional<CallResult.Completion> hit = options.cache().get().get(key,
                    clock.instant().minus(options.cacheTtl()));
            if (hit.isPresent()) {
                Answer a = new Answer(hit.get(), price(prepared, c, hit.get()),
                        score(prepared, item, hit.get().text()), Source.CACHED);
                store.recordCall(id, c.id(), item.id(), c.model(), a.result(), a.cost().usdOrNull(), a.scores(),
                        "cached");
                return a;
            }
            misses.incrementAndGet();
        }
        Optional<ModelPrice> price = prepared.catalog().find(c.model());
        BigDecimal worst = price.map(p -> WorstCase.cost(request, p)).orElse(BigDecimal.ZERO);
        if (!budget.reserve(worst)) {
            return null;
        }
        // the intent is committed before the request is sent: a call in flight when the process dies is counted as
        // possibly billed by the resume
        long intent = store.recordIntent(id, new RunStore.Intent("candidate", c.id(), item.id(), null, null, null, 0,
                c.model(), key != null ? key : ResponseCache.key(options.cacheKey(), request), worst),
                clock.instant().toString());
        CallResult result = client.call(request);
        Cost cost = Cost.ZERO;
        Map<String, Score> scores;
        boolean lost = result instanceof CallResult.Failure f && RetryPolicy.possiblyBilled(f.errorCode());
        if (result instanceof CallResult.Completion completion) {
            cost = price(prepared, c, completion);
            scores = score(prepared, item, completion.text());
        } else {
            CallResult.Failure f = (CallResult.Failure) result;
            scores = new LinkedHashMap<>();
            for (PreparedSuite.BoundScorer s : prepared.scorers()) {
                scores.put(s.spec().id(), new Score.Value(0.0, "call failed: " + f.errorCode()));
            }
        }
        store.settleCall(id, intent, new RunStore.CallRow(c.id(), item.id(), c.model(), result, cost.usdOrNull(),
                scores, "called"), lost);
        // a call cut off after it was sent keeps its worst case: Bedrock may have billed it
        budget.settle(worst, lost ? worst : cost instanceof Cost.Known k ? k.usd() : worst);
        if (key != null && result instanceof CallResult.Completion completion) {
            options.cache().get().put(key, completion, clock.instant());
        }
        return new Answer(result, cost, scores, Source.CALLED);
    }

    private Answer imported(PreparedSuite prepared, RunId id, CandidateSpec c, Item item) {
        CallResult result = ImportedOutputs.answer(prepared, c, item);
        Cost cost = Cost.ZERO;
        Map<String, Score> scores;
        if (result instanceof CallResult.Completion completion) {
            cost = c.imported().get().priced() ? price(prepared, c, completion)
                    : new Cost.Unknown("imported outputs of " + c.id() + " are not priced (no priceAs)");
            scores = score(prepared, item, completion.text());
        } else {
            scores = failed(prepared, (CallResult.Failure) result);
        }
        store.recordCall(id, c.id(), item.id(), c.model(), result, cost.usdOrNull(), scores, "imported");
        return new Answer(result, cost, scores, Source.IMPORTED);
    }

    private static Map<String, Score> failed(PreparedSuite prepared, CallResult.Failure f) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (PreparedSuite.BoundScorer s : prepared.scorers()) {
            scores.put(s.spec().id(), new Score.Value(0.0, "call failed: " + f.errorCode()));
        }
        return scores;
    }

    private static Cost price(PreparedSuite prepared, CandidateSpec c, CallResult.Completion completion) {
        return prepared.catalog().find(c.model())
                .map(p -> p.cost(completion.usage(), ModelPrice.Mode.ON_DEMAND))
                .orElseGet(() -> new Cost.Unknown("no price for " + c.model()));
    }

    static Map<String, Score> score(PreparedSuite prepared, Item item, String output) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (PreparedSuite.BoundScorer s : prepared.scorers()) {
            if (!s.late()) {   // judges and human labels score in the second phase
                scores.put(s.spec().id(), guarded(s, item, output));
            }
        }
        return scores;
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
