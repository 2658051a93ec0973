package dev.frontier.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frontier.model.CallResult;
import dev.frontier.model.Problem;
import dev.frontier.model.TokenUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads outputs made elsewhere, for a candidate given by {@code outputs:} instead of a model:
 * <ul>
 *   <li>{@code jsonl}: one object per line, {@code {"id": ..., "output": "...", "usage": {"inputTokens": n,
 *       "outputTokens": n}, "latencyMs": n}} (usage and latency optional; {@code "error": "..."} for an item that
 *       failed), keyed by {@code id} or the dataset's id field;</li>
 *   <li>{@code bedrock-batch}: Bedrock batch inference output ({@code *.jsonl.out}, a file or a folder of them;
 *       {@code manifest.json.out} is skipped), keyed by {@code recordId} — the item id — in any order; a record's
 *       {@code modelOutput} is a Converse response or an InvokeModel body (Anthropic Messages or Nova), and a record
 *       with {@code error} is a failed item;</li>
 *   <li>{@code bedrock-eval}: Bedrock evaluation "bring your own inference" records ({@code prompt},
 *       {@code modelResponses[].response}), keyed by the prompt text, which the run matches with the candidate's
 *       rendered user prompt.</li>
 * </ul>
 * Every bad line is reported with its file and line.
 */
public final class OutputsReader {
    private OutputsReader() {
    }

    /** The supported files. */
    public enum Format { JSONL, BEDROCK_BATCH, BEDROCK_EVAL }

    /**
     * One imported output.
     *
     * @param file       where it came from
     * @param line       its line
     * @param result     the output (a completion with the stop reason {@code imported} when none was given), or
     *                   the failure the record reports
     * @param usageKnown whether the record had token usage (otherwise the usage is zero and must be estimated)
     */
    public record Imported(Path file, int line, CallResult result, boolean usageKnown) {
    }

    /** The outcome: outputs by key (item id, or prompt text for {@code bedrock-eval}), or problems. */
    public sealed interface Result permits Loaded, Invalid {
    }

    /** The outputs by key. */
    public record Loaded(Map<String, Imported> outputs) implements Result {
    }

    /** The problems found, each with file and line. */
    public record Invalid(List<Problem> problems) implements Result {
    }

