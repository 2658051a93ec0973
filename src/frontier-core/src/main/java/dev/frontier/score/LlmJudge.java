package dev.frontier.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.model.CallResult;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.Score;
import dev.frontier.model.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code llm-judge} scorer: one judge model, or a jury of several, grades an output against a rubric at
 * temperature 0 and answers with JSON ({@code score} + {@code reason}, or {@code winner} + {@code reason} when
 * pairwise). A reply that is not exactly that is asked again once with the reply shown and the format restated;
 * a second bad reply leaves that judge without a verdict. Grades are normalized to [0, 1] on the declared scale.
 *
 * <p>Pairwise, the output is compared with the baseline's (the incumbent's) output on the same item, asked in both
 * orders; a judge whose preference changes with the order counts as a tie, so position bias cannot make a winner.
 * The candidate's score is 1 for a win, 0.5 for a tie and 0 for a loss. The baseline itself scores 0.5 and costs
 * no call.
 *
 * <p>A judge needs calls and other candidates' outputs, so it is a {@link JudgeScorer}, not an item scorer: the
 * run calls {@link #judge} in a phase after the candidates' outputs are stored, with a {@link JudgeCaller} that
 * prices, caches, guards and records every call.
 *
 * @param models     judge model ids, one per juror
 * @param mode       pointwise or pairwise
 * @param rubric     what a good answer is; may name dataset fields
 * @param reference  a reference answer shown to the judge, if any
 * @param scale      the grades
 * @param jury       how several judges combine
 * @param system     the judge's system prompt
 * @param user       the judge's user prompt template ({@code {{rubric}}}, {@code {{input}}}, {@code {{output}}} ...)
 * @param promptFile a suite file that overrides the bundled prompt, empty for the bundled one
 * @param maxTokens  the judge's output limit
 * @param structured whether to send the verdict's JSON Schema as Converse structured output (for judge models that
 *                   support it; the reply is parsed just as strictly)
 */
