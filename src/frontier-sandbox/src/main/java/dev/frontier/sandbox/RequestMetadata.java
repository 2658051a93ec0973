package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Converse request's {@code requestMetadata}: key-value pairs Bedrock does not act on but writes into the
 * model-invocation log, where customization jobs filter on them. Limits from the Converse API reference (the
 * {@code RequestMetadata} shape of the bedrock-runtime service model): 1 to 16 pairs, keys 1 to 256 characters,
 * values 0 to 256, both of {@code [a-zA-Z0-9\s:_@$#=/+,-.]}; refused with the conformance table's
 * {@code request-metadata-invalid} (Bedrock's usual "1 validation error detected" form: its exact text for this
 * member was not found).
 */
final class RequestMetadata {

    static final int MAX_PAIRS = 16;
    static final int MAX_LENGTH = 256;
    private static final String CHARSET = "[a-zA-Z0-9\\s:_@$#=/+,-.]";
    private static final Pattern KEY = Pattern.compile(CHARSET + "{1,256}");
    private static final Pattern VALUE = Pattern.compile(CHARSET + "{0,256}");

    private RequestMetadata() {
    }

    /**
     * The pairs a request body sent, in order; empty when it sent none.
     *
     * @throws BedrockError a ValidationException when the member breaks a documented limit
     */
    static Map<String, String> read(JsonNode body) {
        Map<String, String> pairs = new LinkedHashMap<>();
        JsonNode node = body == null ? null : body.get("requestMetadata");
        if (node == null || node.isNull()) {
            return pairs;
        }
        if (!node.isObject()) {
            throw refusal(node, "Member must be a map");
        }
        if (node.size() < 1) {
            throw refusal(node, "Member must have length greater than or equal to 1");
        }
        if (node.size() > MAX_PAIRS) {
            throw refusal(node, "Member must have length less than or equal to " + MAX_PAIRS);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pair = it.next();
            String key = pair.getKey();
            if (!KEY.matcher(key).matches()) {
                throw refusal(node, "Map keys must satisfy constraint: [Member must have length less than or equal to "
                        + MAX_LENGTH + ", Member must have length greater than or equal to 1, Member must satisfy "
                        + "regular expression pattern: " + CHARSET + "*]");
            }
            JsonNode value = pair.getValue();
            if (!value.isTextual() || !VALUE.matcher(value.asText()).matches()) {
                throw refusal(node, "Map value must satisfy constraint: [Member must have length less than or equal "
                        + "to " + MAX_LENGTH + ", Member must have length greater than or equal to 0, Member must "
                        + "satisfy regular expression pattern: " + CHARSET + "*]");
            }
            pairs.put(key, value.asText());
        }
        return pairs;
    }

    private static BedrockError refusal(JsonNode node, String constraint) {
        return BedrockError.rule("request-metadata-invalid", Map.of("value", node.toString(),
                "constraint", constraint));
    }
}
