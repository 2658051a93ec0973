package dev.frontier.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.batch.BatchOutput;
import dev.frontier.batch.BatchRecords;
import dev.frontier.batch.JobStatus;
import dev.frontier.batch.Manifest;
import dev.frontier.batch.RecordSplitter;
import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.BatchJobClient;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.RunId;
import dev.frontier.model.S3Uri;
import dev.frontier.model.Score;
import dev.frontier.store.RunStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The batch inference part of a run: for each candidate that runs in batch, its records are written to S3 (split
 * at Bedrock's limits, one job per 50,000 records), each job is submitted with a client request token derived
 * from the run, candidate and part (so a re-run never submits twice) and recorded in the run store; then the jobs
 * are polled with back-off until they end, their {@code *.jsonl.out} files are read and joined on
 * {@code recordId}, every answer is priced at the batch price, scored and committed, and the manifest's totals
 * are checked against the records. A resumed run finds its jobs in the store and polls them again.
 *
 * <p>Items a job did not answer (failed, stopped, expired, partially completed jobs; too few items for a job)
 * come back as fallbacks that the runner calls on demand. Error records stay as item errors (a later
 * {@code --resume} calls them on demand).
 */
final class BatchExecution {

    static final String KIND = "batch";
    private static final int COMMIT_EVERY = 1000;
    private static final int MAX_JOB_NAME = 63;

    private final BatchSetup setup;
    private final RunStore store;
    private final InstantSource clock;
    private final PreparedSuite prepared;
    private final RunId run;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, BitSet> needed = new LinkedHashMap<>();
    private final Map<String, BitSet> answered = new LinkedHashMap<>();
    private final Map<String, BigDecimal> reserved = new LinkedHashMap<>();
    private final List<RunStore.JobRow> pending = new ArrayList<>();
    private final List<Fallback> fallbacks = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    /** Receives each answer a job gave, already committed to the store. */
    interface Sink {
        void accept(CandidateSpec c, Item item, Runner.Answer answer);
    }

    /** An item a job did not answer, to be called on demand. */
    record Fallback(CandidateSpec candidate, Item item, String why) {
    }

    BatchExecution(BatchSetup setup, RunStore store, InstantSource clock, PreparedSuite prepared, RunId run) {
        this.setup = setup;
        this.store = store;
        this.clock = clock;
        this.prepared = prepared;
        this.run = run;
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
        List<RunStore.JobRow> ofRun = store.jobsOfRun(run).stream().filter(j -> KIND.equals(j.kind())).toList();
        for (CandidateSpec c : prepared.suite().candidates()) {
            BitSet want = needed.get(c.id());
            if (want == null || want.isEmpty()) {
                continue;
            }
            answered.put(c.id(), new BitSet());
            List<RunStore.JobRow> jobs = ofRun.stream().filter(j -> c.id().equals(j.candidateId())).toList();
            if (!jobs.isEmpty()) {
                List<RunStore.JobRow> open = jobs.stream().filter(j -> !collected(j)).toList();
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
        S3Uri base = setup.prefix().resolve(prepared.suite().name() + "/" + run.value() + "/" + c.id() + "/");
        int next = want.nextSetBit(0);
        for (int part = 1; part <= sizes.length; part++) {
            String partName = String.format(Locale.ROOT, "job-%05d", part);
            S3Uri input = base.resolve("input/" + partName + "/");
            S3Uri output = base.resolve("output/" + partName + "/");
            Path dir = setup.workDir().resolve(run.value()).resolve(safe(c.id())).resolve(partName);
            List<Path> files;
            try {
                Files.createDirectories(dir);
                try (RecordSplitter splitter = new RecordSplitter(dir, "records", BatchRecords.MAX_RECORDS_PER_FILE,
                        BatchRecords.MAX_FILE_BYTES)) {
                    for (int n = 0; n < sizes[part - 1]; n++) {
                        splitter.add(BatchRecords.line(BatchRecords.recordId(next), Requests.of(c, item(next))));
                        next = want.nextSetBit(next + 1);
                    }
                    files = splitter.files();
                }
                for (Path f : files) {
                    setup.s3().put(input.resolve(f.getFileName().toString()), f);
                    Files.delete(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write batch records under " + dir, e);
            }
            String token = token(c.id(), part);
            String name = jobName(c.id(), part);
            BatchJobClient.Submission submission = new BatchJobClient.Submission(name, token, c.model(),
                    setup.roleArn(), input, output, setup.bucketOwner(), setup.kmsKeyId(), setup.tags());
            String arn = setup.jobs().submit(submission);
            ObjectNode request = json.createObjectNode();
            request.put("jobName", name);
            request.put("modelId", c.model());
            request.put("input", input.toString());
            request.put("output", output.toString());
            request.put("records", sizes[part - 1]);
            request.put("files", files.size());
            String now = clock.instant().toString();
            RunStore.JobRow row = new RunStore.JobRow(arn, KIND, name, prepared.suite().name(), run.value(), c.id(),
                    token, "Submitted", request.toString(), null, now, now);
            store.recordJob(row);
            pending.add(store.job(arn).orElse(row));
            setup.log().accept("batch: " + c.id() + ": submitted " + arn + " (" + sizes[part - 1] + " records in "
                    + files.size() + " file(s))");
        }
    }

    /**
     * Polls every pending job until it ends, then reads its outputs. Answers go to {@code sink} as they are
     * committed.
     *
     * @return the items no job answered, to be called on demand
     */
    List<Fallback> collect(BudgetGuard budget, Sink sink) throws InterruptedException {
        Duration wait = setup.firstPoll();
        Map<String, String> lastStatus = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            List<RunStore.JobRow> still = new ArrayList<>();
            for (RunStore.JobRow job : pending) {
                BatchJobClient.Status s = setup.jobs().status(job.jobArn());
                if (!s.status().equals(lastStatus.put(job.jobArn(), s.status()))) {
                    setup.log().accept("batch: " + job.candidateId() + ": " + job.jobArn() + " " + s.status()
                            + (s.total() >= 0 ? " (" + Math.max(0, s.processed()) + "/" + s.total() + " records)" : "")
                            + (s.message().isEmpty() ? "" : ": " + s.message()));
                }
                store.updateJob(job.jobArn(), s.status(), details(s, false), clock.instant().toString());
                if (!JobStatus.isTerminal(s.status())) {
                    still.add(job);
                    continue;
                }
                read(job, s, sink, budget);
                store.updateJob(job.jobArn(), s.status(), details(s, true), clock.instant().toString());
            }
            pending.clear();
            pending.addAll(still);
            if (!pending.isEmpty()) {
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(setup.maxPoll()) > 0 ? setup.maxPoll() : wait.multipliedBy(2);
            }
        }
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
        S3Uri output = S3Uri.parse(request(job).path("output").asText());
        S3Uri dir = output.resolve(status.jobId() + "/");
        long success = 0;
        long errors = 0;
        long inputTokens = 0;
        long outputTokens = 0;
        Optional<ModelPrice> price = prepared.catalog().find(c.model());
        List<RunStore.CallRow> rows = new ArrayList<>();
        List<Object[]> delivered = new ArrayList<>();
        for (S3Uri file : setup.s3().list(dir)) {
            if (!file.key().endsWith(".jsonl.out")) {
                continue;
            }
            try (InputStream in = setup.s3().open(file).orElseThrow();
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    BatchOutput.Record record;
                    try {
                        record = BatchOutput.parse(line);
                    } catch (IllegalArgumentException e) {
                        setup.log().accept("batch: " + c.id() + ": skipped an unreadable line of " + file + ": "
                                + e.getMessage());
                        continue;
                    }
                    if (record.result() instanceof CallResult.Completion done) {
                        success++;
                        inputTokens += done.usage().totalInputTokens();
                        outputTokens += done.usage().outputTokens();
                    } else {
                        errors++;
                    }
                    int index = BatchRecords.index(record.recordId());
                    if (index < 0 || index >= prepared.dataset().items().size() || !want.get(index)
                            || got.get(index)) {
                        continue;
                    }
                    got.set(index);
                    Item item = item(index);
                    Runner.Answer a = answer(c, item, record.result(), price);
                    rows.add(new RunStore.CallRow(c.id(), item.id(), c.model(), a.result(), a.cost().usdOrNull(),
                            a.scores(), "batch"));
                    delivered.add(new Object[] {item, a});
                    if (rows.size() >= COMMIT_EVERY) {
                        flush(rows, delivered, c, sink, budget);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        flush(rows, delivered, c, sink, budget);
        Optional<InputStream> manifest = setup.s3().open(dir.resolve("manifest.json.out"));
        if (manifest.isPresent()) {
            try (InputStream in = manifest.get()) {
                List<String> off = Manifest.parse(in.readAllBytes()).disagreements(success, errors, inputTokens,
                        outputTokens);
                setup.log().accept("batch: " + c.id() + ": " + job.jobArn() + " " + status.status() + ": " + success
                        + " answered, " + errors + " error records; manifest "
                        + (off.isEmpty() ? "agrees with the records" : "DISAGREES: " + String.join("; ", off)));
            } catch (IOException | IllegalArgumentException e) {
                setup.log().accept("batch: " + c.id() + ": cannot read the manifest of " + job.jobArn() + ": "
                        + e.getMessage());
            }
        } else if (JobStatus.WITH_OUTPUT.contains(status.status())) {
            setup.log().accept("batch: " + c.id() + ": " + job.jobArn() + " has no manifest.json.out");
        }
    }

    private void flush(List<RunStore.CallRow> rows, List<Object[]> delivered, CandidateSpec c, Sink sink,
                       BudgetGuard budget) {
        store.recordCalls(run, rows);
        for (Object[] d : delivered) {
            Runner.Answer a = (Runner.Answer) d[1];
            if (a.cost() instanceof Cost.Known k) {
                // paid as committed; the job's reservation is released when all its jobs are read
                budget.settle(BigDecimal.ZERO, k.usd());
            }
            sink.accept(c, (Item) d[0], a);
        }
        rows.clear();
        delivered.clear();
    }

    private Runner.Answer answer(CandidateSpec c, Item item, CallResult result, Optional<ModelPrice> price) {
        if (result instanceof CallResult.Completion done) {
            Cost cost = price.map(p -> p.cost(done.usage(), ModelPrice.Mode.BATCH))
                    .orElseGet(() -> new Cost.Unknown("no price for " + c.model()));
            return new Runner.Answer(done, cost, Runner.score(prepared, item, done.text()), Runner.Source.BATCH);
        }
        CallResult.Failure f = (CallResult.Failure) result;
        Map<String, Score> scores = new LinkedHashMap<>();
        for (PreparedSuite.BoundScorer s : prepared.scorers()) {
            scores.put(s.spec().id(), new Score.Value(0.0, "call failed: " + f.errorCode()));
        }
        return new Runner.Answer(f, Cost.ZERO, scores, Runner.Source.BATCH);
    }

    private void fallbackAll(CandidateSpec c, BitSet indices, String why) {
        for (int i = indices.nextSetBit(0); i >= 0; i = indices.nextSetBit(i + 1)) {
            fallbacks.add(new Fallback(c, item(i), why));
        }
        if (!indices.isEmpty()) {
            setup.log().accept("batch: " + c.id() + ": " + indices.cardinality() + " item(s) on demand: " + why);
        }
    }

    private String details(BatchJobClient.Status s, boolean collected) {
        ObjectNode d = json.createObjectNode();
        d.put("status", s.status());
        d.put("message", s.message());
        d.put("totalRecordCount", s.total());
        d.put("processedRecordCount", s.processed());
        d.put("successRecordCount", s.success());
        d.put("errorRecordCount", s.errors());
        d.put("collected", collected);
        return d.toString();
    }

    private boolean collected(RunStore.JobRow job) {
        if (job.detailsJson() == null) {
            return false;
        }
        try {
            return json.readTree(job.detailsJson()).path("collected").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode request(RunStore.JobRow job) {
        try {
            return json.readTree(job.requestJson());
        } catch (IOException e) {
            throw new IllegalStateException("the run store's request of job " + job.jobArn() + " is not JSON", e);
        }
    }

    private Item item(int index) {
        return prepared.dataset().items().get(index);
    }

    private CandidateSpec candidate(String id) {
        return prepared.suite().candidates().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("job of unknown candidate " + id));
    }

    private String token(String candidateId, int part) {
        return "frontier-" + sha256(run.value() + "\u0000" + candidateId + "\u0000" + part).substring(0, 40);
    }

    private String jobName(String candidateId, int part) {
        String name = "frontier-" + run.value() + "-" + safe(candidateId);
        String suffix = String.format(Locale.ROOT, "-%d", part);
        if (name.length() + suffix.length() > MAX_JOB_NAME) {
            name = name.substring(0, MAX_JOB_NAME - suffix.length());
        }
        return name + suffix;
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9.+-]", "-");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
