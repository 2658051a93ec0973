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
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    ConverseService(ModelCatalog catalog, PromptCache cache) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * The response of one Converse call.
     *
     * @param body      the JSON response body
     * @param latencyMs the simulated latency, also in {@code metrics.latencyMs}
     */
    record Reply(ObjectNode body, long latencyMs) {
    }

    ObjectMapper json() {
        return json;
    }

    Reply converse(String modelId, byte[] body) {
        ConverseCall call = ConverseCall.parse(readJson(body));
        ModelProfile model = resolve(modelId);
        long seed = seed(model, call);

        SplittableRandom random = new SplittableRandom(seed);
        String generated = ClassificationTask.detect(call)
                .map(task -> task.answer(model, random))
                .orElseGet(() -> SummaryTask.of(call).answer(model, random));
        Completion completion = Completion.of(generated, call.inference().stopSequences(),
                call.inference().maxTokens().orElse(DEFAULT_MAX_TOKENS));

        PromptTokens prompt = PromptTokens.count(call);
        PromptCache.Outcome cached = cache.apply(model, prompt.checkpoints());
        long uncached = prompt.total() - cached.readTokens() - cached.writeTokens();
        long latency = model.latencyMs(completion.outputTokens(), uncached + cached.writeTokens(),
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
        response.putObject("metrics").put("latencyMs", latency);
        return new Reply(response, latency);
    }

    /** CountTokens: what the input of a Converse request would count, caching aside. */
    ObjectNode countTokens(String modelId, byte[] body) {
        JsonNode input = readJson(body).path("input").get("converse");
        if (input == null) {
            throw BedrockError.validation("The input must contain a converse request.");
        }
        ConverseCall call = ConverseCall.parse(input);
        resolve(modelId);
        ObjectNode response = json.createObjectNode();
        response.put("inputTokens", PromptTokens.count(call).total());
        return response;
    }

    private ModelProfile resolve(String modelId) {
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
