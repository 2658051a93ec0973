package dev.frontier.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request to grade answers (frontier's judge prompts): the last user turn has an {@code [Answer]} section (grade
 * one answer) or {@code [Answer A]} and {@code [Answer B]} sections (pick the better one). The simulated judge
 * measures an answer by the F1 overlap of its content words with the {@code [Reference answer]} section, or without
 * one, by how many of the task's key words it covers with few words of its own. Then it errs like a real judge,
 * more the weaker it is: grades get noise of about {@code 1.2 × (1 - tier)} scale steps, and comparisons lean
 * towards answer A by {@code 0.25 × (1 - tier)} in F1 (position bias, so asking in both orders matters). Models below tier
 * 0.75 sometimes ignore the format (about one reply in four): a plain sentence instead of JSON. A repair request
 * (with a {@code [Your previous reply]} section) and a request with structured output ({@code outputConfig}) are
 * always answered in the format.
 *
 * @param sections  the prompt's bracketed sections by name (lower case)
 * @param pairwise  whether two answers are compared
 * @param grades    the allowed grades: labels, or empty for a numeric range
 * @param min       the lowest numeric grade
 * @param max       the highest numeric grade
 * @param repair    whether the reply must follow the format: a repair request, or structured output
 */
record JudgeTask(Map<String, String> sections, boolean pairwise, List<String> grades, int min, int max,
                 boolean repair) {

    private static final Pattern SECTION = Pattern.compile("(?m)^\\[([^\\]\\n]{1,60})]\\s*$");
    private static final Pattern RANGE = Pattern.compile("from\\s+(-?\\d+)[^\\d\\n]{0,20}?\\s+to\\s+(-?\\d+)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]{1,40})\"");

    /** The judge task of a request, if it is one. */
    static Optional<JudgeTask> detect(ConverseCall call) {
        String user = call.lastUserMessage().map(ConverseCall.Message::text).orElse("");
        Map<String, String> sections = sections(user);
        boolean single = sections.containsKey("answer");
        boolean pair = sections.containsKey("answer a") && sections.containsKey("answer b");
        if (!single && !pair) {
            return Optional.empty();
        }
        int min = 1;
        int max = 5;
        List<String> grades = new ArrayList<>();
        int scaleAt = user.indexOf("on this scale:");
        if (scaleAt >= 0) {
            String line = user.substring(scaleAt, Math.max(scaleAt, user.indexOf('\n', scaleAt) < 0 ? user.length()
                    : user.indexOf('\n', scaleAt)));
            Matcher range = RANGE.matcher(line);
            if (range.find()) {
                min = Integer.parseInt(range.group(1));
                max = Math.max(min + 1, Integer.parseInt(range.group(2)));
            } else {
                Matcher q = QUOTED.matcher(line);
                while (q.find()) {
                    grades.add(q.group(1));
                }
            }
        }
        return Optional.of(new JudgeTask(sections, pair, grades, min, max,
                sections.containsKey("your previous reply") || call.structured()));
    }

    /** The text under each {@code [Name]} line up to the next such line, trimmed; keys in lower case. */
    private static Map<String, String> sections(String text) {
        Map<String, String> out = new HashMap<>();
        Matcher m = SECTION.matcher(text);
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) {
                out.putIfAbsent(name, text.substring(start, m.start()).strip());
            }
            name = m.group(1).strip().toLowerCase(Locale.ROOT);
            start = m.end();
        }
        if (name != null) {
            out.putIfAbsent(name, text.substring(start).strip());
        }
        return out;
    }

    /** The judge's reply. */
    String answer(ModelProfile model, SplittableRandom random) {
        double weakness = model.weakness();
        boolean sloppy = !repair && model.tier() < 0.75 && random.nextDouble() < 0.25;
        if (pairwise) {
            double a = quality(sections.getOrDefault("answer a", ""));
            double b = quality(sections.getOrDefault("answer b", ""));
            double lean = a - b + 0.25 * weakness + 0.1 * weakness * gaussian(random);
            String winner = Math.abs(lean) < 0.02 ? "tie" : lean > 0 ? "A" : "B";
            String reason = switch (winner) {
                case "A" -> "Answer A " + strength(a) + "; answer B " + strength(b) + ".";
                case "B" -> "Answer B " + strength(b) + "; answer A " + strength(a) + ".";
                default -> "Both answers are about equally good: " + strength(a) + ".";
            };
            if (sloppy) {
                return "I think answer " + (winner.equals("tie") ? "A and B are equal" : winner + " is better")
                        + " because it " + strength(Math.max(a, b)) + ".";
            }
            return "{\"winner\": \"" + winner + "\", \"reason\": \"" + reason + "\"}";
        }
        double q = quality(sections.getOrDefault("answer", ""));
        int steps = grades.isEmpty() ? max - min : grades.size() - 1;
        double position = clamp((q - 0.15) / 0.6) * steps + 1.2 * weakness * steps / 4.0 * gaussian(random);
        int step = (int) Math.max(0, Math.min(steps, Math.round(position)));
        String grade = grades.isEmpty() ? Integer.toString(min + step) : "\"" + grades.get(step) + "\"";
        String reason = "The answer " + strength(q) + ".";
        if (sloppy) {
            return "Score: " + grade.replace("\"", "") + " out of " + (grades.isEmpty() ? max : grades.size())
                    + ". " + reason;
        }
        return "{\"score\": " + grade + ", \"reason\": \"" + reason + "\"}";
    }

    /** How well an answer does, in [0, 1]. */
    private double quality(String answer) {
        List<String> words = Words.content(answer);
        String reference = sections.get("reference answer");
        if (reference != null) {
            return f1(words, Words.content(reference));
        }
        // no reference: cover the task's most frequent key words, without padding
        Map<String, Integer> counts = new HashMap<>();
        Words.content(sections.getOrDefault("task given to the assistant",
                sections.getOrDefault("task given to the assistants", ""))).forEach(w -> counts.merge(w, 1, Integer::sum));
        List<String> key = counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(12).map(Map.Entry::getKey).toList();
        if (key.isEmpty() || words.isEmpty()) {
            return 0;
        }
        long covered = key.stream().filter(words::contains).count();
        double brevity = Math.min(1.0, 40.0 / words.size());
        return (double) covered / key.size() * (0.7 + 0.3 * brevity);
    }

    private static double f1(List<String> candidate, List<String> reference) {
        if (candidate.isEmpty() || reference.isEmpty()) {
            return 0;
        }
        Map<String, Integer> ref = new HashMap<>();
        reference.forEach(w -> ref.merge(w, 1, Integer::sum));
        int overlap = 0;
        for (String w : candidate) {
            Integer left = ref.get(w);
            if (left != null && left > 0) {
                overlap++;
                ref.put(w, left - 1);
            }
        }
        if (overlap == 0) {
            return 0;
        }
        double p = (double) overlap / candidate.size();
        double r = (double) overlap / reference.size();
        return 2 * p * r / (p + r);
    }

    private static String strength(double q) {
        if (q >= 0.65) {
            return "covers the key points accurately";
        }
        if (q >= 0.45) {
            return "covers most key points but misses some detail";
        }
        if (q >= 0.25) {
            return "misses several key points";
        }
        return "does not address the key points";
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
