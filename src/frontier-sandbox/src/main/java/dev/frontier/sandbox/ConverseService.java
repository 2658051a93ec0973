package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.Catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
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
    /**
     * Latency-optimized inference's factor on the time per output token. Assumed: the user guide says only "faster
     * response times", with no figure.
     */
    static final double LATENCY_OPTIMIZED_FACTOR = 0.6;
    private static final String REDACTED = "[REDACTED]";
    /** Never used itself: {@link #sha256()} clones it. */
    private static final MessageDigest SHA_256 = newSha256();

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
        return ConverseCall.parse(readRequest(body));
    }

    /** Reads a CountTokens request body: its {@code input.converse} member. */
    ConverseCall parseCountTokens(byte[] body) {
        JsonNode input = readRequest(body).path("input").get("converse");
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

    /**
     * Generates the answer; this is where the prompt cache is read and written. The dials act here: reasoning spends
     * output tokens before the answer (a {@code reasoningContent} block) and lowers the model's weakness on hard
     * items; the service tier and latency-optimized inference scale the time per output token; the answer echoes the
     * tier and latency that served it. A request without dials is answered exactly as before they were read, but
     * for the echo.
     */
    Reply answer(ModelProfile model, ConverseCall call) {
        long seed = seed(model, call);
        ConverseCall.Dials dials = call.dials();
        int maxTokens = call.inference().maxTokens().orElse(DEFAULT_MAX_TOKENS);
        Optional<Thinking> thinking = dials.reasoning().isEmpty() ? Optional.<Thinking>empty()
                : Thinking.of(call, PromptDifficulty.estimate(call))
                // reasoning counts against maxTokens (Anthropic); with Nova's high effort maxTokens is not sent
                .map(t -> t.budget() || call.inference().maxTokens().isPresent() ? t.within(maxTokens) : t);
        long thinkingTokens = thinking.map(Thinking::tokens).orElse(0L);
        ModelProfile answering = thinking.filter(t -> t.weaknessFactor() < 1)
                .map(t -> model.reasoning(t.weaknessFactor())).orElse(model);

        SplittableRandom random = new SplittableRandom(seed);
        // a judge prompt may quote a classification task, so it is recognised first
        String generated = JudgeTask.detect(call).map(task -> task.answer(answering, random))
                .orElseGet(() -> ClassificationTask.detect(call)
                        .map(task -> task.answer(answering, random))
                        .orElseGet(() -> SummaryTask.of(call).answer(answering, random)));
        int room = thinking.isPresent() && (thinking.get().budget() || call.inference().maxTokens().isPresent())
                ? (int) (maxTokens - thinkingTokens) : maxTokens;
        Completion completion = Completion.of(generated, call.inference().stopSequences(), room);
        long outputTokens = completion.outputTokens() + thinkingTokens;

        PromptTokens prompt = PromptTokens.count(call);
        PromptCache.Outcome cached = cache.apply(model, prompt.checkpoints());
        long uncached = prompt.total() - cached.readTokens() - cached.writeTokens();
        long latencyMs = latency.latencyMs(model, outputTokens, uncached + cached.writeTokens(),
                cached.readTokens(), perTokenFactor(model, dials), new SplittableRandom(seed ^ LATENCY_STREAM));

        ObjectNode response = json.createObjectNode();
        ObjectNode message = response.putObject("output").putObject("message");
        message.put("role", ConverseCall.ASSISTANT);
        ArrayNode content = message.putArray("content");
        thinking.ifPresent(t -> reasoningBlock(content, t, seed));
        content.addObject().put("text", completion.text());
        response.put("stopReason", completion.stopReason());
        ObjectNode usage = response.putObject("usage");
        usage.put("inputTokens", uncached);
        usage.put("outputTokens", outputTokens);
        usage.put("totalTokens", uncached + outputTokens + cached.readTokens() + cached.writeTokens());
        if (model.supportsCaching()) {
            usage.put("cacheReadInputTokens", cached.readTokens());
            usage.put("cacheWriteInputTokens", cached.writeTokens());
            if (!call.sentCacheTtls().isEmpty()) {
                // writes by TTL, 1h first, only for writes (shared reference §1.4); reported when a TTL was sent
                ArrayNode details = usage.putArray("cacheDetails");
                if (cached.longLivedWrites() > 0) {
                    details.addObject().put("ttl", "1h").put("inputTokens", cached.longLivedWrites());
                }
                if (cached.writeTokens() - cached.longLivedWrites() > 0) {
                    details.addObject().put("ttl", "5m")
                            .put("inputTokens", cached.writeTokens() - cached.longLivedWrites());
                }
            }
        }
        response.putObject("metrics").put("latencyMs", latencyMs);
        // Bedrock shows the tier and latency that served the request in every answer
        response.putObject("serviceTier").put("type", dials.tier());
        response.putObject("performanceConfig").put("latency",
                dials.latencyOptimized() ? ConverseCall.OPTIMIZED : ConverseCall.STANDARD);
        return new Reply(response, latencyMs, uncached, outputTokens, cached.readTokens(),
                cached.writeTokens());
    }

    /**
     * The factor on the time per output token: the catalog's for the service tier (Flex slower, Priority faster),
     * times {@value #LATENCY_OPTIMIZED_FACTOR} for latency-optimized inference. 1 without dials.
     */
    static double perTokenFactor(ModelProfile model, ConverseCall.Dials dials) {
        double factor = 1.0;
        if (!dials.tier().equals(ConverseCall.DEFAULT_TIER)) {
            factor = Catalog.bundled().model(model.id()).flatMap(m -> m.dials().serviceTiers())
                    .map(tiers -> tiers.latency().getOrDefault(dials.tier(), 1.0)).orElse(1.0);
        }
        if (dials.latencyOptimized()) {
            factor *= LATENCY_OPTIMIZED_FACTOR;
        }
        return factor;
    }

    /**
     * The reasoning block before the text: Anthropic's summarised thinking with a signature, Nova 2's redacted
     * text (the Nova 2 guide: reasoning comes back as {@code [REDACTED]}, its tokens still charged).
     */
    private static void reasoningBlock(ArrayNode content, Thinking thinking, long seed) {
        ObjectNode text = content.addObject().putObject("reasoningContent").putObject("reasoningText");
        if (thinking.budget()) {
            text.put("text", "Reading the request, weighing the possible answers against what it asks, "
                    + "then settling on the one that fits best.");
            text.put("signature", Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(16).putLong(seed).putLong(thinking.tokens()).array()));
        } else {
            text.put("text", REDACTED);
        }
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
        MessageDigest digest = sha256();
        digest.update(modelId.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A fresh SHA-256 digest, cloned from {@link #SHA_256}: two of them per call, and a clone costs a fraction of a
     * provider look-up.
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    ModelProfile resolve(String modelId) {
        return catalog.resolve(modelId).orElseThrow(() -> BedrockError.validation(INVALID_MODEL));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A request body as a JSON object; anything else is a malformed request. */
    JsonNode readRequest(byte[] body) {
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
        MessageDigest digest = sha256();
        digest.update(model.id().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(call.content().getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest.digest()).getLong();
    }
}
