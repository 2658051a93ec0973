package dev.frontier.run.execute;

import dev.frontier.batch.BatchRecords;
import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.BatchJobClient;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.RunId;
import dev.frontier.run.flow.Answer;
import dev.frontier.run.flow.Source;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.Requests;
import dev.frontier.run.prepare.WorstCase;
import dev.frontier.store.JobKind;
import dev.frontier.store.RunStore;
import dev.frontier.store.CallSource;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The batch inference part of a run: for each candidate that runs in batch, its records are written to S3 (split
 * at Bedrock's limits, one job per 50,000 records), each job is submitted with a client request token derived
 * from the run, candidate and part (so a re-run never submits twice) and recorded in the run store; then the jobs
 * are polled with back-off until they end ({@link BatchJobRounds} does this for judges too), their
 * {@code *.jsonl.out} files are read and joined on
 * {@code recordId}, every answer is priced at the batch price, scored and committed, and the manifest's totals
 * are checked against the records. A resumed run finds its jobs in the store and polls them again.
 *
 * <p>Items a job did not answer (failed, stopped, expired, partially completed jobs; too few items for a job)
 * come back as fallbacks that the runner calls on demand. Error records stay as item errors (a later
 * {@code --resume} calls them on demand).
 */
final class BatchExecution {

    static final JobKind KIND = JobKind.BATCH_INFERENCE;
    private static final int COMMIT_EVERY = 1000;

    private final BatchSetup setup;
    private final RunStore store;
    private final PreparedSuite prepared;
    private final RunId run;
    private final BatchJobRounds rounds;
    private final Map<String, BitSet> needed = new LinkedHashMap<>();
    private final Map<String, BitSet> answered = new LinkedHashMap<>();
    private final Map<String, BigDecimal> reserved = new LinkedHashMap<>();
    private final List<RunStore.JobRow> pending = new ArrayList<>();
    private final List<Fallback> fallbacks = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    /** Receives each answer a job gave, already committed to the store. */
    interface Sink {
        void accept(CandidateSpec c, Item item, Answer answer);
    }

    /** An item a job did not answer, to be called on demand. */
    record Fallback(CandidateSpec candidate, Item item, String why) {
    }

    BatchExecution(BatchSetup setup, RunStore store, InstantSource clock, PreparedSuite prepared, RunId run) {
        this.setup = setup;
        this.store = store;
        this.prepared = prepared;
        this.run = run;
        this.rounds = new BatchJobRounds(setup, store, clock, run, prepared.suite().name());
    }

    /** Marks the item at {@code index} of the dataset as to be answered by {@code c}'s batch job. */
    void need(CandidateSpec c, int index) {
        needed.computeIfAbsent(c.id(), k -> new BitSet()).set(index);
    }

    /** Candidates whose items the budget could not cover (nothing was submitted for them). */
    List<String> refused() {
        return refused;
    }

    /** Submits a job for every candidate that has none yet in this run, or takes over the jobs it has. */
    void submit(BudgetGuard budget) {
        List<RunStore.JobRow> ofRun = rounds.jobsOfRun(KIND);
        for (CandidateSpec c : prepared.suite().candidates()) {
            BitSet want = needed.get(c.id());
            if (want == null || want.isEmpty()) {
                continue;
            }
            answered.put(c.id(), new BitSet());
            List<RunStore.JobRow> jobs = ofRun.stream().filter(j -> c.id().equals(j.candidateId())).toList();
            if (!jobs.isEmpty()) {
                List<RunStore.JobRow> open = jobs.stream().filter(j -> !rounds.collected(j)).toList();
                pending.addAll(open);
                if (open.isEmpty()) {
                    fallbackAll(c, want, "its batch job already ended; the rest is called on demand");
                } else {
                    setup.log().accept("batch: " + c.id() + ": resuming " + open.size() + " job(s) of this run");
                }
                continue;
            }
            if (want.cardinality() < BatchRecords.MIN_RECORDS_PER_JOB) {
                fallbackAll(c, want, want.cardinality() + " items left: fewer than a batch job's minimum of "
                        + BatchRecords.MIN_RECORDS_PER_JOB);
                continue;
            }
            Optional<ModelPrice> price = prepared.catalog().find(c.model());
            BigDecimal worst = BigDecimal.ZERO;
            if (price.isPresent()) {
                for (int i = want.nextSetBit(0); i >= 0; i = want.nextSetBit(i + 1)) {
                    worst = worst.add(WorstCase.batchCost(Requests.of(c, item(i)), price.get()));
                }
            }
            if (!budget.reserve(worst)) {
                refused.add(c.id());
                setup.log().accept("batch: " + c.id() + ": not submitted, the budget cannot cover its worst case $"
                        + worst.toPlainString());
                needed.remove(c.id());
                continue;
            }
            reserved.put(c.id(), worst);
            submitJobs(c, want);
        }
    }

    private void submitJobs(CandidateSpec c, BitSet want) {
        int[] sizes = BatchRecords.jobSizes(want.cardinality(), BatchRecords.MAX_RECORDS_PER_FILE);
        int[] next = {want.nextSetBit(0)};
        java.util.Iterator<String> lines = new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return next[0] >= 0;
            }

            @Override
            public String next() {
                String line = BatchRecords.line(BatchRecords.recordId(next[0]), Requests.of(c, item(next[0])));
                next[0] = want.nextSetBit(next[0] + 1);
                return line;
            }
        };
        for (int part = 1; part <= sizes.length; part++) {
            pending.add(rounds.submit(KIND, c.id(), c.model(), c.id() + "/", part,
                    rounds.token(c.id(), String.valueOf(part)), lines, sizes[part - 1], Map.of()));
        }
    }

    /**
     * Polls every pending job until it ends, then reads its outputs. Answers go to {@code sink} as they are
     * committed.
     *
     * @return the items no job answered, to be called on demand
     */
    List<Fallback> collect(BudgetGuard budget, Sink sink) throws InterruptedException {
        rounds.await(pending, (job, s) -> read(job, s, sink, budget));
        pending.clear();
        for (Map.Entry<String, BitSet> e : needed.entrySet()) {
            CandidateSpec c = candidate(e.getKey());
            BitSet left = (BitSet) e.getValue().clone();
            left.andNot(answered.getOrDefault(e.getKey(), new BitSet()));
            if (!left.isEmpty() && fallbacks.stream().noneMatch(f -> f.candidate().id().equals(c.id()))) {
                fallbackAll(c, left, "not answered by its batch job");
            }
            BigDecimal r = reserved.get(e.getKey());
            if (r != null) {
                budget.settle(r, BigDecimal.ZERO);
            }
        }
        return List.copyOf(fallbacks);
    }

    /** Reads a finished job's outputs: joins records on their id, prices, scores and commits them. */
    private void read(RunStore.JobRow job, BatchJobClient.Status status, Sink sink, BudgetGuard budget) {
        CandidateSpec c = candidate(job.candidateId());
        BitSet want = needed.getOrDefault(c.id(), new BitSet());
        BitSet got = answered.computeIfAbsent(c.id(), k -> new BitSet());
        List<RunStore.CallRow> rows = new ArrayList<>();
        List<Object[]> delivered = new ArrayList<>();
        rounds.readOutputs(job, status, record -> {
            int index = BatchRecords.index(record.recordId());
            if (index < 0 || index >= prepared.dataset().items().size() || !want.get(index) || got.get(index)) {
                return;
            }
            got.set(index);
            Item item = item(index);
            Answer a = Answers.of(prepared, c, item, record.result(), ModelPrice.Mode.BATCH, Source.BATCH);
            rows.add(new RunStore.CallRow(c.id(), item.id(), c.model(), a.result(), a.cost().usdOrNull(),
                    a.scores(), CallSource.BATCH));
            delivered.add(new Object[] {item, a});
            if (rows.size() >= COMMIT_EVERY) {
                flush(rows, delivered, c, sink, budget);
            }
        });
        flush(rows, delivered, c, sink, budget);
    }

    private void flush(List<RunStore.CallRow> rows, List<Object[]> delivered, CandidateSpec c, Sink sink,
                       BudgetGuard budget) {
        store.recordCalls(run, rows);
        for (Object[] d : delivered) {
            Answer a = (Answer) d[1];
            if (a.cost() instanceof Cost.Known k) {
                // paid as committed; the job's reservation is released when all its jobs are read
                budget.settle(BigDecimal.ZERO, k.usd());
            }
            sink.accept(c, (Item) d[0], a);
        }
        rows.clear();
        delivered.clear();
    }

    private void fallbackAll(CandidateSpec c, BitSet indices, String why) {
        for (int i = indices.nextSetBit(0); i >= 0; i = indices.nextSetBit(i + 1)) {
            fallbacks.add(new Fallback(c, item(i), why));
        }
        if (!indices.isEmpty()) {
            setup.log().accept("batch: " + c.id() + ": " + indices.cardinality() + " item(s) on demand: " + why);
        }
    }

    private Item item(int index) {
        return prepared.dataset().items().get(index);
    }

    private CandidateSpec candidate(String id) {
        return prepared.suite().candidates().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("job of unknown candidate " + id));
    }

}
