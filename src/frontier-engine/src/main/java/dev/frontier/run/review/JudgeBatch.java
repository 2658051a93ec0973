package dev.frontier.run.review;

import dev.frontier.batch.BatchRecords;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.BatchJobClient;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.RunId;
import dev.frontier.run.execute.BatchJobRounds;
import dev.frontier.run.execute.BatchSetup;
import dev.frontier.run.execute.ExecutionModes;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.WorstCase;
import dev.frontier.results.AnswerSource;
import dev.frontier.results.RunResult;
import dev.frontier.store.JobKind;
import dev.frontier.store.RunStore;
import dev.frontier.store.CallSource;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judge requests as Bedrock batch inference jobs. The judge phase first asks every judge what it would call
 * (first asks only: the one repair retry depends on the answer); the requests are grouped by judge scorer and
 * judge model, and a group goes to batch by the same rule as a candidate ({@link ExecutionModes#judge}). A batch
 * group is sent as jobs through {@link BatchJobRounds} (client request token from run, scorer, judge model and
 * part; recorded in the {@code jobs} table as kind {@value #KIND}), and the answers are committed to
 * {@code judge_calls} with source {@code batch}, priced at the batch price. The judge phase then runs as usual:
 * the batch answers stand in for the first asks, and everything else (repairs of malformed answers, error records,
 * records a job did not process, groups on demand) is called on demand.
 *
 * <p>A record's id names the candidate (its position in the suite), the item (its dataset index) and the slot, so a
 * resumed run maps the outputs of a job it finds in the store back to their calls without any stored map.
 */
public final class JudgeBatch {

    static final JobKind KIND = JobKind.JUDGE_BATCH;
    /** Answers read from a job are committed this many at a time, in one transaction. */
    private static final int COMMIT_EVERY = 1000;

    private final BatchSetup setup;
    private final String unavailable;
    private final RunStore store;
    private final InstantSource clock;
    private final PreparedSuite prepared;
    private final RunId run;
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final Map<String, Integer> candidateIndex = new HashMap<>();

    /** One first ask of a judge, as the judge phase would make it; the request is null when no job can take it. */
    record Request(RunStore.JudgeCallKey key, ModelRequest request) {
    }

    /** Whether any judge request can go to a batch job in this run (batch is available and the suite allows it). */
    boolean possible() {
        return setup != null && prepared.suite().execution().mode() != SuiteSpec.ExecutionSpec.Mode.ON_DEMAND;
    }

    /**
     * @param setup       the batch set-up, or null when batch is not available (every group then runs on demand)
     * @param unavailable why batch is not available, when {@code setup} is null
     */
    public JudgeBatch(BatchSetup setup, String unavailable, RunStore store, InstantSource clock, PreparedSuite prepared,
               RunId run) {
        this.setup = setup;
        this.unavailable = unavailable;
        this.store = store;
        this.clock = clock;
        this.prepared = prepared;
        this.run = run;
        for (int i = 0; i < prepared.dataset().items().size(); i++) {
            itemIndex.put(prepared.dataset().items().get(i).id(), i);
        }
        List<CandidateSpec> candidates = prepared.suite().candidates();
        for (int i = 0; i < candidates.size(); i++) {
            candidateIndex.put(candidates.get(i).id(), i);
        }
    }

    /**
     * Decides each group's mode, runs the batch groups' jobs (or takes over this run's jobs on a resume) and returns
     * the first asks they answered, already committed and priced at the batch price.
     *
     * @param modes receives each group's mode and reason
     */
    Map<RunStore.JudgeCallKey, Answered> run(List<Request> requests, BudgetGuard budget,
                                             List<RunResult.JudgeMode> modes) throws InterruptedException {
        Map<List<String>, List<Request>> groups = new LinkedHashMap<>();
        for (Request r : requests) {
            groups.computeIfAbsent(List.of(r.key().scorerId(), r.key().judgeModel()), k -> new ArrayList<>()).add(r);
        }
        Map<RunStore.JudgeCallKey, Answered> out = new HashMap<>();
        BatchJobRounds rounds = setup == null ? null
                : new BatchJobRounds(setup, store, clock, run, prepared.suite().name());
        List<RunStore.JobRow> ofRun = rounds == null ? List.of() : rounds.jobsOfRun(KIND);
        List<RunStore.JobRow> pending = new ArrayList<>();
        Map<String, Map<String, Request>> wanted = new HashMap<>();
        BigDecimal reserved = BigDecimal.ZERO;
        for (Map.Entry<List<String>, List<Request>> g : groups.entrySet()) {
            String scorer = g.getKey().get(0);
            String model = g.getKey().get(1);
            List<Request> group = g.getValue();
            ExecutionModes.Choice choice = ExecutionModes.judge(prepared, model, group.size(), setup != null,
                    unavailable);
            Map<String, Request> byRecord = new LinkedHashMap<>();
            group.forEach(r -> byRecord.put(recordId(r.key()), r));
            List<RunStore.JobRow> jobs = rounds == null ? List.of() : ofRun.stream()
                    .filter(j -> scorer.equals(j.candidateId())
                            && model.equals(rounds.request(j).path("modelId").asText())).toList();
            List<RunStore.JobRow> open = jobs.stream().filter(j -> !rounds.collected(j)).toList();
            if (!open.isEmpty()) {
                // submitted before the run was interrupted: its records are paid for, so it is read whatever the
                // count left now
                rounds.log("batch: judge " + scorer + " (" + model + "): resuming " + open.size()
                        + " job(s) of this run");
                pending.addAll(open);
                wanted.computeIfAbsent(scorer + "\u0000" + model, k -> new HashMap<>()).putAll(byRecord);
                modes.add(new RunResult.JudgeMode(scorer, model, AnswerSource.BATCH, (choice.batch()
                        ? choice.reason() + "; " : "") + "resumed the batch job submitted before the run was "
                        + "interrupted", group.size()));
                continue;
            }
            if (!choice.batch()) {
                modes.add(new RunResult.JudgeMode(scorer, model, choice.mode(), choice.reason(), group.size()));
                continue;
            }
            if (!jobs.isEmpty()) {
                modes.add(new RunResult.JudgeMode(scorer, model, AnswerSource.ON_DEMAND, "its batch job "
                        + "already ended; the " + group.size() + " requests left are called on demand",
                        group.size()));
                continue;
            }
            ModelPrice price = prepared.catalog().find(model).orElseThrow();
            BigDecimal worst = BigDecimal.ZERO;
            for (Request r : group) {
                worst = worst.add(WorstCase.batchCost(r.request(), price));
            }
            if (!budget.reserveIfCovered(worst)) {
                // each on-demand call is guarded on its own, so the calls that fit are still made
                modes.add(new RunResult.JudgeMode(scorer, model, AnswerSource.ON_DEMAND, "the budget cannot "
                        + "cover the batch job's worst case $" + worst.toPlainString() + "; called on demand",
                        group.size()));
                continue;
            }
            reserved = reserved.add(worst);
            int[] sizes = BatchRecords.jobSizes(group.size(), BatchRecords.MAX_RECORDS_PER_FILE);
            Iterator<Map.Entry<String, Request>> records = byRecord.entrySet().iterator();
            Iterator<String> lines = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public String next() {
                    Map.Entry<String, Request> e = records.next();
                    return BatchRecords.line(e.getKey(), e.getValue().request());
                }
            };
            for (int part = 1; part <= sizes.length; part++) {
                pending.add(rounds.submit(KIND, scorer, model, "judges/" + scorer + "/" + safeModel(model) + "/",
                        part, rounds.token("judge", scorer, model, String.valueOf(part)), lines, sizes[part - 1],
                        Map.of("judgeScorer", scorer)));
            }
            wanted.computeIfAbsent(scorer + "\u0000" + model, k -> new HashMap<>()).putAll(byRecord);
            modes.add(new RunResult.JudgeMode(scorer, model, AnswerSource.BATCH, choice.reason(), group.size()));
        }
        if (rounds != null && !pending.isEmpty()) {
            rounds.await(pending, (job, status) -> read(rounds, job, status,
                    wanted.getOrDefault(job.candidateId() + "\u0000" + rounds.request(job).path("modelId").asText(),
                            Map.of()), out));
        }
        budget.settle(reserved, BigDecimal.ZERO);
        return out;
    }

    /** A first ask a batch job answered: the answer and what it cost at the batch price. */
    record Answered(CallResult.Completion completion, Cost cost) {
    }

    private void read(BatchJobRounds rounds, RunStore.JobRow job, BatchJobClient.Status status,
                      Map<String, Request> wanted, Map<RunStore.JudgeCallKey, Answered> out) {
        int[] errors = {0};
        List<RunStore.JudgeCallRow> rows = new ArrayList<>();
        rounds.readOutputs(job, status, record -> {
            Request r = wanted.get(record.recordId());
            if (r == null || out.containsKey(r.key())) {
                return;
            }
            if (record.result() instanceof CallResult.Completion done) {
                Cost cost = prepared.catalog().find(r.key().judgeModel())
                        .map(p -> p.cost(done.usage(), ModelPrice.Mode.BATCH))
                        .orElseGet(() -> new Cost.Unknown("no price for judge model " + r.key().judgeModel()));
                rows.add(new RunStore.JudgeCallRow(r.key(), done, cost.usdOrNull(), CallSource.BATCH));
                if (rows.size() >= COMMIT_EVERY) {
                    store.recordJudgeCalls(run, rows);
                    rows.clear();
                }
                out.put(r.key(), new Answered(done, cost));
            } else {
                errors[0]++;   // called on demand by the judge phase
            }
        });
        store.recordJudgeCalls(run, rows);
        if (errors[0] > 0) {
            rounds.log("batch: " + rounds.label(job) + ": " + errors[0] + " error record(s) are called on demand");
        }
    }

    /** The record id of a first ask: candidate position, item index and slot. */
    String recordId(RunStore.JudgeCallKey key) {
        String slot = switch (key.slot()) {
            case "ab" -> "ab";
            case "ba" -> "ba";
            default -> "p";
        };
        return String.format(Locale.ROOT, "c%04di%09d%s", candidateIndex.get(key.candidateId()),
                itemIndex.get(key.itemId()), slot);
    }

    private static String safeModel(String model) {
        return model.replaceAll("[^A-Za-z0-9.+-]", "-");
    }
}
