package dev.frontier.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A classification prompt: a {@code Labels:} list (with optional descriptions and few-shot examples) and the message
 * to label. The simulated model labels the message with a bag-of-words scorer and then, depending on its tier, makes
 * the mistakes a weaker model makes: picking the runner-up on ambiguous messages, and wrapping the label in prose.
 *
 * @param labels  the declared labels, in prompt order
 * @param message the text to classify
 */
record ClassificationTask(List<Label> labels, String message) {

    private static final Pattern LABELS_HEADER = Pattern.compile("(?i)^\\s*labels\\s*:\\s*(.*)$");
    private static final Pattern LABEL_LINE = Pattern.compile("^\\s*[-*\u2022]\\s*([A-Za-z0-9_]+)\\s*(?::\\s*(.*))?$");
    private static final Pattern EXAMPLE_LINE = Pattern.compile("(?i)^\\s*example\\s*\\(\\s*([A-Za-z0-9_]+)\\s*\\)\\s*:\\s*(.+)$");
    private static final Pattern MESSAGE_MARKER = Pattern.compile("(?i)^\\s*message\\s*:\\s*(.*)$");
    /** A trailing "Label:" or "Answer:" line that only invites the answer. */
    private static final Pattern ANSWER_CUE = Pattern.compile("(?i)^\\s*(label|answer|category|intent|class|output)\\s*:\\s*$");

    /** Name words say more about a label than its description words. */
    private static final double NAME_WEIGHT = 1.5;
    private static final double MAX_ERROR_RATE = 0.9;
    private static final double MAX_FORMAT_SLIP_RATE = 0.6;
    /** Models at or above this tier always answer with the bare label. */
    private static final double FORMAT_COMPLIANT_TIER = 0.9;
    private static final List<String> WRAPPERS = List.of(
            "Intent: %s.", "The category is %s", "%s.", "Label: %s", "Based on the message, the label is %s.");

    ClassificationTask {
        labels = List.copyOf(labels);
    }

    /**
     * A declared label.
     *
     * @param name        the exact answer expected for it
     * @param description what the prompt says it means; may be empty
     * @param examples    few-shot example texts for it
     */
    record Label(String name, String description, List<String> examples) {
        Label {
            examples = List.copyOf(examples);
        }
    }

    /** A label with its score for the message. */
    record Ranked(String label, double score) {
    }

    /** The classification task in a request, if its prompt declares labels. */
    static Optional<ClassificationTask> detect(ConverseCall call) {
        List<String> promptLines = new ArrayList<>(call.systemText().lines().toList());
        for (ConverseCall.Message message : call.messages()) {
            if (message.role().equals(ConverseCall.USER)) {
                promptLines.addAll(message.text().lines().toList());
            }
        }
        Map<String, Label> labels = readLabels(promptLines);
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> examples = new HashMap<>();
        for (String line : promptLines) {
            Matcher example = EXAMPLE_LINE.matcher(line);
            if (example.matches()) {
                examples.computeIfAbsent(example.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(example.group(2));
            }
        }
        addFewShotTurns(call, labels.keySet(), examples);
        List<Label> withExamples = new ArrayList<>();
        for (Map.Entry<String, Label> entry : labels.entrySet()) {
            Label label = entry.getValue();
            withExamples.add(new Label(label.name(), label.description(),
                    examples.getOrDefault(entry.getKey(), List.of())));
        }
        String target = call.lastUserMessage().map(m -> target(m.text())).orElse("");
        return Optional.of(new ClassificationTask(withExamples, target));
    }

    /** Labels by lower-cased name, in prompt order, from the first {@code Labels:} block. */
    private static Map<String, Label> readLabels(List<String> lines) {
        Map<String, Label> labels = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = LABELS_HEADER.matcher(lines.get(i));
            if (!header.matches()) {
                continue;
            }
            for (String inline : header.group(1).split("[,|]")) {
                String name = inline.strip();
                if (name.matches("[A-Za-z0-9_]+")) {
                    labels.putIfAbsent(name.toLowerCase(Locale.ROOT), new Label(name, "", List.of()));
                }
            }
            for (int j = i + 1; j < lines.size(); j++) {
                Matcher line = LABEL_LINE.matcher(lines.get(j));
                if (line.matches()) {
                    String description = line.group(2) == null ? "" : line.group(2).strip();
                    labels.putIfAbsent(line.group(1).toLowerCase(Locale.ROOT),
                            new Label(line.group(1), description, List.of()));
                } else if (!lines.get(j).isBlank() || labels.size() > 0) {
                    break;
                }
            }
            if (!labels.isEmpty()) {
                return labels;
            }
        }
        return labels;
    }

    /** Earlier user turns answered by an assistant turn that is just a label are examples of that label. */
    private static void addFewShotTurns(ConverseCall call, Set<String> labelKeys, Map<String, List<String>> examples) {
        List<ConverseCall.Message> messages = call.messages();
        for (int i = 0; i + 1 < messages.size(); i++) {
            if (!messages.get(i).role().equals(ConverseCall.USER)) {
                continue;
            }
            String answer = messages.get(i + 1).text().strip().replaceAll("[.!]+$", "").toLowerCase(Locale.ROOT);
            if (labelKeys.contains(answer)) {
                examples.computeIfAbsent(answer, k -> new ArrayList<>()).add(target(messages.get(i).text()));
            }
        }
    }

