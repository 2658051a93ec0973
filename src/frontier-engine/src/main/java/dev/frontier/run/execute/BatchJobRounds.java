package dev.frontier.run.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.batch.BatchOutput;
import dev.frontier.batch.BatchRecords;
import dev.frontier.batch.JobStatus;
import dev.frontier.batch.Manifest;
import dev.frontier.batch.RecordSplitter;
import dev.frontier.invoke.BatchJobClient;
import dev.frontier.model.CallResult;
import dev.frontier.model.RunId;
import dev.frontier.model.S3Uri;
import dev.frontier.store.JobKind;
import dev.frontier.store.RunStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The job mechanics both batch paths of a run share (candidates in {@link BatchExecution}, judges in
 * {@code review.JudgeBatch}): write records to S3 split at Bedrock's file limits, submit one job per part with a client
 * request token derived from what the job is for (so a re-run never submits twice) and record it in the run
 * store's {@code jobs} table before polling; poll with back-off, recording every status answer; stream a finished
 * job's {@code *.jsonl.out} records and check them against its manifest; mark the job collected.
 */
public final class BatchJobRounds {

    private static final int MAX_JOB_NAME = 63;

    private final BatchSetup setup;
    private final RunStore store;
    private final InstantSource clock;
    private final RunId run;
    private final String suite;
    private final ObjectMapper json = new ObjectMapper();

    /** What to do with a job that reached a terminal status (its outputs are there to read). */
    public interface Finished {
        void read(RunStore.JobRow job, BatchJobClient.Status status);
    }

    public BatchJobRounds(BatchSetup setup, RunStore store, InstantSource clock, RunId run, String suite) {
        this.setup = setup;
        this.store = store;
        this.clock = clock;
        this.run = run;
        this.suite = suite;
    }

    public void log(String line) {
        setup.log().accept(line);
    }

    /** The jobs of this run of one kind, in the order they were recorded. */
    public List<RunStore.JobRow> jobsOfRun(JobKind kind) {
        return store.jobsOfRun(run).stream().filter(j -> j.kind() == kind).toList();
    }

