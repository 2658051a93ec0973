package dev.frontier.run.execute;

import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.invoke.ModelClient;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.RunId;
import dev.frontier.run.flow.Answer;
import dev.frontier.run.flow.AnswerTable;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.flow.Source;
import dev.frontier.run.prepare.ImportedOutputs;
import dev.frontier.run.prepare.ItemSampling;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.store.RunStore;
import dev.frontier.score.CorpusScorer;
import dev.frontier.store.CallSource;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The execution stage of a run: every candidate answers every item, each answer priced, scored and committed to the
 * run store as it arrives. Answers already in the store are reused on {@code --resume}, identical requests are
 * answered from the response cache, and no call is made whose worst case the budget cannot cover. Candidates in
 * batch mode ({@link ExecutionModes}) are answered by Bedrock batch inference jobs ({@link BatchExecution}) while
 * the on-demand candidates run; what a job does not answer is called on demand. Calls throttled out or cut off are
 * called again in later rounds. A call that can never succeed as configured (no access, unknown model) stops the
 * calls at once.
 */
public final class CandidateExecution {

    /** Later rounds at most; they also end when two in a row answered nothing. */
    public static final int LATER_ROUNDS = 5;

    private final CandidateCalls.Services services;
    private final BatchSetup batch;

    /**
     * @param batch     lets candidates run as batch jobs; null when batch is not available (every candidate then
     *                  runs on demand, and the report says why)
     * @param leaseLost whether another process took the run over: from then on no call is made
     */
    public CandidateExecution(ModelClient client, RunStore store, InstantSource clock, RunProgress progress,
                              BatchSetup batch, BooleanSupplier leaseLost) {
        this.services = new CandidateCalls.Services(client, store, clock, progress, leaseLost);
        this.batch = batch;
    }

    /**
     * What the execution left for the review and the aggregation.
     *
     * @param answers      every answer, by candidate and item
     * @param modes        how each candidate ran, and why
     * @param cacheMisses  requests the response cache did not answer
     * @param fatal        why the run must stop, when a call failed in a way no retry can cure
     * @param batchRefused whether a candidate's batch job was not submitted because the budget could not cover it
     */
    public record Executed(AnswerTable answers, Map<String, ExecutionModes.Choice> modes, int cacheMisses,
                           Optional<String> fatal, boolean batchRefused) {
    }

