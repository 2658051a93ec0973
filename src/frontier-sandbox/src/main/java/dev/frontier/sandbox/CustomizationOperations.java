package dev.frontier.sandbox;

import dev.frontier.catalog.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Model customization jobs and the custom models they make: {@code POST /model-customization-jobs} (201),
 * {@code GET /model-customization-jobs[/{id or ARN}]}, {@code POST /model-customization-jobs/{id}/stop},
 * {@code GET /custom-models[/{id or ARN}]}. A job reads its training file from S3 when it is submitted; its status
 * then moves with time: validation for the first fifth of the sandbox's job time, data processing for the next fifth,
 * training for the rest; a training file that is missing, malformed or too small fails the job at the end of
 * validation with Bedrock's kind of message. On completion the job writes its metrics to the output S3 URI and the
 * custom model becomes {@code Active}; it is invoked through Provisioned Throughput or a deployment
 * ({@link ServingOperations}) and answers between its student and its teacher ({@link CustomModels}).
 */
final class CustomizationOperations implements ControlPlane.Operations {

    static final String JOBS = "customization-jobs";
    static final String MODELS = "custom-models";

    private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9+\\-.]){0,62}");
    private static final Pattern MODEL_NAME = Pattern.compile("([0-9a-zA-Z][_-]?){1,63}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z-]+)?:iam::\\d{12}:role/.+");
    private static final Pattern WINDOW = Pattern.compile(":[0-9]+k$");
    private static final int MIN_PROMPTS = 100;
    private static final int MAX_PROMPTS = 15_000;
    private static final int MAX_LINE = 16 * 1024;
    private static final double VALIDATION_END = 0.2;
    private static final double PROCESSING_END = 0.4;
    private static final double STOPPING = 0.1;

    /** Supported distillation pairs and their Regions: the model catalog's, as {@code validate} reads them. */
    private static final Catalog.Customization CUSTOMIZATION = Catalog.bundled().customization();

    private final ControlState state;
    private final ModelCatalog catalog;

    CustomizationOperations(ControlState state, ModelCatalog catalog) {
        this.state = state;
        this.catalog = catalog;
    }

    @Override
    public Optional<ControlPlane.Reply> handle(String method, List<String> segments, Map<String, String> query,
                                               byte[] body, String region) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String root = segments.get(0);
        if (root.equals("model-customization-jobs")) {
            if (method.equals("POST") && segments.size() == 1) {
                return Optional.of(create(body, region));
            }
            if (method.equals("GET") && segments.size() == 1) {
                return Optional.of(list());
            }
            if (method.equals("GET") && segments.size() == 2) {
                return Optional.of(new ControlPlane.Reply("GetModelCustomizationJob", 200, view(job(segments.get(1)))));
            }
            if (method.equals("POST") && segments.size() == 3 && segments.get(2).equals("stop")) {
                return Optional.of(stop(segments.get(1)));
            }
        }
        if (root.equals("custom-models") && method.equals("GET")) {
            if (segments.size() == 1) {
                ObjectNode out = state.json().createObjectNode();
                ArrayNode summaries = out.putArray("modelSummaries");
                state.all(MODELS).forEach(m -> summaries.addObject().put("modelArn", m.path("modelArn").asText())
                        .put("modelName", m.path("modelName").asText())
                        .put("baseModelArn", m.path("baseModelArn").asText())
                        .put("creationTime", m.path("creationTime").asText()));
                return Optional.of(new ControlPlane.Reply("ListCustomModels", 200, out));
            }
            if (segments.size() == 2) {
                return Optional.of(new ControlPlane.Reply("GetCustomModel", 200, customModel(segments.get(1))
                        .orElseThrow(() -> notFound("custom model", segments.get(1)))));
            }
        }
        return Optional.empty();
    }

    /** The custom model with this id or ARN (only once its job completed). */
    Optional<ObjectNode> customModel(String identifier) {
        String id = ControlState.lastPart(identifier);
        Optional<ObjectNode> model = state.read(MODELS, id);
        if (model.isPresent()) {
            return model;
        }
        // the model appears when its job is first seen completed: look at the job that makes it
        for (ObjectNode job : state.all(JOBS)) {
            if (job.path("modelId").asText().equals(id)) {
                view(job);
                return state.read(MODELS, id);
            }
        }
        return Optional.empty();
    }

    private ControlPlane.Reply create(byte[] body, String region) {
        JsonNode r = state.request(body);
        String jobName = text(r, "jobName");
        String modelName = text(r, "customModelName");
        String role = text(r, "roleArn");
        String base = text(r, "baseModelIdentifier");
        String type = r.path("customizationType").asText("FINE_TUNING");
        String token = r.path("clientRequestToken").asText("");
        if (!JOB_NAME.matcher(jobName).matches()) {
            throw BedrockError.validation("1 validation error detected: Value '" + jobName + "' at 'jobName' failed "
                    + "to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.]){0,63}");
        }
        if (!MODEL_NAME.matcher(modelName).matches()) {
            throw BedrockError.validation("1 validation error detected: Value '" + modelName + "' at "
                    + "'customModelName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: ([0-9a-zA-Z][_-]?){1,63}");
        }
        if (!ROLE_ARN.matcher(role).matches()) {
            throw BedrockError.validation("1 validation error detected: Value '" + role + "' at 'roleArn' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: "
                    + "^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+$");
        }
        String trainingUri = r.path("trainingDataConfig").path("s3Uri").asText("");
        String outputUri = r.path("outputDataConfig").path("s3Uri").asText("");
        JsonNode logsConfig = r.path("trainingDataConfig").get("invocationLogsConfig");
        InvocationLogSource logs = logsConfig == null || logsConfig.isNull() ? null
                : InvocationLogSource.parse(logsConfig);
        if (logs != null && !type.equals("DISTILLATION")) {
            // user guide: invocation logs are a training source for distillation
            throw BedrockError.rule("invocation-logs-not-distillation", Map.of());
        }
        if (logs == null && ControlState.s3Location(trainingUri).isEmpty()) {
            throw BedrockError.validation("trainingDataConfig.s3Uri must be an S3 URI (s3://bucket/key)");
        }
        if (ControlState.s3Location(outputUri).isEmpty()) {
            throw BedrockError.validation("outputDataConfig.s3Uri must be an S3 URI (s3://bucket/prefix/)");
        }
        if (!WINDOW.matcher(base).find() || catalog.resolve(WINDOW.matcher(base).replaceFirst("")).isEmpty()) {
            throw BedrockError.validation("The provided base model identifier " + base + " is not supported for "
                    + "customization; give the model id with its context window, e.g. amazon.nova-lite-v1:0:300k");
        }
        String student = WINDOW.matcher(base).replaceFirst("");
        String teacher = null;
        if (type.equals("DISTILLATION")) {
            JsonNode t = r.path("customizationConfig").path("distillationConfig").path("teacherModelConfig");
            teacher = t.path("teacherModelIdentifier").asText("");
            Optional<ModelProfile> tp = catalog.resolve(teacher);
            if (tp.isEmpty()) {
                throw BedrockError.validation("The provided teacher model identifier " + teacher + " is invalid.");
            }
            Optional<Catalog.DistillationPair> pair = CUSTOMIZATION.teacher(tp.get().id())
                    .filter(p -> p.students().contains(student));
            if (pair.isEmpty() || !pair.get().regions().contains(region)) {
                // the guide's table: each pair in its Regions only
                throw BedrockError.validation("Distillation from " + tp.get().id() + " to " + student
                        + " is not supported in " + region + ".");
            }
            if (r.has("hyperParameters") && r.path("hyperParameters").size() > 0) {
                throw BedrockError.validation("Hyperparameters are not supported for DISTILLATION jobs.");
            }
        } else if (!type.equals("FINE_TUNING")) {
            throw BedrockError.validation("The sandbox simulates DISTILLATION and FINE_TUNING jobs, not " + type + ".");
        }
        synchronized (this) {
            for (ObjectNode job : state.all(JOBS)) {
                if (!token.isEmpty() && token.equals(job.path("clientRequestToken").asText())) {
                    return created(job.path("jobArn").asText()); // the same request again: the same job
                }
                if (job.path("jobName").asText().equals(jobName)) {
                    throw new BedrockError(400, "ValidationException", "A model customization job with the name "
                            + jobName + " already exists.");
                }
            }
            long now = state.now().toEpochMilli();
            String id = ControlState.id("job\n" + jobName + "\n" + token + "\n" + now);
            String modelId = ControlState.id("model\n" + id);
            ObjectNode job = state.json().createObjectNode();
            job.put("id", id);
            job.put("jobArn", ControlState.arn("model-customization-job/" + base + "/" + id));
            job.put("jobName", jobName);
            job.put("outputModelName", modelName);
            job.put("modelId", modelId);
            job.put("outputModelArn", ControlState.arn("custom-model/" + base + "/" + modelId));
            job.put("clientRequestToken", token);
            job.put("roleArn", role);
            job.put("baseModel", base);
            job.put("student", student);
            if (teacher != null) {
                job.put("teacher", catalog.resolve(teacher).get().id());
            }
            job.put("customizationType", type);
            state.stamp(job);
            job.set("request", r);
            if (logs == null) {
                check(job, trainingUri, type);
            } else {
                checkLogs(job, logs);
            }
            state.write(JOBS, id, job);
            return created(job.path("jobArn").asText());
        }
    }

    private ControlPlane.Reply created(String arn) {
        return new ControlPlane.Reply("CreateModelCustomizationJob", 201,
                state.json().createObjectNode().put("jobArn", arn));
    }

    /**
     * Reads the invocation logs now, as Bedrock's validation would: fewer than {@value #MIN_PROMPTS} usable records
     * fail the job when validation ends; beyond {@value #MAX_PROMPTS} the first ones are used (the guide: at most
     * 15K prompts or prompt-response pairs are taken from the logs).
     */
    private void checkLogs(ObjectNode job, InvocationLogSource logs) {
        Optional<Integer> usable = logs.count(state.s3(), state.json(), MAX_PROMPTS);
        int records = usable.orElse(0);
        job.put("records", records);
        if (usable.isEmpty()) {
            job.put("failure", "Training data not found: no invocation logs under " + logs.uri() + ". Check the S3 "
                    + "URI and that the role can read it.");
        } else if (records < MIN_PROMPTS) {
            job.put("failure", "Validation failed: the invocation logs under " + logs.uri() + " have " + records
                    + " usable records matching the request metadata filters; distillation needs at least "
                    + MIN_PROMPTS + ".");
        }
    }

    /** Reads the training file now, as Bedrock's validation would; the verdict shows when validation ends. */
    private void check(ObjectNode job, String trainingUri, String type) {
        String[] loc = ControlState.s3Location(trainingUri).orElseThrow();
        Optional<byte[]> file = state.s3().get(loc[0], loc[1]);
        String failure = null;
        int records = 0;
        if (file.isEmpty()) {
            failure = "Training data not found: no object at " + trainingUri + ". Check the S3 URI and that the "
                    + "role can read it.";
        } else {
            String[] lines = new String(file.get(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length && failure == null; i++) {
                String line = lines[i];
                if (line.isBlank()) {
                    continue;
                }
                if (line.getBytes(StandardCharsets.UTF_8).length > MAX_LINE) {
                    failure = "Validation failed: line " + (i + 1) + " is longer than 16 KB.";
                    break;
                }
                try {
                    JsonNode rec = state.json().readTree(line);
                    if (!"bedrock-conversation-2024".equals(rec.path("schemaVersion").asText())
                            || !rec.path("messages").isArray() || rec.path("messages").isEmpty()
                            || !"user".equals(rec.path("messages").get(0).path("role").asText())) {
                        failure = "Validation failed: line " + (i + 1) + " is not a bedrock-conversation-2024 record"
                                + " with a user message.";
                    } else if (type.equals("FINE_TUNING") && rec.path("messages").size() < 2) {
                        failure = "Validation failed: line " + (i + 1) + " has no assistant message to learn from.";
                    }
                } catch (IOException e) {
                    failure = "Validation failed: line " + (i + 1) + " is not valid JSON.";
                }
                records++;
            }
            if (failure == null && type.equals("DISTILLATION") && (records < MIN_PROMPTS || records > MAX_PROMPTS)) {
                failure = "Validation failed: the training data has " + records + " prompts; distillation needs "
                        + MIN_PROMPTS + " to " + MAX_PROMPTS + ".";
            }
        }
        job.put("records", records);
        if (failure != null) {
            job.put("failure", failure);
        }
    }

    private ObjectNode job(String identifier) {
        return state.read(JOBS, ControlState.lastPart(identifier))
                .orElseThrow(() -> notFound("model customization job", identifier));
    }

    private ControlPlane.Reply stop(String identifier) {
        synchronized (this) {
            ObjectNode job = job(identifier);
            String status = view(job).path("status").asText();
            if (!status.equals("InProgress")) {
                throw new BedrockError(400, "ValidationException", "The job is " + status
                        + " and cannot be stopped.");
            }
            job.put("stoppedMs", state.now().toEpochMilli());
            state.write(JOBS, job.path("id").asText(), job);
        }
        return new ControlPlane.Reply("StopModelCustomizationJob", 200, state.json().createObjectNode());
    }

    private ControlPlane.Reply list() {
        ObjectNode out = state.json().createObjectNode();
        ArrayNode summaries = out.putArray("modelCustomizationJobSummaries");
        state.all(JOBS).stream().sorted(Comparator.comparingLong((ObjectNode j) -> j.path("createdMs").asLong())
                .reversed()).forEach(job -> {
                    ObjectNode v = view(job);
                    ObjectNode s = summaries.addObject();
                    for (String f : List.of("jobArn", "baseModelArn", "jobName", "status", "lastModifiedTime",
                            "creationTime", "endTime", "customizationType")) {
                        if (v.has(f)) {
                            s.set(f, v.get(f));
                        }
                    }
                    if (v.has("outputModelArn")) {
                        s.put("customModelArn", v.path("outputModelArn").asText());
                        s.put("customModelName", v.path("outputModelName").asText());
                    }
                });
        return new ControlPlane.Reply("ListModelCustomizationJobs", 200, out);
    }

    /** The job as GetModelCustomizationJob answers it now; completing it writes its outputs once. */
    private ObjectNode view(ObjectNode job) {
        long created = job.path("createdMs").asLong();
        double p = state.progress(job);
        ObjectNode r = (ObjectNode) job.path("request");
        ObjectNode v = state.json().createObjectNode();
        v.put("jobArn", job.path("jobArn").asText());
        v.put("jobName", job.path("jobName").asText());
        v.put("outputModelName", job.path("outputModelName").asText());
        v.put("clientRequestToken", job.path("clientRequestToken").asText());
        v.put("roleArn", job.path("roleArn").asText());
        v.put("creationTime", ControlState.iso(created));
        v.put("baseModelArn", ControlState.arn("foundation-model/" + job.path("baseModel").asText()));
        v.put("customizationType", job.path("customizationType").asText());
        v.set("trainingDataConfig", r.path("trainingDataConfig"));
        if (r.has("validationDataConfig")) {
            v.set("validationDataConfig", r.get("validationDataConfig"));
        } else {
            v.putObject("validationDataConfig").putArray("validators");
        }
        v.set("outputDataConfig", r.path("outputDataConfig"));
        if (r.has("hyperParameters")) {
            v.set("hyperParameters", r.get("hyperParameters"));
        }
        if (r.has("customizationConfig")) {
            v.set("customizationConfig", r.get("customizationConfig"));
        }
        String status;
        String validation;
        String processing;
        String training;
        long changed;
        boolean failed = job.has("failure") && p >= VALIDATION_END;
        long stopped = job.path("stoppedMs").asLong(0);
        if (failed && (stopped == 0 || stopped > created + state.share(job, VALIDATION_END))) {
            status = "Failed";
            validation = "Failed";
            processing = "NotStarted";
            training = "NotStarted";
            changed = created + state.share(job, VALIDATION_END);
            v.put("failureMessage", job.path("failure").asText());
        } else if (stopped > 0) {
            boolean done = state.now().toEpochMilli() >= stopped + state.share(job, STOPPING);
            status = done ? "Stopped" : "Stopping";
            double at = (stopped - created) / (double) Math.max(1, state.share(job, 1));
            validation = phase(at, 0, VALIDATION_END, status);
            processing = phase(at, VALIDATION_END, PROCESSING_END, status);
            training = phase(at, PROCESSING_END, 1, status);
            changed = done ? stopped + state.share(job, STOPPING) : stopped;
        } else if (p >= 1) {
            status = "Completed";
            validation = "Completed";
            processing = "Completed";
            training = "Completed";
            changed = created + state.share(job, 1);
            complete(job, v);
        } else {
            status = "InProgress";
            validation = phase(p, 0, VALIDATION_END, status);
            processing = phase(p, VALIDATION_END, PROCESSING_END, status);
            training = phase(p, PROCESSING_END, 1, status);
            changed = state.now().toEpochMilli();
        }
        v.put("status", status);
        v.put("lastModifiedTime", ControlState.iso(changed));
        if (!status.equals("InProgress") && !status.equals("Stopping")) {
            v.put("endTime", ControlState.iso(changed));
        }
        ObjectNode details = v.putObject("statusDetails");
        details.putObject("validationDetails").put("status", validation)
                .put("creationTime", ControlState.iso(created)).put("lastModifiedTime", ControlState.iso(changed));
        details.putObject("dataProcessingDetails").put("status", processing)
                .put("creationTime", ControlState.iso(created)).put("lastModifiedTime", ControlState.iso(changed));
        details.putObject("trainingDetails").put("status", training)
                .put("creationTime", ControlState.iso(created)).put("lastModifiedTime", ControlState.iso(changed));
        return v;
    }

    private static String phase(double p, double start, double end, String jobStatus) {
        if (p < start) {
            return "NotStarted";
        }
        if (p >= end) {
            return "Completed";
        }
        return jobStatus.equals("InProgress") ? "InProgress" : jobStatus;
    }

    /** Losses, outputs in S3 and the custom model record; written once, the first time the job is seen done. */
    private void complete(ObjectNode job, ObjectNode v) {
        int records = job.path("records").asInt();
        double trainingLoss = CustomModels.trainingLoss(records);
        double validationLoss = trainingLoss * 1.12;
        v.put("outputModelArn", job.path("outputModelArn").asText());
        v.putObject("trainingMetrics").put("trainingLoss", round(trainingLoss));
        v.putArray("validationMetrics").addObject().put("validationLoss", round(validationLoss));
        synchronized (this) {
            if (state.read(MODELS, job.path("modelId").asText()).isPresent()) {
                return;
            }
            String[] out = ControlState.s3Location(job.path("request").path("outputDataConfig").path("s3Uri")
                    .asText()).orElseThrow();
            String prefix = out[1].isEmpty() || out[1].endsWith("/") ? out[1] : out[1] + "/";
            String dir = prefix + "model-customization-job-" + job.path("id").asText() + "/";
            StringBuilder steps = new StringBuilder("step_number,epoch_number,training_loss\n");
            StringBuilder valid = new StringBuilder("step_number,epoch_number,validation_loss\n");
            int epochs = 2;
            for (int step = 1; step <= 10; step++) {
                double loss = trainingLoss * (1 + 1.5 / step);
                steps.append(String.format(Locale.ROOT, "%d,%d,%.4f%n", step, (step - 1) * epochs / 10, loss));
                if (step % 5 == 0) {
                    valid.append(String.format(Locale.ROOT, "%d,%d,%.4f%n", step, (step - 1) * epochs / 10,
                            loss * 1.12));
                }
            }
            state.s3().put(out[0], dir + "training_artifacts/step_wise_training_metrics.csv",
                    steps.toString().getBytes(StandardCharsets.UTF_8));
            state.s3().put(out[0], dir + "validation_artifacts/post_fine_tuning_validation/validation/"
                    + "validation_metrics.csv", valid.toString().getBytes(StandardCharsets.UTF_8));
            ObjectNode model = state.json().createObjectNode();
            model.put("modelArn", job.path("outputModelArn").asText());
            model.put("modelName", job.path("outputModelName").asText());
            model.put("jobName", job.path("jobName").asText());
            model.put("jobArn", job.path("jobArn").asText());
            model.put("baseModelArn", ControlState.arn("foundation-model/" + job.path("baseModel").asText()));
            model.put("customizationType", job.path("customizationType").asText());
            model.put("creationTime", ControlState.iso(job.path("createdMs").asLong() + state.share(job, 1)));
            model.put("modelStatus", "Active");
            model.put("student", job.path("student").asText());
            if (job.has("teacher")) {
                model.put("teacher", job.path("teacher").asText());
            }
            model.put("records", records);
            model.set("trainingDataConfig", job.path("request").path("trainingDataConfig"));
            model.set("outputDataConfig", job.path("request").path("outputDataConfig"));
            model.set("trainingMetrics", v.get("trainingMetrics"));
            model.set("validationMetrics", v.get("validationMetrics"));
            state.write(MODELS, job.path("modelId").asText(), model);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw BedrockError.validation("1 validation error detected: Value null at '" + field + "' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        return v.asText();
    }

    static BedrockError notFound(String what, String identifier) {
        return new BedrockError(404, "ResourceNotFoundException", "Could not find the " + what + " " + identifier
                + ".");
    }
}
