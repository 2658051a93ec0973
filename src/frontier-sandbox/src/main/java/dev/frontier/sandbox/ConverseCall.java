package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parts of a Converse request body the simulation reads: system blocks, messages, inference settings and the
 * cost dials ({@code serviceTier}, {@code performanceConfig}, reasoning in {@code additionalModelRequestFields}).
 * Other fields ({@code toolConfig}, other additional fields, ...) and non-text content blocks are ignored.
 */
record ConverseCall(List<Block> system, List<Message> messages, Inference inference, boolean structured,
                    Dials dials) {

    static final String USER = "user";
    static final String ASSISTANT = "assistant";
    static final String DEFAULT_TIER = "default";
    static final String OPTIMIZED = "optimized";
    static final String STANDARD = "standard";
    private static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);
    private static final Duration LONG_CACHE_TTL = Duration.ofHours(1);
    private static final String MALFORMED = "Malformed input request, please reformat your input and try again.";

    ConverseCall {
        system = List.copyOf(system);
        messages = List.copyOf(messages);
        Objects.requireNonNull(dials, "dials");
    }

    /** A request that sends no dial. */
    ConverseCall(List<Block> system, List<Message> messages, Inference inference, boolean structured) {
        this(system, messages, inference, structured, Dials.NONE);
    }

    /** A text or cache-checkpoint block; the only kinds the simulation reads. */
    sealed interface Block permits Text, CachePoint {
    }

    record Text(String text) implements Block {
    }

    /**
     * A prompt-cache checkpoint: the content before it is a cacheable prefix.
     *
     * @param ttl  how long the entry lives after its last use
     * @param sent the {@code ttl} as the request sent it ({@code 5m}, {@code 1h}), or null when it sent none
     */
    record CachePoint(Duration ttl, String sent) implements Block {
        CachePoint(Duration ttl) {
            this(ttl, null);
        }

        /** The TTL as Bedrock names it in {@code usage.cacheDetails}. */
        String ttlName() {
            return ttl.equals(LONG_CACHE_TTL) ? "1h" : "5m";
        }
    }

    /**
     * The cost dials a request sent; an empty optional was not sent.
     *
     * @param serviceTier {@code serviceTier.type} as sent (validated against the catalog later)
     * @param latency     {@code performanceConfig.latency}: {@code standard} or {@code optimized}
     * @param reasoning   a thinking budget or a reasoning effort from {@code additionalModelRequestFields}
     */
    record Dials(Optional<String> serviceTier, Optional<String> latency, Optional<Reasoning> reasoning) {
        static final Dials NONE = new Dials(Optional.empty(), Optional.empty(), Optional.empty());

        /** The tier the request asks for: {@code default} (Standard) when it names none. */
        String tier() {
            return serviceTier.orElse(DEFAULT_TIER);
        }

        boolean latencyOptimized() {
            return latency.filter(OPTIMIZED::equals).isPresent();
        }

        boolean none() {
            return serviceTier.isEmpty() && latency.isEmpty() && reasoning.isEmpty();
        }
    }

    /** Reasoning asked for in {@code additionalModelRequestFields}. */
    sealed interface Reasoning permits Budget, Effort {
        /** How the request log and the canonical form show it. */
        String describe();
    }

    /** Anthropic extended thinking: {@code thinking = {type: enabled, budget_tokens: tokens}}. */
    record Budget(int tokens) implements Reasoning {
        @Override
        public String describe() {
            return "budget:" + tokens;
        }
    }

    /** Nova 2 reasoning: {@code reasoningConfig = {type: enabled, maxReasoningEffort: level}} (level as sent). */
    record Effort(String level) implements Reasoning {
        @Override
        public String describe() {
            return "effort:" + level;
        }
    }

    record Message(String role, List<Block> content) {
        Message {
            content = List.copyOf(content);
        }

        /** The message's text blocks joined by new lines. */
        String text() {
            return content.stream().filter(Text.class::isInstance).map(b -> ((Text) b).text())
                    .collect(Collectors.joining("\n"));
        }
    }

    /** Inference settings; an empty optional means the field was not sent. */
    record Inference(OptionalInt maxTokens, OptionalDouble temperature, OptionalDouble topP, List<String> stopSequences) {
        Inference {
            stopSequences = List.copyOf(stopSequences);
        }
    }

    /** The system prompt's text blocks joined by new lines. */
    String systemText() {
        return system.stream().filter(Text.class::isInstance).map(b -> ((Text) b).text())
                .collect(Collectors.joining("\n"));
    }

    /** Whether any system block or message carries a prompt-cache checkpoint. */
    boolean hasCachePoint() {
        return system.stream().anyMatch(CachePoint.class::isInstance)
                || messages.stream().anyMatch(m -> m.content().stream().anyMatch(CachePoint.class::isInstance));
    }

    Optional<Message> lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals(USER)) {
                return Optional.of(messages.get(i));
            }
        }
        return Optional.empty();
    }

    /** The explicit checkpoint TTLs the request sent ({@code 5m}, {@code 1h}), distinct, in order. */
    List<String> sentCacheTtls() {
        List<String> out = new ArrayList<>();
        Stream.concat(system.stream(), messages.stream().flatMap(m -> m.content().stream()))
                .filter(CachePoint.class::isInstance).map(b -> ((CachePoint) b).sent()).filter(Objects::nonNull)
                .filter(ttl -> !out.contains(ttl)).forEach(out::add);
        return out;
    }

    /** The TTLs of all checkpoints ({@code 5m}, {@code 1h}), distinct. */
    List<String> cacheTtls() {
        return Stream.concat(system.stream(), messages.stream().flatMap(m -> m.content().stream()))
                .filter(CachePoint.class::isInstance).map(b -> ((CachePoint) b).ttlName()).distinct().toList();
    }

    /**
     * A stable text form of everything in the request, for the request hash: the {@link #content()} and, when the
     * request sent any, its dials. A request without dials has the same form as before dials were read.
     */
    String canonical() {
        if (dials.none()) {
            return content();
        }
        return content() + "\ndials: tier=" + dials.serviceTier().orElse("-") + " latency="
                + dials.latency().orElse("-") + " reasoning=" + dials.reasoning().map(Reasoning::describe).orElse("-");
    }

    /**
     * A stable text form of the prompt and inference settings, used to seed the simulation, so that the same request
     * gets the same answer whatever the field order or whitespace of its JSON. The dials are left out, so a request
     * with a dial draws the same numbers as without it and differs only by what the dial does.
     */
    String content() {
        StringBuilder out = new StringBuilder();
        for (Block block : system) {
            appendBlock(out.append("system:"), block);
        }
        for (Message message : messages) {
            out.append("message:").append(message.role()).append('\n');
            for (Block block : message.content()) {
                appendBlock(out, block);
            }
        }
        out.append("maxTokens=").append(inference.maxTokens())
                .append(" temperature=").append(inference.temperature())
                .append(" topP=").append(inference.topP())
                .append(" stop=").append(inference.stopSequences().size());
        for (String stop : inference.stopSequences()) {
            out.append('\u0000').append(stop);
        }
        return out.toString();
    }

    private static void appendBlock(StringBuilder out, Block block) {
        if (block instanceof Text text) {
            out.append("text:").append(text.text().length()).append(':').append(text.text()).append('\n');
        } else if (block instanceof CachePoint point) {
            out.append("cachePoint:").append(point.ttl()).append('\n');
        }
    }

    /**
     * Reads a Converse request body (or the {@code converse} member of a CountTokens input).
     *
     * @throws BedrockError a ValidationException naming the offending field, as Bedrock words it
     */
    static ConverseCall parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw BedrockError.validation("Malformed input request, please reformat your input and try again.");
        }
        List<Block> system = new ArrayList<>();
        JsonNode systemNode = body.get("system");
        if (systemNode != null && !systemNode.isNull()) {
            if (!systemNode.isArray()) {
                throw BedrockError.validation(constraint("system", "Member must be a list"));
            }
            for (int i = 0; i < systemNode.size(); i++) {
                readBlock(systemNode.get(i), "system." + i).ifPresent(system::add);
            }
        }
        List<Message> messages = readMessages(body.get("messages"));
        // Converse structured output: the model must answer in the JSON Schema it is given
        boolean structured = "json_schema".equals(body.path("outputConfig").path("textFormat").path("type").asText());
        Dials dials = new Dials(readServiceTier(body.get("serviceTier")), readLatency(body.get("performanceConfig")),
                readReasoning(body.get("additionalModelRequestFields")));
        return new ConverseCall(system, messages, readInference(body.get("inferenceConfig")), structured, dials);
    }

    /** {@code serviceTier.type} as sent; whether it is a tier at all is a refusal of its own (see BedrockRules). */
    private static Optional<String> readServiceTier(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw BedrockError.validation(constraint("serviceTier", "Member must be a structure"));
        }
        JsonNode type = node.get("type");
        if (type == null || type.isNull()) {
            throw BedrockError.validation(constraint("serviceTier.type", "Member must not be null"));
        }
        if (!type.isTextual()) {
            throw BedrockError.validation(constraint("serviceTier.type", "Member must be a string"));
        }
        return Optional.of(type.asText());
    }

    private static Optional<String> readLatency(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw BedrockError.validation(constraint("performanceConfig", "Member must be a structure"));
        }
        JsonNode latency = node.get("latency");
        if (latency == null || latency.isNull()) {
            return Optional.empty();
        }
        if (!latency.isTextual() || !(latency.asText().equals(STANDARD) || latency.asText().equals(OPTIMIZED))) {
            throw BedrockError.validation("1 validation error detected: Value '" + latency.asText()
                    + "' at 'performanceConfig.latency' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [optimized, standard]");
        }
        return Optional.of(latency.asText());
    }

    /**
     * Anthropic's {@code thinking} or Nova 2's {@code reasoningConfig}; {@code type: disabled} is no reasoning. An
     * effort level that is not one is kept as sent and refused with the model's reasoning rule.
     */
    private static Optional<Reasoning> readReasoning(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode thinking = node.get("thinking");
        if (thinking != null && !thinking.isNull()) {
            String type = thinking.path("type").asText();
            if (type.equals("disabled")) {
                return Optional.empty();
            }
            JsonNode budget = thinking.get("budget_tokens");
            if (!type.equals("enabled") || budget == null || !budget.isIntegralNumber() || !budget.canConvertToInt()) {
                throw BedrockError.validation(MALFORMED);
            }
            return Optional.of(new Budget(budget.intValue()));
        }
        JsonNode config = node.get("reasoningConfig");
        if (config != null && !config.isNull()) {
            String type = config.path("type").asText();
            if (type.equals("disabled")) {
                return Optional.empty();
            }
            // Bedrock's one answer for a reasoning config it cannot use (observed on Nova Pro): see BedrockRules
            return Optional.of(new Effort(type.equals("enabled") ? config.path("maxReasoningEffort").asText() : ""));
        }
        return Optional.empty();
    }

    private static List<Message> readMessages(JsonNode node) {
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            throw BedrockError.validation("A conversation must start with a user message. "
                    + "Try again with a conversation that starts with a user message.");
        }
        if (!node.isArray()) {
            throw BedrockError.validation(constraint("messages", "Member must be a list"));
        }
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String where = "messages." + (i + 1) + ".member";
            if (!item.isObject()) {
                throw BedrockError.validation(constraint(where, "Member must be a structure"));
            }
            JsonNode role = item.get("role");
            if (role == null || !role.isTextual()
                    || !(role.asText().equals(USER) || role.asText().equals(ASSISTANT))) {
                throw BedrockError.validation("1 validation error detected: Value '" + (role == null ? null : role.asText())
                        + "' at '" + where + ".role' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [user, assistant]");
            }
            JsonNode content = item.get("content");
            if (content == null || !content.isArray()) {
                throw BedrockError.validation(constraint(where + ".content", "Member must not be null"));
            }
            List<Block> blocks = new ArrayList<>();
            for (int j = 0; j < content.size(); j++) {
                readBlock(content.get(j), "messages." + i + ".content." + j).ifPresent(blocks::add);
            }
            messages.add(new Message(role.asText(), blocks));
        }
        if (!messages.get(0).role().equals(USER)) {
            throw BedrockError.validation("A conversation must start with a user message. "
                    + "Try again with a conversation that starts with a user message.");
        }
        for (int i = 1; i < messages.size(); i++) {
            if (messages.get(i).role().equals(messages.get(i - 1).role())) {
                throw BedrockError.validation("A conversation must alternate between user and assistant roles. "
                        + "Make sure the conversation alternates between user and assistant roles and try again.");
            }
        }
        return messages;
    }

    private static Optional<Block> readBlock(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw BedrockError.validation(constraint(where, "Member must be a structure"));
        }
        JsonNode text = node.get("text");
        if (text != null) {
            if (!text.isTextual()) {
                throw BedrockError.validation(constraint(where + ".text", "Member must be a string"));
            }
            if (text.asText().isBlank()) {
                throw BedrockError.validation("The text field in the ContentBlock object at " + where
                        + " is blank. Add text to the text field, and try again.");
            }
            return Optional.of(new Text(text.asText()));
        }
        JsonNode cachePoint = node.get("cachePoint");
        if (cachePoint != null) {
            JsonNode type = cachePoint.get("type");
            if (type == null || !"default".equals(type.asText())) {
                throw BedrockError.validation("1 validation error detected: Value '" + (type == null ? null : type.asText())
                        + "' at '" + where + ".cachePoint.type' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [default]");
            }
            JsonNode ttl = cachePoint.get("ttl");
            if (ttl == null || ttl.isNull()) {
                return Optional.of(new CachePoint(DEFAULT_CACHE_TTL));
            }
            if ("5m".equals(ttl.asText())) {
                return Optional.of(new CachePoint(DEFAULT_CACHE_TTL, "5m"));
            }
            if ("1h".equals(ttl.asText())) {
                return Optional.of(new CachePoint(LONG_CACHE_TTL, "1h"));
            }
            throw BedrockError.validation("1 validation error detected: Value '" + ttl.asText() + "' at '" + where
                    + ".cachePoint.ttl' failed to satisfy constraint: Member must satisfy enum value set: [5m, 1h]");
        }
        // images, documents, tool use, guard content ...: not simulated
        return Optional.empty();
    }

    private static Inference readInference(JsonNode node) {
        if (node == null || node.isNull()) {
            return new Inference(OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(), List.of());
        }
        if (!node.isObject()) {
            throw BedrockError.validation(constraint("inferenceConfig", "Member must be a structure"));
        }
        OptionalInt maxTokens = OptionalInt.empty();
        JsonNode max = node.get("maxTokens");
        if (max != null && !max.isNull()) {
            if (!max.isIntegralNumber() || !max.canConvertToInt()) {
                throw BedrockError.validation(constraint("inferenceConfig.maxTokens", "Member must be an integer"));
            }
            if (max.intValue() < 1) {
                throw BedrockError.validation("1 validation error detected: Value '" + max.intValue()
                        + "' at 'inferenceConfig.maxTokens' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
            }
            maxTokens = OptionalInt.of(max.intValue());
        }
        OptionalDouble temperature = readUnitInterval(node.get("temperature"), "inferenceConfig.temperature");
        OptionalDouble topP = readUnitInterval(node.get("topP"), "inferenceConfig.topP");
        List<String> stops = new ArrayList<>();
        JsonNode stopNode = node.get("stopSequences");
        if (stopNode != null && !stopNode.isNull()) {
            if (!stopNode.isArray()) {
                throw BedrockError.validation(constraint("inferenceConfig.stopSequences", "Member must be a list"));
            }
            for (JsonNode stop : stopNode) {
                if (!stop.isTextual() || stop.asText().isEmpty()) {
                    throw BedrockError.validation(constraint("inferenceConfig.stopSequences",
                            "Member must contain only non-empty strings"));
                }
                stops.add(stop.asText());
            }
        }
        return new Inference(maxTokens, temperature, topP, stops);
    }

    private static OptionalDouble readUnitInterval(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return OptionalDouble.empty();
        }
        if (!node.isNumber()) {
            throw BedrockError.validation(constraint(where, "Member must be a number"));
        }
        double value = node.doubleValue();
        if (value < 0) {
            throw BedrockError.validation("1 validation error detected: Value '" + value + "' at '" + where
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 0");
        }
        if (value > 1) {
            throw BedrockError.validation("1 validation error detected: Value '" + value + "' at '" + where
                    + "' failed to satisfy constraint: Member must have value less than or equal to 1");
        }
        return OptionalDouble.of(value);
    }

    private static String constraint(String where, String rule) {
        return "1 validation error detected: Value at '" + where + "' failed to satisfy constraint: " + rule;
    }
}
