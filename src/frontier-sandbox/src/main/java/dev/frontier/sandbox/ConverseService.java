package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The runtime operations without HTTP: a request body in, a response body out (or a {@link BedrockError}). Every
 * answer is seeded from the model id and the request's canonical form, so the same request gets the same answer;
 * only prompt-cache usage depends on what came before.
 */
final class ConverseService {

    /** Used when a request does not set {@code inferenceConfig.maxTokens}. */
    static final int DEFAULT_MAX_TOKENS = 4096;
    private static final String INVALID_MODEL = "The provided model identifier is invalid.";
    private static final String MALFORMED = "Malformed input request, please reformat your input and try again.";
    /** Decorrelates the latency draws from the answer draws. */
    private static final long LATENCY_STREAM = 0x9E3779B97F4A7C15L;

    private final ModelCatalog catalog;
    private final PromptCache cache;
    private final LatencyModel latency;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    ConverseService(ModelCatalog catalog, PromptCache cache) {
        this(catalog, cache, LatencyModel.logNormal());
    }

    ConverseService(ModelCatalog catalog, PromptCache cache, LatencyModel latency) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /**
     * The response of one Converse call.
     *
     * @param body             the JSON response body
     * @param latencyMs        the simulated latency, also in {@code metrics.latencyMs}
     * @param inputTokens      uncached input tokens, as in {@code usage.inputTokens}
     * @param outputTokens     as in {@code usage.outputTokens}
     * @param cacheReadTokens  input tokens read from the prompt cache
     * @param cacheWriteTokens input tokens written to the prompt cache
     */
    record Reply(ObjectNode body, long latencyMs, long inputTokens, long outputTokens, long cacheReadTokens,
                 long cacheWriteTokens) {

        /** What the call burns of a tokens-per-minute quota: cache reads are free. */
        long quotaTokens() {
            return inputTokens + cacheWriteTokens + outputTokens;
        }
    }

    ObjectMapper json() {
        return json;
    }

    /** Parse, resolve and answer in one step. */
    Reply converse(String modelId, byte[] body) {
        ConverseCall call = parseConverse(body);
        return answer(resolve(modelId), call);
    }

    /** Reads a Converse request body. */
    ConverseCall parseConverse(byte[] body) {
        return ConverseCall.parse(readJson(body));
    }

    /** Reads a CountTokens request body: its {@code input.converse} member. */
    ConverseCall parseCountTokens(byte[] body) {
        JsonNode input = readJson(body).path("input").get("converse");
        if (input == null) {
            throw BedrockError.validation("The input must contain a converse request.");
        }
        return ConverseCall.parse(input);
    }

    /**
     * The quota tokens Bedrock holds when a request starts: all its input tokens (cached or not, which is only
     * known later) plus its {@code maxTokens} (4096 when unset).
     */
    static long reservation(ConverseCall call) {
        return PromptTokens.count(call).total() + call.inference().maxTokens().orElse(DEFAULT_MAX_TOKENS);
    }

    /** Generates the answer; this is where the prompt cache is read and written. */
    Reply answer(ModelProfile model, ConverseCall call) {
        long seed = seed(model, call);

        SplittableRandom random = new SplittableRandom(seed);
        // a judge prompt may quote a classification task, so it is recognised first
        String generated = JudgeTask.detect(call).map(task -> task.answer(model, random))
                .orElseGet(() -> ClassificationTask.detect(call)
                        .map(task -> task.answer(model, random))
                        .orElseGet(() -> SummaryTask.of(call).answer(model, random)));
        Completion completion = Completion.of(generated, call.inference().stopSequences(),
                call.inference().maxTokens().orElse(DEFAULT_MAX_TOKENS));

        PromptTokens prompt = PromptTokens.count(call);
        PromptCache.Outcome cached = cache.apply(model, prompt.checkpoints());
        long uncached = prompt.total() - cached.readTokens() - cached.writeTokens();
        long latencyMs = latency.latencyMs(model, completion.outputTokens(), uncached + cached.writeTokens(),
                cached.readTokens(), new SplittableRandom(seed ^ LATENCY_STREAM));

        ObjectNode response = json.createObjectNode();
        ObjectNode message = response.putObject("output").putObject("message");
        message.put("role", ConverseCall.ASSISTANT);
        message.putArray("content").addObject().put("text", completion.text());
        response.put("stopReason", completion.stopReason());
        ObjectNode usage = response.putObject("usage");
        usage.put("inputTokens", uncached);
        usage.put("outputTokens", completion.outputTokens());
        usage.put("totalTokens", uncached + completion.outputTokens() + cached.readTokens() + cached.writeTokens());
        if (model.supportsCaching()) {
            usage.put("cacheReadInputTokens", cached.readTokens());
            usage.put("cacheWriteInputTokens", cached.writeTokens());
        }
        response.putObject("metrics").put("latencyMs", latencyMs);
        return new Reply(response, latencyMs, uncached, completion.outputTokens(), cached.readTokens(),
                cached.writeTokens());
    }

    /** CountTokens: what the input of a Converse request would count, caching aside. */
    ObjectNode countTokens(String modelId, byte[] body) {
        ConverseCall call = parseCountTokens(body);
        return countTokens(resolve(modelId), call);
    }

    ObjectNode countTokens(ModelProfile model, ConverseCall call) {
        Objects.requireNonNull(model, "model");
        ObjectNode response = json.createObjectNode();
        response.put("inputTokens", PromptTokens.count(call).total());
        return response;
    }

    /**
     * Identifies a request for the request log and fault decisions: hex SHA-256 of the model id as sent and the
     * request's canonical form, so JSON field order and whitespace do not matter.
     */
    static String requestHash(String modelId, ConverseCall call) {
        return hex(modelId, call.canonical().getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of a request whose body does not parse: the model id (or "") and the raw bytes. */
    static String rawRequestHash(String modelId, byte[] body) {
        return hex(modelId == null ? "" : modelId, body);
    }

    private static String hex(String modelId, byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(modelId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    ModelProfile resolve(String modelId) {
        return catalog.resolve(modelId).orElseThrow(() -> BedrockError.validation(INVALID_MODEL));
    }

    private JsonNode readJson(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw BedrockError.validation(MALFORMED);
            }
            return node;
        } catch (IOException e) {
            // reading a byte array fails only on malformed JSON
            throw BedrockError.validation(MALFORMED);
        }
    }

    private static long seed(ModelProfile model, ConverseCall call) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(model.id().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(call.canonical().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