    /**
     * The text to classify in a user turn: what follows a {@code Message:} line, else the whole turn without its
     * label list and example lines; a trailing "Label:" cue is dropped.
     */
    static String target(String userText) {
        List<String> lines = userText.lines().toList();
        int marker = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (MESSAGE_MARKER.matcher(lines.get(i)).matches()) {
                marker = i;
            }
        }
        List<String> kept = new ArrayList<>();
        if (marker >= 0) {
            Matcher first = MESSAGE_MARKER.matcher(lines.get(marker));
            first.matches();
            kept.add(first.group(1));
            kept.addAll(lines.subList(marker + 1, lines.size()));
        } else {
            boolean inLabels = false;
            for (String line : lines) {
                if (LABELS_HEADER.matcher(line).matches()) {
                    inLabels = true;
                    continue;
                }
                if (inLabels && (LABEL_LINE.matcher(line).matches() || line.isBlank())) {
                    continue;
                }
                inLabels = false;
                if (!EXAMPLE_LINE.matcher(line).matches()) {
                    kept.add(line);
                }
            }
        }
        while (!kept.isEmpty() && (kept.get(kept.size() - 1).isBlank()
                || ANSWER_CUE.matcher(kept.get(kept.size() - 1)).matches())) {
            kept.remove(kept.size() - 1);
        }
        return String.join("\n", kept).strip();
    }

    /**
     * Labels by how well the message's words overlap each label's name, description and examples, best first; ties
     * keep prompt order. A word shared by many labels counts less (inverse label frequency).
     */
    List<Ranked> rank() {
        List<Set<String>> vocabularies = new ArrayList<>();
        List<Set<String>> nameWords = new ArrayList<>();
        Map<String, Integer> labelFrequency = new HashMap<>();
        for (Label label : labels) {
            Set<String> names = new HashSet<>(Words.content(label.name().replace('_', ' ')));
            Set<String> vocabulary = new HashSet<>(names);
            vocabulary.addAll(Words.content(label.description()));
            for (String example : label.examples()) {
                vocabulary.addAll(Words.content(example));
            }
            nameWords.add(names);
            vocabularies.add(vocabulary);
            for (String word : vocabulary) {
                labelFrequency.merge(word, 1, Integer::sum);
            }
        }
        Set<String> messageWords = new HashSet<>(Words.content(message));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            double score = 0;
            for (String word : messageWords) {
                if (vocabularies.get(i).contains(word)) {
                    double idf = Math.log(1.0 + (double) labels.size() / labelFrequency.get(word));
                    score += nameWords.get(i).contains(word) ? idf * NAME_WEIGHT : idf;
                }
            }
            ranked.add(new Ranked(labels.get(i).name(), score));
        }
        List<Ranked> sorted = new ArrayList<>(ranked);
        sorted.sort(Comparator.comparingDouble(Ranked::score).reversed()); // stable: ties keep prompt order
        return sorted;
    }

    /**
     * How close the runner-up label scored to the best one, in [0, 1]: 0 when one label clearly wins, 1 when no
     * label's words occur in the message (the model can only guess). The error rate grows with it.
     */
    double ambiguity() {
        return ambiguity(rank());
    }

    /** The chance that {@code model} answers the runner-up on a message of this ambiguity. */
    static double errorRate(ModelProfile model, double ambiguity) {
        return Math.min(MAX_ERROR_RATE, model.weakness() * (0.5 + 1.5 * ambiguity));
    }

    private static double ambiguity(List<Ranked> ranked) {
        if (ranked.get(0).score() <= 0) {
            return 1;
        }
        return ranked.size() > 1 ? ranked.get(1).score() / ranked.get(0).score() : 0;
    }

    /**
     * The simulated model's answer. The chance of answering the runner-up grows with the model's weakness and with
     * how close the runner-up scored; models below tier 0.9 sometimes wrap the label in prose.
     */
    String answer(ModelProfile model, SplittableRandom random) {
        List<Ranked> ranked = rank();
        String correct = ranked.get(0).label();
        String alternative = ranked.size() > 1 ? ranked.get(1).label() : correct;
        double ambiguity = ambiguity(ranked);
        if (ranked.get(0).score() <= 0) {
            // no word overlaps: the model guesses
            correct = labels.get(random.nextInt(labels.size())).name();
            alternative = labels.get(random.nextInt(labels.size())).name();
        }
        double errorRate = errorRate(model, ambiguity);
        String chosen = random.nextDouble() < errorRate ? alternative : correct;

        double slipRate = model.tier() >= FORMAT_COMPLIANT_TIER ? 0
                : Math.min(MAX_FORMAT_SLIP_RATE, (FORMAT_COMPLIANT_TIER - model.tier()) * (1 + model.verbosity()) * 0.8);
        if (random.nextDouble() < slipRate) {
            return String.format(Locale.ROOT, WRAPPERS.get(random.nextInt(WRAPPERS.size())), chosen);
        }
        return chosen;
    }
}