    /**
     * Reads {@code path} (a file, or for {@code bedrock-batch} also a folder of {@code *.jsonl.out} files).
     *
     * @param idField       the dataset's id field, accepted besides {@code id} in {@code jsonl}
     * @param modelResponse for {@code bedrock-eval}: which {@code modelIdentifier} to take when a record has several
     *                      responses; empty for the first
     */
    public static Result read(Path path, Format format, String idField, Optional<String> modelResponse) {
        TextRows text = new TextRows(path);
        Map<String, Imported> out = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        List<Path> files = new ArrayList<>();
        if (format == Format.BEDROCK_BATCH && Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                list.filter(f -> f.getFileName().toString().endsWith(".jsonl.out")).sorted().forEach(files::add);
            } catch (IOException e) {
                return new Invalid(List.of(TextRows.problem(path, 0, "cannot list the folder: " + e.getMessage(),
                        "")));
            }
            if (files.isEmpty()) {
                return new Invalid(List.of(TextRows.problem(path, 0, "no *.jsonl.out file in the folder",
                        "point 'outputs' at the batch job's output folder or one of its .jsonl.out files")));
            }
        } else {
            files.add(path);
        }
        for (Path file : files) {
            Optional<Problem> stop = text.readJsonLines(file, "outputs",
                    "check the candidate's 'outputs' path; it is relative to the suite file", (node, n) -> {
                        Entry e = switch (format) {
                            case JSONL -> jsonl(node, idField);
                            case BEDROCK_BATCH -> batch(node);
                            case BEDROCK_EVAL -> eval(node, modelResponse);
                        };
                        if (e.problem() != null) {
                            text.add(text.problem(n, e.problem(), e.hint()));
                            return;
                        }
                        Integer first = lines.putIfAbsent(e.key(), n);
                        if (first != null) {
                            text.add(text.problem(n, (format == Format.BEDROCK_EVAL ? "the same prompt"
                                    : "duplicate id '" + e.key() + "'") + " (first on line " + first + ")",
                                    "keep one output per item"));
                            return;
                        }
                        out.put(e.key(), new Imported(file, n, e.result(), e.usageKnown()));
                    });
            if (stop.isPresent()) {
                return new Invalid(List.of(stop.get()));
            }
        }
        // only the first problems, without a count of the rest
        if (text.hasProblems()) {
            return new Invalid(text.problems());
        }
        if (out.isEmpty()) {
            return new Invalid(List.of(TextRows.problem(path, 0, "no outputs in the file", "add one line per item")));
        }
        return new Loaded(out);
    }

    private record Entry(String key, CallResult result, boolean usageKnown, String problem, String hint) {
        static Entry bad(String problem, String hint) {
            return new Entry(null, null, false, problem, hint);
        }
    }

    private static Entry jsonl(JsonNode node, String idField) {
        JsonNode id = node.hasNonNull("id") ? node.get("id") : node.get(idField);
        if (id == null || !id.isValueNode() || id.asText().isBlank()) {
            return Entry.bad("no item id", "give each line an \"id\" (or \"" + idField + "\") with the item id");
        }
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            return new Entry(id.asText(), new CallResult.Failure("ImportedError",
                    error.isTextual() ? error.asText() : error.toString(), false, 0), false, null, null);
        }
        JsonNode output = node.get("output");
        if (output == null || !output.isTextual()) {
            return Entry.bad("no \"output\" text", "each line needs \"output\": \"...\" (or \"error\": \"...\")");
        }
        Usage u = usage(node.get("usage"), "inputTokens", "outputTokens");
        if (u.problem != null) {
            return Entry.bad(u.problem, "usage is {\"inputTokens\": n, \"outputTokens\": n}");
        }
        JsonNode latencyNode = node.get("latencyMs");
        if (latencyNode != null && !latencyNode.isNull()
                && !(latencyNode.canConvertToLong() && latencyNode.isIntegralNumber() && latencyNode.asLong() >= 0)) {
            return Entry.bad("latencyMs is " + latencyNode + ", not a whole number of milliseconds",
                    "write \"latencyMs\": 850, or leave it out");
        }
        JsonNode stopNode = node.get("stopReason");
        if (stopNode != null && !stopNode.isNull() && !stopNode.isTextual()) {
            return Entry.bad("stopReason is " + stopNode + ", not text", "e.g. \"stopReason\": \"end_turn\"");
        }
        long latency = node.path("latencyMs").asLong(0);
        String stop = node.path("stopReason").asText("imported");
        return new Entry(id.asText(), new CallResult.Completion(output.asText(), stop, u.usage, Math.max(0, latency),
                0, ""), u.known, null, null);
    }

    private static Entry batch(JsonNode node) {
        JsonNode id = node.get("recordId");
        if (id == null || !id.isValueNode() || id.asText().isBlank()) {
            return Entry.bad("no recordId", "batch records are joined to items on recordId, which must be the "
                    + "item id");
        }
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            String code = error.path("errorCode").asText("error");
            return new Entry(id.asText(), new CallResult.Failure("BatchRecordError " + code,
                    error.path("errorMessage").asText(error.toString()), false, 0), false, null, null);
        }
        JsonNode out = node.get("modelOutput");
        if (out == null || !out.isObject()) {
            return Entry.bad("no modelOutput and no error", "each record has one of them");
        }
        // Converse: output.message.content[].text; Nova InvokeModel: the same; Anthropic Messages: content[].text
        JsonNode content = out.path("output").path("message").path("content");
        if (!content.isArray()) {
            content = out.path("content");
        }
        if (!content.isArray()) {
            return Entry.bad("modelOutput has no message content", "expected a Converse response or an "
                    + "InvokeModel body with content blocks");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if (block.hasNonNull("text")) {
                text.append(text.length() == 0 ? "" : "\n").append(block.get("text").asText());
            }
        }
        JsonNode usageNode = out.get("usage");
        Usage u = usageNode != null && usageNode.has("input_tokens")
                ? usage(usageNode, "input_tokens", "output_tokens") : usage(usageNode, "inputTokens", "outputTokens");
        if (u.problem != null) {
            return Entry.bad(u.problem, "");
        }
        String stop = out.hasNonNull("stopReason") ? out.get("stopReason").asText()
                : out.path("stop_reason").asText("end_turn");
        long latency = out.path("metrics").path("latencyMs").asLong(0);
        return new Entry(id.asText(), new CallResult.Completion(text.toString(), stop, u.usage, latency, 0, ""),
                u.known, null, null);
    }

    private static Entry eval(JsonNode node, Optional<String> modelResponse) {
        JsonNode prompt = node.get("prompt");
        if (prompt == null || !prompt.isTextual()) {
            return Entry.bad("no \"prompt\"", "bring-your-own-inference records have \"prompt\" and "
                    + "\"modelResponses\"");
        }
        JsonNode responses = node.get("modelResponses");
        if (responses == null || !responses.isArray() || responses.isEmpty()) {
            return Entry.bad("no \"modelResponses\"", "add [{\"response\": \"...\", \"modelIdentifier\": \"...\"}]");
        }
        JsonNode chosen = null;
        for (JsonNode r : responses) {
            if (modelResponse.isEmpty() || modelResponse.get().equals(r.path("modelIdentifier").asText())) {
                chosen = r;
                break;
            }
        }
        if (chosen == null || !chosen.path("response").isTextual()) {
            return Entry.bad("no response" + modelResponse.map(m -> " from '" + m + "'").orElse(""),
                    "check the candidate's 'modelIdentifier'");
        }
        return new Entry(prompt.asText().strip(), new CallResult.Completion(chosen.get("response").asText(),
                "imported", TokenUsage.ZERO, 0, 0, ""), false, null, null);
    }

    private record Usage(TokenUsage usage, boolean known, String problem) {
    }

    private static Usage usage(JsonNode node, String in, String out) {
        if (node == null || node.isNull()) {
            return new Usage(TokenUsage.ZERO, false, null);
        }
        JsonNode i = node.get(in);
        JsonNode o = node.get(out);
        if (i == null || o == null || !i.canConvertToLong() || !o.canConvertToLong() || i.asLong() < 0
                || o.asLong() < 0) {
            return new Usage(null, false, "usage needs whole, non-negative " + in + " and " + out);
        }
        long read = node.path("cacheReadInputTokens").asLong(0);
        long write = node.path("cacheWriteInputTokens").asLong(0);
        return new Usage(new TokenUsage(i.asLong(), o.asLong(), Math.max(0, read), Math.max(0, write)), true, null);
    }
}