    /**
     * Answers every item by every candidate.
     *
     * @param region  the AWS region the calls go to, empty for the default
     * @param earlier the answers stored before a resume (empty for a fresh run): they are not asked for again
     */
    public Executed run(PreparedSuite prepared, RunId id, String region, CachedResponses cache, BudgetGuard budget,
                        Map<RunStore.CallKey, RunStore.StoredCall> earlier) throws InterruptedException {
        List<CandidateSpec> candidates = prepared.suite().candidates();
        List<Item> items = prepared.dataset().items();
        Map<String, ExecutionModes.Choice> modes = ExecutionModes.decide(prepared, items.size(), batch != null,
                BatchSetup.UNAVAILABLE);
        BatchExecution batchRun = batch == null ? null
                : new BatchExecution(batch, services.store(), services.clock(), prepared, id);
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            indexOf.put(items.get(i).id(), i);
        }
        AnswerTable answers = new AnswerTable(keepText(prepared, indexOf));
        CandidateCalls calls = new CandidateCalls(services, prepared, id, region, budget, cache, answers);
        List<Runnable> tasks = new ArrayList<>(candidates.size() * items.size());
        for (Item item : items) {
            for (CandidateSpec c : candidates) {
                if (c.isImported()) {
                    // outputs made elsewhere: nothing is called or paid, the output is scored and priced
                    calls.accept(c, item, imported(prepared, id, c, item), true);
                    continue;
                }
                RunStore.StoredCall stored = earlier.get(new RunStore.CallKey(c.id(), item.id()));
                if (stored != null) {
                    // answers from before the interruption count toward the spend and are not asked for again
                    Answer a = reuse(prepared, c, item, stored);
                    budget.settle(BigDecimal.ZERO, a.paid() instanceof Cost.Known k ? k.usd() : BigDecimal.ZERO);
                    calls.accept(c, item, a, true);
                    continue;
                }
                if (batchRun != null && modes.get(c.id()).batch()) {
                    // an identical request answered before is not paid again, in batch either
                    Optional<Answer> hit = calls.cached(c, item);
                    if (hit.isPresent()) {
                        calls.accept(c, item, hit.get(), false);
                    } else {
                        batchRun.need(c, indexOf.get(item.id()));
                    }
                    continue;
                }
                tasks.add(calls.task(c, item));
            }
        }
        int threads = prepared.suite().execution().concurrency();
        if (batchRun != null) {
            batchRun.submit(budget);
        }
        CandidateCalls.runAll(tasks, threads);
        if (batchRun != null && calls.fatal().isEmpty()) {
            List<BatchExecution.Fallback> fallbacks = batchRun.collect(budget,
                    (c, item, a) -> calls.accept(c, item, a, false));
            List<Runnable> again = new ArrayList<>(fallbacks.size());
            for (BatchExecution.Fallback f : fallbacks) {
                again.add(calls.task(f.candidate(), f.item()));
            }
            CandidateCalls.runAll(again, threads);
        }
        calls.laterRounds(threads);
        return new Executed(answers, modes, calls.misses(), calls.fatal(),
                batchRun != null && !batchRun.refused().isEmpty());
    }

    /**
     * Looks at the answers after each stage of a sequential run and says who is still called.
     */
    @FunctionalInterface
    public interface Looks {
        /**
         * After stage {@code look} (1-based), with {@code seen} the items of every stage so far: the ids of the
         * candidates to call on the next stage (the incumbent among them while any other is); empty when every
         * candidate is decided.
         */
        java.util.Set<String> after(int look, List<Item> seen, AnswerTable answers);
    }

    /**
     * Answers the items in stages, for a sequential run ({@code execution.sequential}): the items in the seeded random
     * {@code order}, the stages ending at {@code stageEnds} (items seen by each look, the last one all of them);
     * after each stage {@code looks} says which candidates the next stage calls. Everything runs on demand; answers
     * stored before a resume, the response cache and the budget work as in {@link #run}.
     */
    public Executed runSequential(PreparedSuite prepared, RunId id, String region, CachedResponses cache,
                                  BudgetGuard budget, Map<RunStore.CallKey, RunStore.StoredCall> earlier,
                                  List<Item> order, int[] stageEnds, Looks looks) throws InterruptedException {
        List<CandidateSpec> candidates = prepared.suite().candidates();
        List<Item> items = prepared.dataset().items();
        Map<String, ExecutionModes.Choice> modes = ExecutionModes.decide(prepared, items.size(), false,
                "a sequential run calls on demand");
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            indexOf.put(items.get(i).id(), i);
        }
        AnswerTable answers = new AnswerTable(keepText(prepared, indexOf));
        CandidateCalls calls = new CandidateCalls(services, prepared, id, region, budget, cache, answers);
        int threads = prepared.suite().execution().concurrency();
        java.util.Set<String> open = new java.util.HashSet<>();
        candidates.forEach(c -> open.add(c.id()));
        int from = 0;
        for (int look = 1; look <= stageEnds.length && !open.isEmpty(); look++) {
            List<Runnable> tasks = new ArrayList<>();
            for (Item item : order.subList(from, stageEnds[look - 1])) {
                for (CandidateSpec c : candidates) {
                    if (open.contains(c.id())) {
                        schedule(prepared, id, calls, budget, earlier, c, item).ifPresent(tasks::add);
                    }
                }
            }
            CandidateCalls.runAll(tasks, threads);
            calls.laterRounds(threads);
            if (calls.fatal().isPresent() || budget.refused() > 0) {
                // a look is taken on whole stages only, so a resumed run looks at exactly what this one would have
                break;
            }
            from = stageEnds[look - 1];
            java.util.Set<String> next = looks.after(look, order.subList(0, from), answers);
            open.clear();
            open.addAll(next);
        }
        return new Executed(answers, modes, calls.misses(), calls.fatal(), false);
    }

    /**
     * One candidate's answer to one item, outside batch: imported and stored answers are taken as they are (nothing
     * to call), anything else becomes a call task.
     */
    private Optional<Runnable> schedule(PreparedSuite prepared, RunId id, CandidateCalls calls, BudgetGuard budget,
                                        Map<RunStore.CallKey, RunStore.StoredCall> earlier, CandidateSpec c,
                                        Item item) {
        if (c.isImported()) {
            calls.accept(c, item, imported(prepared, id, c, item), true);
            return Optional.empty();
        }
        RunStore.StoredCall stored = earlier.get(new RunStore.CallKey(c.id(), item.id()));
        if (stored != null) {
            Answer a = reuse(prepared, c, item, stored);
            budget.settle(BigDecimal.ZERO, a.paid() instanceof Cost.Known k ? k.usd() : BigDecimal.ZERO);
            calls.accept(c, item, a, true);
            return Optional.empty();
        }
        return Optional.of(calls.task(c, item));
    }

    /**
     * The answers of a re-scored run: the stored outputs of run {@code parent} (an item without one is a failed
     * item), and the imported candidates' outputs read from their files as usual; nothing is called.
     */
    public AnswerTable stored(PreparedSuite prepared, RunId id, RunId parent,
                              Map<RunStore.CallKey, RunStore.StoredCall> stored) {
        AnswerTable answers = AnswerTable.keepingAllTexts();
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
                    a = Answers.of(prepared, c, item, result, ModelPrice.Mode.ON_DEMAND, Source.STORED);
                    services.store().recordCall(id, c.id(), item.id(), c.model(), a.result(), a.cost().usdOrNull(),
                            a.scores(), CallSource.STORED);
                }
                answers.put(c.id(), item.id(), a);
            }
        }
        return answers;
    }

    /**
     * Whose output texts the answer table keeps: corpus metrics and judges (which compare the candidates' outputs
     * after the calls) need every text; otherwise only the items the record lists (its item sample) are kept.
     */
    private static Predicate<String> keepText(PreparedSuite prepared, Map<String, Integer> indexOf) {
        if (prepared.scorers().stream().anyMatch(s -> s.scorer() instanceof CorpusScorer || s.late())) {
            return itemId -> true;
        }
        int every = ItemSampling.every(indexOf.size());
        return itemId -> ItemSampling.embedded(indexOf.get(itemId), every);
    }

    private Answer reuse(PreparedSuite prepared, CandidateSpec c, Item item, RunStore.StoredCall stored) {
        boolean batched = stored.source() == CallSource.BATCH;
        Source source = batched ? Source.RESUMED_BATCH
                : stored.source() == CallSource.CACHED ? Source.RESUMED_CACHED : Source.RESUMED_CALLED;
        return Answers.of(prepared, c, item, stored.completion(),
                batched ? ModelPrice.Mode.BATCH : ModelPrice.Mode.ON_DEMAND, source);
    }

    private Answer imported(PreparedSuite prepared, RunId id, CandidateSpec c, Item item) {
        CallResult result = ImportedOutputs.answer(prepared, c, item);
        Answer a = Answers.of(prepared, c, item, result, ModelPrice.Mode.ON_DEMAND, Source.IMPORTED);
        if (result instanceof CallResult.Completion && !c.imported().get().priced()) {
            a = new Answer(result, new Cost.Unknown("imported outputs of " + c.id() + " are not priced (no priceAs)"),
                    a.scores(), Source.IMPORTED);
        }
        services.store().recordCall(id, c.id(), item.id(), c.model(), result, a.cost().usdOrNull(), a.scores(),
                CallSource.IMPORTED);
        return a;
    }
}
