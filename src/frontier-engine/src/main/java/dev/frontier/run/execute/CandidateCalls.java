package dev.frontier.run.execute;

import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.ResilientClient;
import dev.frontier.invoke.RetryPolicy;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.RunId;
import dev.frontier.run.flow.Answer;
import dev.frontier.run.flow.AnswerTable;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.flow.Source;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.RequestTags;
import dev.frontier.run.prepare.Requests;
import dev.frontier.run.prepare.WorstCase;
import dev.frontier.store.RunStore;
import dev.frontier.store.CallSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The candidates' calls of one run and what they share: the answer table they fill, the budget, the response cache,
 * the count of finished calls for the progress, and the reason the run must stop, once a call failed in a way no
 * retry can cure. Each answer is committed to the run store as it arrives; the intent of a paid call is committed
 * before it is sent.
 */
final class CandidateCalls {

    /**
     * What the calls use.
     *
     * @param leaseLost whether another process took the run over (its writer lease was not renewed in time)
     */
    record Services(ModelClient client, RunStore store, InstantSource clock, RunProgress progress,
                    BooleanSupplier leaseLost) {
    }

    private final Services services;
    private final PreparedSuite prepared;
    private final RunId id;
    private final String region;
    private final BudgetGuard budget;
    private final CachedResponses cache;
    private final AnswerTable answers;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicReference<String> fatal = new AtomicReference<>();
    private final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> invalid = new ConcurrentHashMap<>();

    /** @param region the AWS region the calls go to, empty for the default (named in the reason a run stops) */
    CandidateCalls(Services services, PreparedSuite prepared, RunId id, String region, BudgetGuard budget,
                   CachedResponses cache, AnswerTable answers) {
        this.services = services;
        this.prepared = prepared;
        this.id = id;
        this.region = region;
        this.budget = budget;
        this.cache = cache;
        this.answers = answers;
        this.total = prepared.suite().candidates().size() * prepared.dataset().items().size();
    }

    /** Why the run must stop, if it must. */
    Optional<String> fatal() {
        return Optional.ofNullable(fatal.get());
    }

    /** Requests the response cache did not answer. */
    int misses() {
        return misses.get();
    }

    /** Takes an answer that needed no call (imported, from before a resume, cached, from a batch job). */
    void accept(CandidateSpec c, Item item, Answer a, boolean success) {
        answers.put(c.id(), item.id(), a);
        if (success) {
            succeeded(c);
        }
        finished(c, a.failed());
    }

    /**
     * The response cache's answer to {@code c}'s request for {@code item}, committed to the store as a cached
     * answer; empty on a miss (counted) or without a cache.
     */
    Optional<Answer> cached(CandidateSpec c, Item item) {
        return cache.enabled() ? cached(c, item, cache.key(Requests.of(c, item))) : Optional.empty();
    }

    /** The same for the request under {@code key}. */
    private Optional<Answer> cached(CandidateSpec c, Item item, String key) {
        if (!cache.enabled()) {
            return Optional.empty();
        }
        Optional<CallResult.Completion> hit = cache.find(key);
        if (hit.isEmpty()) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        Answer a = Answers.of(prepared, c, item, hit.get(), ModelPrice.Mode.ON_DEMAND, Source.CACHED);
        services.store().recordCall(id, c.id(), item.id(), c.model(), a.result(), a.cost().usdOrNull(), a.scores(),
                CallSource.CACHED);
        return Optional.of(a);
    }

    /** The task that calls {@code c} on {@code item} on demand, counted as finished for the progress. */
    Runnable task(CandidateSpec c, Item item) {
        return () -> call(c, item, true);
    }

    /**
     * Calls again, in later rounds, the calls that exhausted their retries on throttling or got no answer: each round
     * first halves the calls in flight and waits for the quota's window to move on (the longest back-off times the
     * round's number). Rounds go on until two in a row answered none of them, at most
     * {@value CandidateExecution#LATER_ROUNDS} times; what is left stays unanswered (the run reports it and says how
     * to resume).
     */
    void laterRounds(int threads) throws InterruptedException {
        int left = Integer.MAX_VALUE;
        int stalled = 0;
        for (int round = 2; round <= CandidateExecution.LATER_ROUNDS + 1 && fatal.get() == null; round++) {
            List<Runnable> again = new ArrayList<>();
            for (Item item : prepared.dataset().items()) {
                for (CandidateSpec c : prepared.suite().candidates()) {
                    if (answers.find(c.id(), item.id()).filter(Answer::unanswered).isPresent()) {
                        // counted in the first round already
                        again.add(() -> call(c, item, false));
                    }
                }
            }
            stalled = again.size() >= left ? stalled + 1 : 0;
            if (again.isEmpty() || stalled == 2) {
                return;   // all answered, or two rounds in a row answered none
            }
            left = again.size();
            // the wait grows with each round, so that a quota's minute has moved on by the later ones
            Duration pause = services.client() instanceof ResilientClient r ? r.slowDown().multipliedBy(round - 1)
                    : Duration.ZERO;
            services.progress().laterRound(round, again.size(), pause);
            Thread.sleep(pause.toMillis());
            runAll(again, threads);
        }
    }

