package dev.frontier.distill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.config.DistillationSpec;
import dev.frontier.config.StagingSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.invoke.CustomizationJobs;
import dev.frontier.model.RequestMetadataFilter;
import dev.frontier.model.S3Uri;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The customization job a suite asks for, before anything is sent: where the training file goes, the job's names,
 * its idempotency token (from the suite's and the training data's hashes, so running {@code distill --launch} twice
 * submits one job) and the exact {@code CreateModelCustomizationJob} request.
 *
 * @param trainingUri where the training data is staged: the training file, or the prefix of the log copy
 * @param request     the request
 */
public record JobPlan(S3Uri trainingUri, CustomizationJobs.JobRequest request) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The tag every job and resource frontier creates carries, with the suite's name. */
    public static final String SUITE_TAG = "frontier:suite";

    /**
     * Plans the job.
     *
     * @param suite   the suite (name, hash, staging)
     * @param spec    its distillation section
     * @param teacher the teacher's model id
     * @param data    the training file, or the log copy
     * @param prefix  the S3 prefix to stage under (the suite's {@code staging.s3})
     * @param roleArn the job role
     */
    public static JobPlan of(SuiteSpec suite, DistillationSpec spec, String teacher, TrainingInput data, S3Uri prefix,
                             String roleArn) {
        String token = TrainingData.sha256((suite.sha256() + "\n" + data.sha256() + "\n" + spec.method().api() + "\n"
                + spec.student() + "\n" + teacher + (data instanceof LogCopy logs ? "\n" + logs.filters() + "\n"
                + logs.usePromptResponse() : "")).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        String shortHash = token.substring(0, 10);
        String kind = spec.method() == DistillationSpec.Method.DISTILLATION ? "distill" : "ft";
        String name = trim(suite.name() + "-" + kind, 52) + "-" + shortHash;
        S3Uri base = prefix.resolve(suite.name() + "/" + kind + "-" + shortHash + "/");
        S3Uri training = base.resolve(data instanceof LogCopy ? "invocation-logs/" : "train.jsonl");
        S3Uri output = base.resolve("output/");
        StagingSpec staging = suite.staging();
        Map<String, String> tags = new TreeMap<>(staging.tags());
        tags.put(SUITE_TAG, suite.name());
        String student = CustomizationCatalog.customizableId(spec.student()).orElse(spec.student());
        boolean distill = spec.method() == DistillationSpec.Method.DISTILLATION;
        CustomizationJobs.JobRequest request = new CustomizationJobs.JobRequest(name, name.replace("--", "-"),
                roleArn, token, student, spec.method().api(), source(data, training), output.toString(),
                staging.kmsKeyId(), distill ? Map.of() : spec.hyperParameters(),
                distill ? Optional.of(teacher) : Optional.empty(), spec.maxResponseLengthForInference(), tags);
        return new JobPlan(training, request);
    }

    private static CustomizationJobs.TrainingSource source(TrainingInput data, S3Uri staged) {
        if (data instanceof LogCopy logs) {
            return new CustomizationJobs.InvocationLogs(staged.toString(), logs.filters(), logs.usePromptResponse());
        }
        return new CustomizationJobs.TrainingFile(staged.toString());
    }

    private static String trim(String s, int max) {
        String t = s.length() <= max ? s : s.substring(0, max);
        while (t.endsWith("-")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** The request as Bedrock's REST-JSON body, members in the API's order. */
    public String requestJson() {
        CustomizationJobs.JobRequest r = request;
        ObjectNode root = JSON.createObjectNode();
        root.put("jobName", r.jobName());
        root.put("customModelName", r.customModelName());
        root.put("roleArn", r.roleArn());
        root.put("clientRequestToken", r.clientRequestToken());
        root.put("baseModelIdentifier", r.baseModelIdentifier());
        root.put("customizationType", r.customizationType());
        r.kmsKeyId().ifPresent(k -> root.put("customModelKmsKeyId", k));
        tags(root.putArray("jobTags"), r.tags());
        tags(root.putArray("customModelTags"), r.tags());
        trainingData(root.putObject("trainingDataConfig"), r.training());
        root.putObject("outputDataConfig").put("s3Uri", r.outputS3Uri());
        if (!r.hyperParameters().isEmpty()) {
            ObjectNode h = root.putObject("hyperParameters");
            new TreeMap<>(r.hyperParameters()).forEach(h::put);
        }
        r.teacherModel().ifPresent(t -> root.putObject("customizationConfig").putObject("distillationConfig")
                .putObject("teacherModelConfig").put("teacherModelIdentifier", t)
                .put("maxResponseLengthForInference", r.maxResponseLength()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static void trainingData(ObjectNode config, CustomizationJobs.TrainingSource source) {
        if (source instanceof CustomizationJobs.TrainingFile f) {
            config.put("s3Uri", f.s3Uri());
            return;
        }
        CustomizationJobs.InvocationLogs logs = (CustomizationJobs.InvocationLogs) source;
        ObjectNode c = config.putObject("invocationLogsConfig");
        c.put("usePromptResponse", logs.usePromptResponse());
        c.putObject("invocationLogSource").put("s3Uri", logs.s3Uri());
        logs.filters().ifPresent(f -> filter(c.putObject("requestMetadataFilters"), f));
    }

    private static void filter(ObjectNode node, RequestMetadataFilter f) {
        if (f instanceof RequestMetadataFilter.Base b) {
            node.putObject(b instanceof RequestMetadataFilter.Equals ? "equals" : "notEquals").put(b.key(), b.value());
            return;
        }
        List<RequestMetadataFilter.Base> tests = f instanceof RequestMetadataFilter.AndAll a ? a.all()
                : ((RequestMetadataFilter.OrAll) f).any();
        ArrayNode array = node.putArray(f instanceof RequestMetadataFilter.AndAll ? "andAll" : "orAll");
        tests.forEach(t -> filter(array.addObject(), t));
    }

    private static void tags(ArrayNode array, Map<String, String> tags) {
        new TreeMap<>(tags).forEach((k, v) -> array.addObject().put("key", k).put("value", v));
    }
}
