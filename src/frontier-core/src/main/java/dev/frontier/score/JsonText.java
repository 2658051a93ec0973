package dev.frontier.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Locale;

/**
 * Parses a model output as one strict JSON document, accepting a Markdown code fence around it
 * (three backticks, optionally tagged {@code json}) because chat models add one unasked.
 */
final class JsonText {
    // ObjectReader is immutable and thread-safe; trailing tokens make "{} and more" invalid
    private static final ObjectReader READER =
            new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String FENCE = "```";

    private JsonText() {
    }

    /** The outcome of reading an output as JSON. */
    sealed interface Parsed permits Parsed.Json, Parsed.NotJson {
        /** A JSON document, and whether it sat inside a fence. */
        record Json(JsonNode node, boolean fenced) implements Parsed {
        }

        /** Why the output is not JSON. */
        record NotJson(String reason) implements Parsed {
        }
    }

    static Parsed parse(String output) {
        String text = PythonText.strip(output);
        boolean fenced = false;
        if (text.startsWith(FENCE) && text.endsWith(FENCE) && text.length() >= 2 * FENCE.length()) {
            int newline = text.indexOf('\n');
            if (newline < 0 || newline > text.length() - FENCE.length()) {
                return new Parsed.NotJson("a code fence with nothing inside");
            }
            String info = text.substring(FENCE.length(), newline).strip().toLowerCase(Locale.ROOT);
            if (!info.isEmpty() && !info.equals("json")) {
                return new Parsed.NotJson("a code fence tagged '" + Notes.clip(info) + "', not json");
            }
            text = text.substring(newline + 1, text.length() - FENCE.length());
            fenced = true;
        }
        if (text.isBlank()) {
            return new Parsed.NotJson(fenced ? "an empty code fence" : "empty output");
        }
        try {
            JsonNode node = READER.readTree(text);
            if (node == null || node.isMissingNode()) {
                return new Parsed.NotJson("no JSON value");
            }
            return new Parsed.Json(node, fenced);
        } catch (JsonProcessingException e) {
            return new Parsed.NotJson("not JSON: " + Notes.clip(e.getOriginalMessage()));
        }
    }

    static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
