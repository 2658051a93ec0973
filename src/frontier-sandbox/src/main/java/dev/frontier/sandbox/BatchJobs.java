package dev.frontier.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Batch inference jobs (model invocation jobs) as Bedrock runs them, with Bedrock's request and response shapes:
 * {@code CreateModelInvocationJob}, {@code GetModelInvocationJob}, {@code ListModelInvocationJobs} and
 * {@code StopModelInvocationJob}.
 *
 * <p>A job's state lives in the sandbox's S3 (a hidden bucket), and its status is derived from the time since
 * submission scaled by {@code jobTime}: Submitted, Validating, Scheduled and InProgress, then Completed once the
 * records, answered in the background, are written; so a
 * sandbox restarted on the same state directory carries on with its jobs. Validation reads the input: a job with
 * fewer than {@value #MIN_RECORDS} records fails, as in Bedrock. When the job's time is up the records are answered
 * by the sandbox's models (Converse bodies), about one in {@value #ERROR_ONE_IN} as a seeded error record and every
 * malformed record as an error record, and the outputs ({@code <file>.jsonl.out}, in a seeded shuffled order) and
 * {@code manifest.json.out} are written under {@code <output s3Uri>/<job-id>/}. The same client request token
 * returns the job it first created. With a limited {@link BatchCapacity} a job that cannot start before its
 * {@code timeoutDurationInHours} ends Expired with no output, and one that cannot answer all its records in time
 * answers the first ones (input order) and ends PartiallyCompleted, with outputs and manifest of those.
 */
final class BatchJobs implements ControlPlane.Operations {

    /** Bedrock's minimum number of records per batch inference job (not adjustable). */
    static final int MIN_RECORDS = 100;
    /** About one record in this many fails with a seeded internal error. */
    static final int ERROR_ONE_IN = 50;
    static final String STATE_BUCKET = "frontier-sandbox-control";
    private static final String PREFIX = "model-invocation-jobs/";
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";
    private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\\-.]){0,63}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+");
    private static final List<String> TERMINAL = List.of("Completed", "PartiallyCompleted", "Failed", "Stopped",
            "Expired");

    private final SandboxS3 s3;
    private final ConverseService service;
    private final InstantSource clock;
    private final Duration jobTime;
    private final BatchCapacity capacity;
    private final ObjectMapper json = new ObjectMapper();
    /** Jobs whose records are being answered; guarded by {@code this}. */
    private final java.util.Set<String> processing = new java.util.HashSet<>();
    private final java.util.concurrent.ExecutorService answering = java.util.concurrent.Executors
            .newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "frontier-sandbox-batch");
                t.setDaemon(true);
                return t;
            });

    BatchJobs(SandboxS3 s3, ConverseService service, InstantSource clock, Duration jobTime, BatchCapacity capacity) {
        this.capacity = Objects.requireNonNull(capacity, "capacity");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jobTime = Objects.requireNonNull(jobTime, "jobTime");
    }

    @Override
    public synchronized Optional<ControlPlane.Reply> handle(String method, List<String> segments,
                                                            Map<String, String> query, byte[] body, String region) {
        if (segments.size() == 1 && segments.get(0).equals("model-invocation-job") && method.equals("POST")) {
            return Optional.of(new ControlPlane.Reply("CreateModelInvocationJob", 200, create(read(body))));
        }
        if (segments.size() == 1 && segments.get(0).equals("model-invocation-jobs") && method.equals("GET")) {
            return Optional.of(new ControlPlane.Reply("ListModelInvocationJobs", 200, list(query)));
        }
        if (segments.size() == 2 && segments.get(0).equals("model-invocation-job") && method.equals("GET")) {
            ObjectNode job = advance(load(segments.get(1)));
            return Optional.of(new ControlPlane.Reply("GetModelInvocationJob", 200, view(job)));
        }
        if (segments.size() == 3 && segments.get(0).equals("model-invocation-job") && segments.get(2).equals("stop")
                && method.equals("POST")) {
            stop(segments.get(1));
            return Optional.of(new ControlPlane.Reply("StopModelInvocationJob", 200, json.createObjectNode()));
        }
        return Optional.empty();
    }

    private ObjectNode create(JsonNode request) {
        String name = text(request, "jobName").orElseThrow(() -> missing("jobName"));
        if (!JOB_NAME.matcher(name).matches()) {
            throw BedrockError.validation("1 validation error detected: Value '" + name + "' at 'jobName' failed "
                    + "to satisfy constraint: Member must satisfy regular expression pattern: "
                    + JOB_NAME.pattern());
        }
        String role = text(request, "roleArn").orElseThrow(() -> missing("roleArn"));
        if (!ROLE_ARN.matcher(role).matches()) {
            throw BedrockError.validation("1 validation error detected: Value at 'roleArn' failed to satisfy "
                    + "constraint: Member must be an IAM role ARN");
        }
        String modelId = text(request, "modelId").orElseThrow(() -> missing("modelId"));
        service.resolve(modelId);
        String input = text(request.path("inputDataConfig").path("s3InputDataConfig"), "s3Uri")
                .orElseThrow(() -> missing("inputDataConfig.s3InputDataConfig.s3Uri"));
        String output = text(request.path("outputDataConfig").path("s3OutputDataConfig"), "s3Uri")
                .orElseThrow(() -> missing("outputDataConfig.s3OutputDataConfig.s3Uri"));
        Location.parse(input, "inputDataConfig.s3InputDataConfig.s3Uri");
        Location.parse(output, "outputDataConfig.s3OutputDataConfig.s3Uri");
        String type = text(request, "modelInvocationType").orElse("InvokeModel");
        if (!type.equals("InvokeModel") && !type.equals("Converse")) {
            throw BedrockError.validation("1 validation error detected: Value '" + type + "' at "
                    + "'modelInvocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[InvokeModel, Converse]");
        }
        int timeout = request.path("timeoutDurationInHours").asInt(24);
        if (timeout < 24 || timeout > 168) {
            throw BedrockError.validation("timeoutDurationInHours must be between 24 and 168");
        }
        Optional<String> token = text(request, "clientRequestToken");
        if (token.isPresent()) {
            Optional<byte[]> earlier = s3.get(STATE_BUCKET, PREFIX + "tokens/" + sha256(token.get()));
            if (earlier.isPresent()) {
                return json.createObjectNode().put("jobArn", new String(earlier.get(), StandardCharsets.UTF_8));
            }
        }
        Instant now = clock.instant();
        String id = sha256(token.orElse("") + "\u0000" + name + "\u0000" + now + "\u0000" + System.nanoTime())
                .substring(0, 12);
        String arn = "arn:aws:bedrock:" + REGION + ":" + account(role) + ":model-invocation-job/" + id;
        ObjectNode job = json.createObjectNode();
        job.put("jobArn", arn);
        job.put("jobId", id);
        job.put("jobName", name);
        job.put("modelId", modelId);
        token.ifPresent(t -> job.put("clientRequestToken", t));
        job.put("roleArn", role);
        job.put("status", "Submitted");
        job.put("submitTime", now.toString());
        job.put("lastModifiedTime", now.toString());
        job.set("inputDataConfig", request.get("inputDataConfig"));
        job.set("outputDataConfig", request.get("outputDataConfig"));
        job.put("timeoutDurationInHours", timeout);
        job.put("jobExpirationTime", now.plus(Duration.ofHours(timeout)).toString());
        job.put("modelInvocationType", type);
        if (request.has("tags")) {
            job.set("tags", request.get("tags"));
        }
        save(job);
        token.ifPresent(t -> s3.put(STATE_BUCKET, PREFIX + "tokens/" + sha256(t),
                arn.getBytes(StandardCharsets.UTF_8)));
        return json.createObjectNode().put("jobArn", arn);
    }

    /** Moves the job to the status its age calls for, validating and processing it on the way. */
    private ObjectNode advance(ObjectNode job) {
        String status = job.path("status").asText();
        if (TERMINAL.contains(status)) {
            return job;
        }
        Instant now = clock.instant();
        double share = jobTime.isZero() ? 1.0
                : (double) Duration.between(Instant.parse(job.path("submitTime").asText()), now).toMillis()
                / jobTime.toMillis();
        String next = share < 0.1 ? "Submitted" : share < 0.2 ? "Validating" : share < 0.3 ? "Scheduled"
                : share < 1.0 ? "InProgress" : "Done";
        if (!next.equals("Submitted") && !next.equals("Validating") && !job.has("totalRecordCount")) {
            validate(job);
            if (job.path("status").asText().equals("Failed")) {
                job.put("lastModifiedTime", now.toString());
                job.put("endTime", now.toString());
                save(job);
                return job;
            }
        }
        int timeout = job.path("timeoutDurationInHours").asInt(24);
        if (next.equals("Done") && capacity.expires(timeout)) {
            // still queued when its timeout came: never started, nothing written
            job.put("status", "Expired");
            job.put("message", "The job was not started before its timeout of " + timeout + " hours.");
            job.put("endTime", now.toString());
            job.put("lastModifiedTime", now.toString());
            save(job);
            return job;
        }
        if (next.equals("Done")) {
            // answering tens of thousands of records takes a while: it runs in the background and the job stays
            // InProgress until its outputs are written, so no status request waits for it
            String id = job.path("jobId").asText();
            if (processing.add(id)) {
                ObjectNode snapshot = job.deepCopy();
                answering.execute(() -> finish(id, snapshot));
            }
            job.put("status", "InProgress");
        } else {
            job.put("status", next);
            if (next.equals("InProgress")) {
                long total = job.path("totalRecordCount").asLong();
                job.put("processedRecordCount", (long) Math.floor(total * Math.max(0, (share - 0.3) / 0.7)));
            }
        }
        job.put("lastModifiedTime", now.toString());
        save(job);
        return job;
    }

    /** Answers the job's records, then marks it Completed unless it was stopped meanwhile. */
    private void finish(String id, ObjectNode snapshot) {
        String failure = null;
        try {
            process(snapshot);
        } catch (RuntimeException e) {
            failure = "The job could not be processed: " + e.getMessage();
        }
        synchronized (this) {
            processing.remove(id);
            ObjectNode job = load(id);
            if (TERMINAL.contains(job.path("status").asText())) {
                return;
            }
            String now = clock.instant().toString();
            if (failure != null) {
                fail(job, failure);
            } else {
                job.put("status", snapshot.path("processedRecordCount").asLong()
                        < snapshot.path("totalRecordCount").asLong() ? "PartiallyCompleted" : "Completed");
                for (String count : List.of("totalRecordCount", "processedRecordCount", "successRecordCount",
                        "errorRecordCount")) {
                    job.put(count, snapshot.path(count).asLong());
                }
            }
            job.put("endTime", now);
            job.put("lastModifiedTime", now);
            save(job);
        }
    }

    /** Counts the input records; fewer than the minimum fail the job, as Bedrock's validation does. */
    private void validate(ObjectNode job) {
        List<Location> files = inputFiles(job);
        long records = 0;
        for (Location file : files) {
            records += countLines(file);
        }
        job.put("totalRecordCount", records);
        job.put("processedRecordCount", 0);
        if (files.isEmpty()) {
            fail(job, "No .jsonl input files were found at " + job.path("inputDataConfig")
                    .path("s3InputDataConfig").path("s3Uri").asText() + ".");
        } else if (records < MIN_RECORDS) {
            fail(job, "The job has " + records + " records; a batch inference job needs at least " + MIN_RECORDS
                    + " records.");
        }
    }

    private static void fail(ObjectNode job, String message) {
        job.put("status", "Failed");
        job.put("message", message);
    }

    /** Answers every record and writes the output files and the manifest. */
    private void process(ObjectNode job) {
        Location out = Location.parse(job.path("outputDataConfig").path("s3OutputDataConfig").path("s3Uri")
                .asText(), "output");
        String dir = out.key().isEmpty() || out.key().endsWith("/") ? out.key() : out.key() + "/";
        dir += job.path("jobId").asText() + "/";
        boolean converse = job.path("modelInvocationType").asText().equals("Converse");
        ModelProfile model = service.resolve(job.path("modelId").asText());
        long total = 0;
        long success = 0;
        long errors = 0;
        long inputTokens = 0;
        long outputTokens = 0;
        long all = job.path("totalRecordCount").asLong();
        // what fits before the timeout, in input order; the rest is not processed (PartiallyCompleted)
        long limit = capacity.processable(all, job.path("timeoutDurationInHours").asInt(24));
        for (Location file : inputFiles(job)) {
            // streamed through temporary files: a job may hold 50,000 records and 1 GB per file
            Path answered = temp("answered");
            Path shuffled = temp("shuffled");
            long[] offsets = new long[1024];
            int n = 0;
            try (BufferedReader r = reader(file);
                 OutputStream w = new BufferedOutputStream(Files.newOutputStream(answered))) {
                long position = 0;
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (total >= limit) {
                        break;
                    }
                    n++;
                    total++;
                    ObjectNode record = json.createObjectNode();
                    JsonNode in;
                    try {
                        in = json.readTree(line);
                    } catch (JsonProcessingException e) {
                        in = null;
                    }
                    String recordId = in != null && in.path("recordId").isTextual() ? in.path("recordId").asText()
                            : String.format(Locale.ROOT, "%011d", n);
                    record.put("recordId", recordId);
                    JsonNode modelInput = in == null ? null : in.get("modelInput");
                    if (modelInput != null) {
                        record.set("modelInput", modelInput);
                    }
                    try {
                        if (in == null || !in.isObject()) {
                            throw BedrockError.validation("Malformed record: not a JSON object.");
                        }
                        if (modelInput == null || !modelInput.isObject()) {
                            throw BedrockError.validation("Malformed record: modelInput is missing.");
                        }
                        if (!converse) {
                            throw BedrockError.validation("The sandbox answers Converse bodies only "
                                    + "(modelInvocationType Converse).");
                        }
                        ConverseCall call = service.parseConverse(json.writeValueAsBytes(modelInput));
                        if (seededError(job.path("modelId").asText(), call)) {
                            throw new BedrockError(500, "InternalServerException",
                                    "The record could not be processed (simulated internal error).");
                        }
                        ConverseService.Reply reply = service.answer(model, call);
                        ObjectNode body = reply.body();
                        body.remove("metrics");
                        // a batch record has no service tier or latency setting to echo
                        body.remove("serviceTier");
                        body.remove("performanceConfig");
                        record.set("modelOutput", body);
                        success++;
                        inputTokens += reply.inputTokens() + reply.cacheReadTokens() + reply.cacheWriteTokens();
                        outputTokens += reply.outputTokens();
                    } catch (BedrockError e) {
                        record.putObject("error").put("errorCode", e.status()).put("errorMessage", e.getMessage());
                        errors++;
                    } catch (JsonProcessingException e) {
                        record.putObject("error").put("errorCode", 400).put("errorMessage", "Malformed record.");
                        errors++;
                    }
                    byte[] bytes = (record.toString() + "\n").getBytes(StandardCharsets.UTF_8);
                    if (n >= offsets.length) {
                        offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
                    }
                    offsets[n] = position + bytes.length;
                    w.write(bytes);
                    position += bytes.length;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot process " + file, e);
            }
            // Bedrock does not keep the input order: shuffle, seeded by the job and file
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(seed(job.path("jobId").asText() + file.key()));
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            try (FileChannel source = FileChannel.open(answered);
                 FileChannel target = FileChannel.open(shuffled, StandardOpenOption.WRITE)) {
                for (int i : order) {
                    long from = offsets[i];
                    long length = offsets[i + 1] - from;
                    long copied = 0;
                    while (copied < length) {
                        copied += source.transferTo(from + copied, length - copied, target);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the output of " + file, e);
            }
            String name = file.key().substring(file.key().lastIndexOf('/') + 1);
            s3.put(out.bucket(), dir + name + ".out", shuffled);
            delete(answered);
            delete(shuffled);
        }
        ObjectNode manifest = json.createObjectNode();
        manifest.put("totalRecordCount", all);
        manifest.put("processedRecordCount", total);
        manifest.put("successRecordCount", success);
        manifest.put("errorRecordCount", errors);
        manifest.put("inputTokenCount", inputTokens);
        manifest.put("outputTokenCount", outputTokens);
        s3.put(out.bucket(), dir + "manifest.json.out", manifest.toString().getBytes(StandardCharsets.UTF_8));
        job.put("totalRecordCount", all);
        job.put("processedRecordCount", total);
        job.put("successRecordCount", success);
        job.put("errorRecordCount", errors);
    }

    private static boolean seededError(String modelId, ConverseCall call) {
        return Math.floorMod(seed(modelId + "\u0000batch-error\u0000" + call.canonical()), ERROR_ONE_IN) == 0;
    }

    private void stop(String identifier) {
        ObjectNode job = advance(load(identifier));
        String status = job.path("status").asText();
        if (TERMINAL.contains(status)) {
            throw new BedrockError(400, "ValidationException", "The job is " + status + " and cannot be stopped.");
        }
        job.put("status", "Stopped");
        job.put("message", "Stopped by request.");
        job.put("endTime", clock.instant().toString());
        job.put("lastModifiedTime", clock.instant().toString());
        save(job);
    }

    private ObjectNode list(Map<String, String> query) {
        String statusEquals = query.get("statusEquals");
        String nameContains = query.get("nameContains");
        int max = Math.max(1, Math.min(1000, parseInt(query.getOrDefault("maxResults", "1000"))));
        boolean ascending = "Ascending".equals(query.get("sortOrder"));
        List<ObjectNode> jobs = new ArrayList<>();
        for (String key : s3.list(STATE_BUCKET, PREFIX + "jobs/")) {
            ObjectNode job = advance((ObjectNode) readTree(s3.get(STATE_BUCKET, key).orElseThrow()));
            if ((statusEquals == null || statusEquals.equals(job.path("status").asText()))
                    && (nameContains == null || job.path("jobName").asText().contains(nameContains))) {
                jobs.add(job);
            }
        }
        Comparator<ObjectNode> bySubmit = Comparator.comparing(j -> j.path("submitTime").asText());
        jobs.sort(ascending ? bySubmit : bySubmit.reversed());
        ObjectNode reply = json.createObjectNode();
        ArrayNode summaries = reply.putArray("invocationJobSummaries");
        jobs.stream().limit(max).forEach(j -> summaries.add(view(j)));
        return reply;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw BedrockError.validation("maxResults must be a number between 1 and 1000");
        }
    }

    /** What GetModelInvocationJob shows: the job without the sandbox's bookkeeping. */
    private static ObjectNode view(ObjectNode job) {
        ObjectNode v = job.deepCopy();
        v.remove("jobId");
        v.remove("tags");
        return v;
    }

    private ObjectNode load(String identifier) {
        String id = identifier.contains("/") ? identifier.substring(identifier.lastIndexOf('/') + 1) : identifier;
        byte[] bytes = s3.get(STATE_BUCKET, PREFIX + "jobs/" + id + ".json").orElseThrow(() ->
                new BedrockError(404, "ResourceNotFoundException", "The specified job " + identifier
                        + " was not found."));
        return (ObjectNode) readTree(bytes);
    }

    private void save(ObjectNode job) {
        s3.put(STATE_BUCKET, PREFIX + "jobs/" + job.path("jobId").asText() + ".json",
                job.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<Location> inputFiles(ObjectNode job) {
        Location in = Location.parse(job.path("inputDataConfig").path("s3InputDataConfig").path("s3Uri").asText(),
                "input");
        List<Location> files = new ArrayList<>();
        if (in.key().endsWith(".jsonl")) {
            if (s3.get(in.bucket(), in.key()).isPresent()) {
                files.add(in);
            }
            return files;
        }
        String prefix = in.key().isEmpty() || in.key().endsWith("/") ? in.key() : in.key() + "/";
        for (String key : s3.list(in.bucket(), prefix)) {
            if (key.endsWith(".jsonl") && key.indexOf('/', prefix.length()) < 0) {
                files.add(new Location(in.bucket(), key));
            }
        }
        return files;
    }

    private BufferedReader reader(Location file) {
        InputStream in = s3.open(file.bucket(), file.key()).orElse(InputStream.nullInputStream());
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private long countLines(Location file) {
        long n = 0;
        try (BufferedReader r = reader(file)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return n;
    }

    private static Path temp(String what) {
        try {
            return Files.createTempFile("frontier-sandbox-batch-", "-" + what + ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw BedrockError.validation("The request body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw BedrockError.validation("The request body is not valid JSON.");
        }
    }

    private JsonNode readTree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt sandbox job state", e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static BedrockError missing(String field) {
        return BedrockError.validation("1 validation error detected: Value null at '" + field + "' failed to "
                + "satisfy constraint: Member must not be null");
    }

    private static String account(String roleArn) {
        String[] parts = roleArn.split(":");
        return parts.length > 4 && parts[4].matches("[0-9]{12}") ? parts[4] : ACCOUNT;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static long seed(String s) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** An {@code s3://bucket/key} location. */
    record Location(String bucket, String key) {
        static Location parse(String uri, String field) {
            if (!uri.startsWith("s3://") || uri.length() <= 5) {
                throw BedrockError.validation("1 validation error detected: Value '" + uri + "' at '" + field
                        + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + "s3://[a-z0-9][-.a-z0-9]{1,61}(?:/.*)?");
            }
            String rest = uri.substring(5);
            int slash = rest.indexOf('/');
            return slash < 0 ? new Location(rest, "") : new Location(rest.substring(0, slash),
                    rest.substring(slash + 1));
        }
    }
}