    /**
     * Writes {@code count} record lines to S3 and submits them as one job, recorded in the run store.
     *
     * @param kind   the {@code jobs.kind} of the job
     * @param owner  what the job answers for (a candidate id, or a judge scorer id), kept in {@code candidate_id}
     * @param model  the model the job runs
     * @param path   the folder under the run's staging prefix ({@code <owner>/} or {@code judges/<scorer>/...})
     * @param part   the job's number among the owner's jobs, from 1
     * @param token  the client request token
     * @param extra  further request fields to record
     */
    public RunStore.JobRow submit(JobKind kind, String owner, String model, String path, int part, String token,
                           Iterator<String> lines, int count, Map<String, String> extra) {
        String partName = String.format(Locale.ROOT, "job-%05d", part);
        S3Uri base = setup.prefix().resolve(suite + "/" + run.value() + "/" + path);
        S3Uri input = base.resolve("input/" + partName + "/");
        S3Uri output = base.resolve("output/" + partName + "/");
        Path dir = setup.workDir().resolve(run.value()).resolve(safe(path)).resolve(partName);
        List<Path> files;
        try {
            Files.createDirectories(dir);
            try (RecordSplitter splitter = new RecordSplitter(dir, "records", BatchRecords.MAX_RECORDS_PER_FILE,
                    BatchRecords.MAX_FILE_BYTES)) {
                for (int n = 0; n < count; n++) {
                    splitter.add(lines.next());
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
        // a judge scorer with a jury has a job per judge model: a short hash of the model keeps their names apart
        String name = jobName(kind == BatchExecution.KIND ? owner
                : "j" + sha256(model).substring(0, 6) + "-" + owner, part);
        BatchJobClient.Submission submission = new BatchJobClient.Submission(name, token, model, setup.roleArn(),
                input, output, setup.bucketOwner(), setup.kmsKeyId(), setup.tags());
        String arn = setup.jobs().submit(submission);
        ObjectNode request = json.createObjectNode();
        request.put("jobName", name);
        request.put("modelId", model);
        request.put("input", input.toString());
        request.put("output", output.toString());
        request.put("records", count);
        request.put("files", files.size());
        extra.forEach(request::put);
        String now = clock.instant().toString();
        RunStore.JobRow row = new RunStore.JobRow(arn, kind, name, suite, run.value(), owner, token, "Submitted",
                request.toString(), null, now, now);
        store.recordJob(row);
        log("batch: " + label(kind, owner, model) + ": submitted " + arn + " (" + count + " records in " + files.size() + " file(s))");
        return store.job(arn).orElse(row);
    }

    /** Polls every job until it ends, then hands it to {@code finished} and marks it collected. */
    public void await(List<RunStore.JobRow> jobs, Finished finished) throws InterruptedException {
        List<RunStore.JobRow> pending = new ArrayList<>(jobs);
        Duration wait = setup.firstPoll();
        Map<String, String> lastStatus = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            List<RunStore.JobRow> still = new ArrayList<>();
            for (RunStore.JobRow job : pending) {
                BatchJobClient.Status s = setup.jobs().status(job.jobArn());
                if (!s.status().equals(lastStatus.put(job.jobArn(), s.status()))) {
                    log("batch: " + label(job) + ": " + job.jobArn() + " " + s.status()
                            + (s.total() >= 0 ? " (" + Math.max(0, s.processed()) + "/" + s.total() + " records)" : "")
                            + (s.message().isEmpty() ? "" : ": " + s.message()));
                }
                store.updateJob(job.jobArn(), s.status(), details(s, false), clock.instant().toString());
                if (!JobStatus.isTerminal(s.status())) {
                    still.add(job);
                    continue;
                }
                finished.read(job, s);
                store.updateJob(job.jobArn(), s.status(), details(s, true), clock.instant().toString());
            }
            pending = still;
            if (!pending.isEmpty()) {
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(setup.maxPoll()) > 0 ? setup.maxPoll() : wait.multipliedBy(2);
            }
        }
    }

    /**
     * Streams a finished job's output records to {@code each} (in the order Bedrock wrote them) and compares the
     * manifest's counts and token totals with them.
     */
    public void readOutputs(RunStore.JobRow job, BatchJobClient.Status status, Consumer<BatchOutput.Record> each) {
        String who = label(job);
        S3Uri dir = S3Uri.parse(request(job).path("output").asText()).resolve(status.jobId() + "/");
        long success = 0;
        long errors = 0;
        long inputTokens = 0;
        long outputTokens = 0;
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
                        log("batch: " + who + ": skipped an unreadable line of " + file + ": " + e.getMessage());
                        continue;
                    }
                    if (record.result() instanceof CallResult.Completion done) {
                        success++;
                        inputTokens += done.usage().totalInputTokens();
                        outputTokens += done.usage().outputTokens();
                    } else {
                        errors++;
                    }
                    each.accept(record);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        Optional<InputStream> manifest = setup.s3().open(dir.resolve("manifest.json.out"));
        if (manifest.isPresent()) {
            try (InputStream in = manifest.get()) {
                List<String> off = Manifest.parse(in.readAllBytes()).disagreements(success, errors, inputTokens,
                        outputTokens);
                log("batch: " + who + ": " + job.jobArn() + " " + status.status() + ": " + success
                        + " answered, " + errors + " error records; manifest "
                        + (off.isEmpty() ? "agrees with the records" : "DISAGREES: " + String.join("; ", off)));
            } catch (IOException | IllegalArgumentException e) {
                log("batch: " + who + ": cannot read the manifest of " + job.jobArn() + ": " + e.getMessage());
            }
        } else if (JobStatus.WITH_OUTPUT.contains(status.status())) {
            log("batch: " + who + ": " + job.jobArn() + " has no manifest.json.out");
        }
    }

    /** How the log names what a job is for: the candidate, or the judge scorer and judge model. */
    public String label(RunStore.JobRow job) {
        return label(job.kind(), job.candidateId(), request(job).path("modelId").asText());
    }

    private static String label(JobKind kind, String owner, String model) {
        return kind == BatchExecution.KIND ? owner : "judge " + owner + " (" + model + ")";
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

    /** Whether the job's outputs were read by this run already. */
    public boolean collected(RunStore.JobRow job) {
        if (job.detailsJson() == null) {
            return false;
        }
        try {
            return json.readTree(job.detailsJson()).path("collected").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** The request the run store recorded for the job. */
    public JsonNode request(RunStore.JobRow job) {
        try {
            return json.readTree(job.requestJson());
        } catch (IOException e) {
            throw new IllegalStateException("the run store's request of job " + job.jobArn() + " is not JSON", e);
        }
    }

    /** A client request token: a hash of the run and what the job is for. */
    public String token(String... parts) {
        return "frontier-" + sha256(run.value() + "\u0000" + String.join("\u0000", parts)).substring(0, 40);
    }

    private String jobName(String owner, int part) {
        String name = "frontier-" + run.value() + "-" + safe(owner);
        String suffix = String.format(Locale.ROOT, "-%d", part);
        if (name.length() + suffix.length() > MAX_JOB_NAME) {
            name = name.substring(0, MAX_JOB_NAME - suffix.length());
        }
        return name + suffix;
    }

    static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9.+/-]", "-").replace('/', '-');
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