public record LlmJudge(List<String> models, Mode mode, Template rubric, Optional<Template> reference,
                       JudgeScale scale, Jury jury, String system, String user, Optional<String> promptFile,
                       int maxTokens, boolean structured) implements JudgeScorer {

    static final List<String> PARAMETERS = List.of("model", "models", "mode", "rubric", "reference", "scale",
            "jury", "prompt", "maxTokens", "structuredOutput");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEPARATOR = "\n---\n";

    /** Pointwise: grade one output. Pairwise: compare it with the baseline's. */
    public enum Mode { POINTWISE, PAIRWISE }

    /** How several judges combine: the mean of their normalized grades, or the most common grade. */
    public enum Jury { MEAN, MAJORITY }

    public LlmJudge {
        models = List.copyOf(models);
    }

    static Scorer from(ParamReader r) {
        List<String> models = readModels(r);
        Mode mode = r.choice("mode", Mode.class, Mode.POINTWISE);
        Optional<Template> rubric = r.requiredTemplate("rubric",
                "\"The summary states the customer's problem and request, with no invented facts.\"");
        Optional<Template> reference = r.template("reference");
        Optional<JudgeScale> scale = JudgeScale.read(r, "scale");
        Jury jury = r.choice("jury", Jury.class, Jury.MEAN);
        Optional<String> prompt = Optional.empty();
        if (r.present("prompt")) {
            if (r.rawValue("prompt").orElse(null) instanceof String s && !s.isBlank()) {
                prompt = Optional.of(s);
            } else if (r.rawValue("prompt").isPresent()) {
                r.problem("prompt", "must be the path of a prompt file", "e.g. prompt: judge-prompt.txt");
            }
        }
        OptionalInt maxTokens = r.count("maxTokens");
        if (maxTokens.isPresent() && maxTokens.getAsInt() < 16) {
            r.problem("maxTokens", "must be at least 16, was " + maxTokens.getAsInt(),
                    "a verdict with a reason needs room; 300 is the default");
        }
        boolean structured = r.bool("structuredOutput", false);
        if (!r.ok() || rubric.isEmpty() || scale.isEmpty()) {
            return null;
        }
        String[] parts = split(bundled(mode));
        return new LlmJudge(models, mode, rubric.get(), reference, scale.get(), jury, parts[0], parts[1], prompt,
                maxTokens.orElse(300), structured);
    }

    private static List<String> readModels(ParamReader r) {
        boolean single = r.present("model");
        boolean many = r.present("models");
        if (single == many) {
            r.problem(single ? "models" : "model", single ? "cannot be combined with 'model'"
                    : "is required for llm-judge (or 'models' for a jury)", "e.g. model: amazon.nova-pro-v1:0");
            return List.of();
        }
        Object v = r.rawValue(single ? "model" : "models").orElse(null);
        List<String> out = new ArrayList<>();
        if (single && v instanceof String s && !s.isBlank()) {
            out.add(s.strip());
        } else if (!single && v instanceof List<?> list && !list.isEmpty()) {
            for (Object o : list) {
                if (!(o instanceof String s) || s.isBlank() || out.contains(s.strip())) {
                    r.problem("models", "must list distinct model ids, was " + list,
                            "e.g. models: [amazon.nova-pro-v1:0, anthropic.claude-3-5-sonnet-20241022-v2:0]");
                    return List.of();
                }
                out.add(s.strip());
            }
        } else if (v != null) {
            r.problem(single ? "model" : "models", single ? "must be a model id" : "must be a list of model ids",
                    "e.g. models: [amazon.nova-pro-v1:0, anthropic.claude-3-5-sonnet-20241022-v2:0]");
        }
        return out;
    }

    /** The bundled prompt for a mode: system, a line {@code ---}, then the user template. */
    public static String bundled(Mode mode) {
        String name = "/judge/" + mode.name().toLowerCase(Locale.ROOT) + ".txt";
        try (InputStream in = LlmJudge.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] split(String text) {
        String t = text.replace("\r\n", "\n");
        int at = t.indexOf(SEPARATOR);
        return at < 0 ? new String[] {"", t.strip()} : new String[] {t.substring(0, at).strip(),
                t.substring(at + SEPARATOR.length()).strip()};
    }

    /** The placeholders a prompt for this mode must contain. */
    public List<String> requiredPlaceholders() {
        return mode == Mode.PAIRWISE ? List.of("{{output_a}}", "{{output_b}}") : List.of("{{output}}");
    }

    /**
     * This judge with its prompt replaced by {@code text} (system, a line {@code ---}, then the user template).
     *
     * @throws IllegalArgumentException when the user template lacks a placeholder the mode needs
     */
    public LlmJudge withPrompt(String text) {
        String[] parts = split(text);
        for (String p : requiredPlaceholders()) {
            if (!parts[1].contains(p)) {
                throw new IllegalArgumentException("the prompt has no " + p + " placeholder");
            }
        }
        return new LlmJudge(models, mode, rubric, reference, scale, jury, parts[0], parts[1], promptFile, maxTokens,
                structured);
    }

    @Override
    public String type() {
        return "llm-judge";
    }

    @Override
    public boolean pairwise() {
        return mode == Mode.PAIRWISE;
    }

    /**
     * What judging one output took and gave.
     *
     * @param score      the combined score with the judges' reasons as its note
     * @param calls      judge calls made (repairs included)
     * @param repaired   replies that were malformed and fixed by the repair retry
     * @param malformed  replies still malformed after the retry (that judge gave no verdict)
     * @param orderFlips pairwise judges whose preference changed with the order (counted as ties)
     */
    public record Outcome(Score score, int calls, int repaired, int malformed, int orderFlips) {
    }

    @Override
    public Outcome judge(Item item, String input, String output, Optional<String> baseline, boolean isBaseline,
                         JudgeCaller caller) {
        String referenceSection = "";
        String rubricText;
        try {
            rubricText = rubric.render(item);
            if (reference.isPresent()) {
                referenceSection = "[Reference answer]\n" + reference.get().render(item) + "\n\n";
            }
        } catch (IllegalArgumentException e) {
            return new Outcome(new Score.Failed(e.getMessage()), 0, 0, 0, 0);
        }
        if (mode == Mode.PAIRWISE && isBaseline) {
            return new Outcome(new Score.Value(0.5, "the baseline itself"), 0, 0, 0, 0);
        }
        if (mode == Mode.PAIRWISE && baseline.isEmpty()) {
            return new Outcome(new Score.Failed("the baseline has no output for this item to compare with"),
                    0, 0, 0, 0);
        }
        Map<String, String> vars = new HashMap<>();
        vars.put("rubric", rubricText);
        vars.put("input", input);
        vars.put("reference_section", referenceSection);
        vars.put("scale", scale.describe());
        Tally tally = new Tally();
        List<Double> values = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String model : models) {
            if (mode == Mode.POINTWISE) {
                vars.put("output", output);
                Optional<Verdict> v = ask(model, "pointwise", fill(vars), caller, tally);
                if (v.isPresent()) {
                    values.add(v.get().value());
                    reasons.add(shortName(model) + ": " + scale.grade(v.get().value()) + " — " + v.get().reason());
                } else {
                    reasons.add(shortName(model) + ": no verdict (" + tally.lastProblem + ")");
                }
            } else {
                vars.put("output_a", output);
                vars.put("output_b", baseline.get());
                Optional<Verdict> ab = ask(model, "ab", fill(vars), caller, tally);
                vars.put("output_a", baseline.get());
                vars.put("output_b", output);
                Optional<Verdict> ba = ask(model, "ba", fill(vars), caller, tally);
                if (ab.isEmpty() || ba.isEmpty()) {
                    reasons.add(shortName(model) + ": no verdict (" + tally.lastProblem + ")");
                    continue;
                }
                double first = ab.get().value();
                double second = 1 - ba.get().value();   // in the swapped order, "A" is the baseline
                double value = first;
                String why = ab.get().reason();
                if (first != second) {
                    value = 0.5;
                    tally.flips++;
                    why = "preference changed with the order, counted as a tie";
                }
                values.add(value);
                reasons.add(shortName(model) + ": " + (value == 1 ? "win" : value == 0 ? "loss" : "tie") + " — "
                        + why);
            }
        }
        String note = String.join(" | ", reasons);
        if (values.isEmpty()) {
            return new Outcome(new Score.Failed("no judge gave a usable verdict: " + note), tally.calls,
                    tally.repaired, tally.malformed, tally.flips);
        }
        return new Outcome(new Score.Value(combine(values), note), tally.calls, tally.repaired, tally.malformed,
                tally.flips);
    }

    private static final class Tally {
        int calls;
        int repaired;
        int malformed;
        int flips;
        String lastProblem = "";
    }

    /** One parsed verdict: normalized value (pairwise: 1 = A wins, 0 = B wins, 0.5 = tie) and the reason. */
    record Verdict(double value, String reason) {
    }

    private String fill(Map<String, String> vars) {
        String out = user;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return out;
    }

    private ModelRequest request(String model, String userText) {
        return new ModelRequest(model, system, userText, false,
                new ModelRequest.InferenceParams(maxTokens, 0.0, null, List.of()),
                structured ? Optional.of(outputSchema()) : Optional.empty());
    }

    /** The JSON Schema of a verdict, as sent with structured output. */
    public String outputSchema() {
        String verdict;
        if (mode == Mode.PAIRWISE) {
            verdict = "\"winner\": {\"type\": \"string\", \"enum\": [\"A\", \"B\", \"tie\"]}";
        } else if (scale.isLabels()) {
            StringBuilder labels = new StringBuilder();
            for (String l : scale.labels()) {
                JsonNode quoted = JSON.valueToTree(l);
                labels.append(labels.length() == 0 ? "" : ", ").append(quoted.toString());
            }
            verdict = "\"score\": {\"type\": \"string\", \"enum\": [" + labels + "]}";
        } else {
            // no minimum / maximum: Anthropic's JSON-schema subset on Bedrock refuses numeric bounds, so the range
            // is stated in the description and checked when the verdict is parsed
            verdict = "\"score\": {\"type\": \"number\", \"description\": \"from " + scale.grade(0) + " to "
                    + scale.grade(1) + "\"}";
        }
        String key = mode == Mode.PAIRWISE ? "winner" : "score";
        return "{\"type\": \"object\", \"properties\": {" + verdict + ", \"reason\": {\"type\": \"string\"}}, "
                + "\"required\": [\"" + key + "\", \"reason\"], \"additionalProperties\": false}";
    }

    private Optional<Verdict> ask(String model, String slot, String userText, JudgeCaller caller, Tally tally) {
        tally.calls++;
        CallResult first = caller.call(slot, 0, request(model, userText));
        if (!(first instanceof CallResult.Completion c)) {
            tally.lastProblem = "call failed: " + ((CallResult.Failure) first).errorCode();
            return Optional.empty();
        }
        Parsed p = parse(c.text());
        if (p.verdict().isPresent()) {
            return p.verdict();
        }
        tally.calls++;
        CallResult second = caller.call(slot, 1, request(model, repairPrompt(userText, c.text(), p.problem())));
        if (second instanceof CallResult.Completion c2) {
            Parsed p2 = parse(c2.text());
            if (p2.verdict().isPresent()) {
                tally.repaired++;
                return p2.verdict();
            }
            tally.lastProblem = "malformed reply twice: " + p2.problem();
        } else {
            tally.lastProblem = "repair call failed: " + ((CallResult.Failure) second).errorCode();
        }
        tally.malformed++;
        return Optional.empty();
    }

    /** The repair prompt: the original task, the bad reply, what was wrong and the format again. */
    static String repairPrompt(String userText, String badReply, String problem) {
        return userText + "\n\n[Your previous reply]\n" + badReply + "\n[End of previous reply]\n"
                + "That reply could not be used (" + problem + "). Answer again with the JSON object only, "
                + "exactly in the format asked for above, with no other text.";
    }

    /** The parse of one reply: a verdict, or why there is none. */
    record Parsed(Optional<Verdict> verdict, String problem) {
    }

    /**
     * Reads a reply strictly: one JSON object (a surrounding code fence is allowed, nothing else), with a grade on
     * the scale (pointwise, key {@code score}) or {@code "A"}, {@code "B"} or {@code "tie"} (pairwise, key
     * {@code winner}), and a {@code reason} string.
     */
    Parsed parse(String reply) {
        String t = reply == null ? "" : reply.strip();
        if (t.startsWith("```")) {
            int nl = t.indexOf('\n');
            if (nl > 0 && t.endsWith("```") && t.length() > nl + 3) {
                t = t.substring(nl + 1, t.length() - 3).strip();
            }
        }
        if (!t.startsWith("{") || !t.endsWith("}")) {
            return bad("not a JSON object");
        }
        JsonNode node;
        try {
            node = JSON.readTree(t);
        } catch (IOException e) {
            return bad("invalid JSON");
        }
        if (node == null || !node.isObject()) {
            return bad("not a JSON object");
        }
        JsonNode reason = node.get("reason");
        if (reason == null || !reason.isTextual()) {
            return bad("no \"reason\" string");
        }
        String text = reason.asText().strip().replaceAll("\\s+", " ");
        String why = text.length() > 300 ? text.substring(0, 297) + "..." : text;
        if (mode == Mode.PAIRWISE) {
            JsonNode w = node.get("winner");
            String winner = w != null && w.isTextual() ? w.asText().strip().toLowerCase(Locale.ROOT) : "";
            return switch (winner) {
                case "a" -> new Parsed(Optional.of(new Verdict(1.0, why)), "");
                case "b" -> new Parsed(Optional.of(new Verdict(0.0, why)), "");
                case "tie" -> new Parsed(Optional.of(new Verdict(0.5, why)), "");
                default -> bad("\"winner\" must be \"A\", \"B\" or \"tie\"");
            };
        }
        JsonNode s = node.get("score");
        Object grade = s == null ? null : s.isNumber() ? s.numberValue() : s.isTextual() ? s.asText() : null;
        Optional<Double> value = grade == null ? Optional.empty() : scale.normalize(grade);
        return value.map(v -> new Parsed(Optional.of(new Verdict(v, why)), ""))
                .orElseGet(() -> bad("\"score\" is not " + scale.describe()));
    }

    private static Parsed bad(String problem) {
        return new Parsed(Optional.empty(), problem);
    }

    /**
     * Combines the judges' normalized values: their mean, or the most common value (a split vote: the lower median
     * of the tied values pointwise, a tie pairwise).
     */
    double combine(List<Double> values) {
        if (jury == Jury.MEAN || values.size() == 1) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
        Map<Double, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        int top = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Double> modes = counts.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey)
                .sorted().toList();
        if (modes.size() > 1 && mode == Mode.PAIRWISE) {
            return 0.5;   // jurors split evenly between outcomes: no majority, a tie
        }
        return modes.get((modes.size() - 1) / 2);
    }

    private static String shortName(String model) {
        int dot = model.indexOf('.');
        return dot > 0 && dot < model.length() - 1 ? model.substring(dot + 1) : model;
    }
}
