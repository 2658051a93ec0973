package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A customization job's training data taken from model-invocation logs
 * ({@code trainingDataConfig.invocationLogsConfig}, API reference InvocationLogsConfig / InvocationLogSource / RequestMetadataFilters; user guide, distillation from
 * invocation logs): the request is validated as the service model's unions and lengths require, then the log
 * objects under {@code invocationLogSource.s3Uri} are read and the records counted that a distillation can use —
 * Bedrock's invocation-log schema, a prompt with a user turn (Converse or Anthropic's native body), with
 * {@code usePromptResponse} also a response text, and matching {@code requestMetadataFilters}. Lines that do not
 * parse, records without {@code modelId} and bodies of no known schema are skipped, as is the
 * {@code amazon-bedrock-logs-permission-check} object. Refusals are the conformance table's
 * {@code invocation-logs-config-invalid} (the exact wording for a union with more or fewer than one member was
 * not found).
 */
final class InvocationLogSource {

    /** {@code andAll} and {@code orAll} take 1 to 16 filters (RequestMetadataFiltersList). */
    static final int MAX_FILTERS = 16;
    private static final String WHERE = "trainingDataConfig.invocationLogsConfig";

    private final String uri;
    private final boolean usePromptResponse;
    private final JsonNode filters;

    private InvocationLogSource(String uri, boolean usePromptResponse, JsonNode filters) {
        this.uri = uri;
        this.usePromptResponse = usePromptResponse;
        this.filters = filters;
    }

    /**
     * Reads and validates the configuration.
     *
     * @throws BedrockError a ValidationException for a configuration the API refuses
     */
    static InvocationLogSource parse(JsonNode config) {
        JsonNode source = config.get("invocationLogSource");
        if (source == null || !source.isObject()) {
            throw constraint(WHERE + ".invocationLogSource", "Member must not be null");
        }
        if (source.size() != 1 || !source.has("s3Uri")) {
            throw constraint(WHERE + ".invocationLogSource",
                    "Union must have exactly one member set: [s3Uri]");
        }
        String uri = source.path("s3Uri").asText("");
        if (ControlState.s3Location(uri).isEmpty()) {
            throw constraint(WHERE + ".invocationLogSource.s3Uri",
                    "Member must satisfy regular expression pattern: "
                            + "s3://[a-z0-9][-.a-z0-9]{1,61}(?:/[-!_*'().a-z0-9A-Z]+(?:/[-!_*'().a-z0-9A-Z]+)*)?/?");
        }
        JsonNode filters = config.get("requestMetadataFilters");
        if (filters != null && !filters.isNull()) {
            checkFilters(filters, WHERE + ".requestMetadataFilters", true);
        }
        return new InvocationLogSource(uri, config.path("usePromptResponse").asBoolean(false),
                filters == null || filters.isNull() ? null : filters);
    }

    private static void checkFilters(JsonNode filters, String where, boolean top) {
        List<String> members = top ? List.of("equals", "notEquals", "andAll", "orAll") : List.of("equals", "notEquals");
        if (!filters.isObject() || filters.size() != 1 || !members.contains(filters.fieldNames().next())) {
            throw constraint(where, "Union must have exactly one member set: " + members);
        }
        String member = filters.fieldNames().next();
        JsonNode value = filters.get(member);
        if (member.equals("equals") || member.equals("notEquals")) {
            if (!value.isObject() || value.size() != 1) {
                throw constraint(where + "." + member,
                        "Member must have length less than or equal to 1 and greater than or equal to 1");
            }
            // the keys and values are requestMetadata pairs, with its limits
            ObjectNode wrapped = new ObjectMapper().createObjectNode();
            wrapped.set("requestMetadata", value);
            RequestMetadata.read(wrapped);
            return;
        }
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_FILTERS) {
            throw constraint(where + "." + member, "Member must have length between 1 and "
                    + MAX_FILTERS);
        }
        for (int i = 0; i < value.size(); i++) {
            checkFilters(value.get(i), where + "." + member + "." + (i + 1) + ".member", false);
        }
    }

    String uri() {
        return uri;
    }

    /**
     * Counts the usable records under the URI in the sandbox's S3.
     *
     * @return the count, or empty when nothing at all is under the URI
     */
    Optional<Integer> count(SandboxS3 s3, ObjectMapper json, int enough) {
        String[] loc = ControlState.s3Location(uri).orElseThrow();
        List<String> keys = new ArrayList<>();
        for (String key : s3.list(loc[0], loc[1])) {
            // large bodies are delivered under data/, named by the records that need them
            if (key.endsWith(".json.gz") && !key.contains("/data/")) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        int usable = 0;
        for (String key : keys) {
            Optional<InputStream> object = s3.open(loc[0], key);
            if (object.isEmpty()) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(object.get()),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null && usable < enough) {
                    if (usable(line, json)) {
                        usable++;
                    }
                }
            } catch (IOException e) {
                // an object that is not gzip holds no records Bedrock could read
            }
            if (usable >= enough) {
                break;
            }
        }
        return Optional.of(usable);
    }

    private boolean usable(String line, ObjectMapper json) {
        JsonNode record;
        try {
            record = json.readTree(line);
        } catch (IOException e) {
            return false;
        }
        if (record == null || !"ModelInvocationLog".equals(record.path("schemaType").asText())
                || !record.hasNonNull("modelId")) {
            return false;
        }
        JsonNode input = record.path("input").path("inputBodyJson");
        if (!hasUserText(input.path("messages"))) {
            return false;
        }
        if (usePromptResponse && responseText(record.path("output").path("outputBodyJson")).isEmpty()) {
            return false;
        }
        return filters == null || matches(filters, record.path("requestMetadata"));
    }

    /** A first user message with text: Converse's {@code content[].text} or Anthropic's string or text blocks. */
    private static boolean hasUserText(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty() || !"user".equals(messages.get(0).path("role").asText())) {
            return false;
        }
        JsonNode content = messages.get(0).path("content");
        if (content.isTextual()) {
            return !content.asText().isEmpty();
        }
        for (JsonNode block : content) {
            if (block.path("text").isTextual()) {
                return true;
            }
        }
        return false;
    }

    private static String responseText(JsonNode output) {
        JsonNode converse = output.path("output").path("message").path("content");
        for (JsonNode block : converse.isArray() ? converse : output.path("content")) {
            if (block.path("text").isTextual()) {
                return block.path("text").asText();
            }
        }
        return "";
    }

    private static boolean matches(JsonNode filter, JsonNode metadata) {
        String member = filter.fieldNames().next();
        JsonNode value = filter.get(member);
        return switch (member) {
            case "equals" -> pair(value, metadata);
            case "notEquals" -> !pair(value, metadata);
            case "andAll" -> all(value, metadata, true);
            default -> all(value, metadata, false);
        };
    }

    private static boolean pair(JsonNode expected, JsonNode metadata) {
        Map.Entry<String, JsonNode> only = expected.fields().next();
        return metadata.path(only.getKey()).isTextual()
                && metadata.path(only.getKey()).asText().equals(only.getValue().asText());
    }

    private static boolean all(JsonNode list, JsonNode metadata, boolean and) {
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            if (matches(it.next(), metadata) != and) {
                return !and;
            }
        }
        return and;
    }

    private static BedrockError constraint(String where, String rule) {
        return BedrockError.rule("invocation-logs-config-invalid", Map.of("where", where, "constraint", rule));
    }
}
