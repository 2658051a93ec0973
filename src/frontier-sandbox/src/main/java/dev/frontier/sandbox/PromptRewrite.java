package dev.frontier.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's prompt optimization: a deterministic rewrite that makes a prompt shorter and keeps what the task
 * needs. Wrapped prose lines are joined and their whitespace collapsed; a sentence said before is said once; filler
 * (pleasantries, "please note that" lead-ins) goes; few-shot example lines are cut to one per label. Headers
 * ({@code Labels:}, {@code Message:}), list items (the label list), the answer-format instruction and every line with
 * a {@code {{placeholder}}} stay as they were. Bedrock's optimizer is a model whose rewrites are not documented; this
 * one only shortens, so that a run can show what the cut examples were worth.
 *
 * @param text     the rewritten prompt
 * @param analysis what the rewrite found and did, as the {@code analyzePromptEvent} message
 */
record PromptRewrite(String text, String analysis) {

    private static final Pattern EXAMPLE_LINE =
            Pattern.compile("(?i)^\\s*example\\s*(?:\\(\\s*([A-Za-z0-9_]+)\\s*\\))?\\s*:\\s*(.+)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*\u2022]|\\d+[.)])\\s+.*$");
    private static final Pattern HEADER = Pattern.compile("^\\s*[^.!?]{1,60}:\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[A-Za-z0-9_.-]+\\s*}}");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'(])");
    private static final Pattern LEAD_IN = Pattern.compile(
            "(?i)^(?:please note that|note that|please remember that|remember that|keep in mind that|"
                    + "it is (?:very )?important (?:to note )?that)\\s+");
    private static final Pattern PLEASANTRY = Pattern.compile("(?i)^(?:thank you|thanks|good luck)\\b.*$");
    /** Examples kept for one label (or for unlabelled examples as a whole). */
    private static final int EXAMPLES_PER_LABEL = 1;

    /** The rewrite of {@code prompt} for {@code targetModelId}. */
    static PromptRewrite of(String prompt, String targetModelId) {
        List<String> lines = prompt.replace("\r\n", "\n").replace('\t', ' ').lines().toList();
        Map<String, Integer> examplesSeen = new LinkedHashMap<>();
        Set<String> sentencesSeen = new HashSet<>();
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        int examples = 0;
        int examplesDropped = 0;
        int sentencesDropped = 0;
        for (String raw : lines) {
            String line = raw.strip();
            Matcher example = EXAMPLE_LINE.matcher(line);
            boolean keepsPlaceholder = PLACEHOLDER.matcher(line).find();
            if (line.isEmpty() || example.matches() || LIST_ITEM.matcher(line).matches()
                    || HEADER.matcher(line).matches() || keepsPlaceholder) {
                sentencesDropped += flush(paragraph, sentencesSeen, out);
            }
            if (line.isEmpty()) {
                if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
                    out.add("");
                }
            } else if (example.matches() && !keepsPlaceholder) {
                examples++;
                String label = example.group(1) == null ? "" : example.group(1).toLowerCase(Locale.ROOT);
                if (examplesSeen.merge(label, 1, Integer::sum) <= EXAMPLES_PER_LABEL) {
                    out.add(line.replaceAll("\\s+", " "));
                } else {
                    examplesDropped++;
                }
            } else if (LIST_ITEM.matcher(line).matches() || HEADER.matcher(line).matches() || keepsPlaceholder) {
                out.add(keepsPlaceholder ? line : line.replaceAll("\\s+", " "));
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.replaceAll("\\s+", " "));
            }
        }
        sentencesDropped += flush(paragraph, sentencesSeen, out);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        String text = String.join("\n", out);
        return new PromptRewrite(text, analysis(prompt, text, targetModelId, examples, examplesDropped,
                sentencesDropped));
    }

    /** Writes a paragraph of prose with its repeated and filler sentences left out; returns how many were. */
    private static int flush(StringBuilder paragraph, Set<String> seen, List<String> out) {
        if (paragraph.length() == 0) {
            return 0;
        }
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        for (String sentence : SENTENCE_END.split(paragraph.toString())) {
            String s = LEAD_IN.matcher(sentence.strip()).replaceFirst("");
            if (s.isEmpty()) {
                continue;
            }
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
            String key = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9{} ]", "").strip();
            boolean placeholder = PLACEHOLDER.matcher(s).find();
            if (!placeholder && (PLEASANTRY.matcher(s).matches() || !seen.add(key))) {
                dropped++;
            } else {
                kept.add(s);
            }
        }
        paragraph.setLength(0);
        if (!kept.isEmpty()) {
            out.add(String.join(" ", kept));
        }
        return dropped;
    }

    private static String analysis(String before, String after, String targetModelId, int examples,
                                   int examplesDropped, int sentencesDropped) {
        Set<String> placeholders = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(before);
        while (m.find()) {
            placeholders.add(m.group());
        }
        List<String> done = new ArrayList<>();
        if (examplesDropped > 0) {
            done.add("kept " + (examples - examplesDropped) + " of " + examples + " examples (one per label)");
        }
        if (sentencesDropped > 0) {
            done.add("removed " + sentencesDropped + " repeated or filler sentence" + (sentencesDropped == 1 ? ""
                    : "s"));
        }
        done.add("joined wrapped lines and collapsed whitespace");
        return "Optimized the prompt for " + targetModelId + ": " + String.join("; ", done) + "; kept the "
                + "headers, list items, answer-format instructions"
                + (placeholders.isEmpty() ? "" : " and the placeholders " + String.join(", ", placeholders))
                + " (" + before.length() + " to " + after.length() + " characters).";
    }
}
