package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The parts of a Converse request body the simulation reads: system blocks, messages and inference settings. Other
 * fields ({@code additionalModelRequestFields}, {@code toolConfig}, ...) and non-text content blocks are ignored.
 */
record ConverseCall(List<Block> system, List<Message> messages, Inference inference, boolean structured) {

    static final String USER = "user";
    static final String ASSISTANT = "assistant";
    private static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);
    private static final Duration LONG_CACHE_TTL = Duration.ofHours(1);

    ConverseCall {
        system = List.copyOf(system);
        messages = List.copyOf(messages);
    }

    /** A text or cache-checkpoint block; the only kinds the simulation reads. */
    sealed interface Block permits Text, CachePoint {
    }

    record Text(String text) implements Block {
    }

    /** A prompt-cache checkpoint: the content before it is a cacheable prefix. */
    record CachePoint(Duration ttl) implements Block {
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

    /**
     * A stable text form of everything that shapes the answer, used to seed the simulation, so that the same request
     * gets the same answer whatever the field order or whitespace of its JSON.
     */
    String canonical() {
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
        return new ConverseCall(system, messages, readInference(body.get("inferenceConfig")), structured);
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
            if (ttl == null || ttl.isNull() || "5m".equals(ttl.asText())) {
                return Optional.of(new CachePoint(DEFAULT_CACHE_TTL));
            }
            if ("1h".equals(ttl.asText())) {
                return Optional.of(new CachePoint(LONG_CACHE_TTL));
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