    private void call(CandidateSpec c, Item item, boolean counted) {
        if (services.leaseLost().getAsBoolean()) {
            fatal.compareAndSet(null, "another process took this run over: its writer lease was not renewed in "
                    + "time, so this process stopped calling");
        }
        if (fatal.get() != null) {
            return;
        }
        Optional<Answer> answered = answer(c, item);
        if (answered.isEmpty()) {
            if (counted) {
                finished(c, true);
            }
            return;
        }
        Answer a = answered.get();
        answers.put(c.id(), item.id(), a);
        if (a.result() instanceof CallResult.Failure f) {
            checkFatal(c, f);
        } else {
            succeeded(c);
        }
        if (counted) {
            finished(c, a.failed());
        }
    }

    /** The answer; empty when the budget could not cover the call's worst case (the call is not made). */
    private Optional<Answer> answer(CandidateSpec c, Item item) {
        ModelRequest request = Requests.of(c, item);
        String key = cache.key(request);
        Optional<Answer> hit = cached(c, item, key);
        if (hit.isPresent()) {
            return hit;
        }
        Optional<ModelPrice> price = prepared.catalog().find(c.model(), request.settings());
        BigDecimal worst = price.map(p -> WorstCase.cost(request, p)).orElse(BigDecimal.ZERO);
        if (!budget.reserve(worst)) {
            return Optional.empty();
        }
        RunStore store = services.store();
        // the intent is committed before the request is sent: a call in flight when the process dies is counted as
        // possibly billed by the resume
        long intent = store.recordIntent(id, new RunStore.Intent("candidate", c.id(), item.id(), null, null, null, 0,
                c.model(), key, worst), services.clock().instant().toString());
        CallResult result = services.client().call(request.withRequestMetadata(
                RequestTags.candidate(prepared.suite().name(), id, c.id())));
        boolean lost = result instanceof CallResult.Failure f && RetryPolicy.possiblyBilled(f.errorCode());
        Answer a = Answers.of(prepared, c, item, result, ModelPrice.Mode.ON_DEMAND, Source.CALLED);
        store.settleCall(id, intent, new RunStore.CallRow(c.id(), item.id(), c.model(), result, a.cost().usdOrNull(),
                a.scores(), CallSource.CALLED), lost);
        // a call cut off after it was sent keeps its worst case: Bedrock may have billed it
        budget.settle(worst, lost ? worst : a.cost() instanceof Cost.Known k ? k.usd() : worst);
        if (result instanceof CallResult.Completion completion) {
            cache.keep(key, completion);
        }
        return Optional.of(a);
    }

    private void succeeded(CandidateSpec c) {
        successes.computeIfAbsent(c.id(), k -> new AtomicInteger()).incrementAndGet();
    }

    private void finished(CandidateSpec c, boolean failed) {
        services.progress().callFinished(done.incrementAndGet(), total, c.id(), failed, budget.spent());
    }

    /**
     * Stops the run on errors no retry can cure: no access or no such resource at once; a validation error when
     * the candidate has no success yet and it says the model id is wrong, or happens three times.
     */
    private void checkFatal(CandidateSpec c, CallResult.Failure f) {
        boolean noSuccess = successes.getOrDefault(c.id(), new AtomicInteger()).get() == 0;
        if (RetryPolicy.UNREACHABLE.equals(f.errorCode()) && !f.retryable()) {
            // the circuit breaker opened: the endpoint was never reached
            fatal.compareAndSet(null, f.message() + " — check the network, the region and execution.endpoint");
            return;
        }
        boolean stop = RetryPolicy.FATAL.contains(f.errorCode());
        if ("ValidationException".equals(f.errorCode()) && noSuccess) {
            int n = invalid.computeIfAbsent(c.id(), k -> new AtomicInteger()).incrementAndGet();
            String lower = f.message().toLowerCase(Locale.ROOT);
            stop = n >= 3 || lower.contains("model identifier") || lower.contains("inference profile");
        }
        if (stop) {
            String where = region.isEmpty() ? "the default region" : "region " + region;
            fatal.compareAndSet(null, "candidate '" + c.id() + "' (model " + c.model() + ") in " + where + ": "
                    + f.errorCode() + ": " + f.message() + " — " + advice(f.errorCode(), f.message()));
        }
    }

    /** What to do; Bedrock's own wording tells a missing inference profile or prompt caching from missing access. */
    static String advice(String code, String message) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
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

    /** Runs {@code tasks} on {@code threads} threads, handing them over a few at a time. */
    static void runAll(List<Runnable> tasks, int threads) throws InterruptedException {
        // the client limits calls in flight adaptively; the pool only needs enough threads to reach its maximum
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "frontier-call");
            t.setDaemon(true);
            return t;
        });
        // tasks are handed over a few at a time, so that a large suite never queues all its calls at once
        Semaphore room = new Semaphore(threads * 4);
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
}
