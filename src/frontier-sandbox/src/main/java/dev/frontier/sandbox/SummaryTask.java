package dev.frontier.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Any prompt that is not a classification: the simulated model summarizes the document in the last user turn (the
 * text after its first line) by extracting its most central sentences. A strong model picks the top-ranked sentences
 * and follows the length instruction; a weaker one leans on the lead sentences, swaps in a side detail, keeps the
 * greeting, drops key words, trails off, and pads its answer with a preamble or a closing line.
 *
 * @param instruction   the text that can carry a length instruction: the system prompt and the turn's first line
 * @param document      the parsed document
 * @param sentenceCount how many sentences were asked for (2 when the prompt does not say)
 * @param wordLimit     the word limit asked for, if any
 */
record SummaryTask(String instruction, Sentences.Document document, int sentenceCount, OptionalInt wordLimit) {

    private static final int DEFAULT_SENTENCES = 2;
    private static final String NUMBER = "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|"
            + "thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|single|a)";
    private static final Pattern SENTENCES = Pattern.compile("(?i)\\b" + NUMBER + "[ -]sentences?\\b");
    private static final Pattern WORDS = Pattern.compile("(?i)\\b" + NUMBER + "[ -]words?\\b");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("single", 1), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("hundred", 100));

    private static final List<String> PREAMBLES = List.of(
            "Here is a summary:", "Summary:", "Sure! Here's a brief summary of the text:",
            "Here is a concise summary of the message:");
    private static final List<String> CLOSINGS = List.of(
            "Let me know if you need anything else.", "I hope this helps!",
            "Overall, the issue should be looked into as soon as possible.",
            "Please let me know if you would like a more detailed summary.");
    private static final String NOTHING_TO_SAY = "I don't have enough information to answer that.";

    /** Reads the document and the length instruction from a request. */
    static SummaryTask of(ConverseCall call) {
        String user = call.lastUserMessage().map(ConverseCall.Message::text).orElse("");
        String[] parts = user.split("\\R", 2);
        boolean hasBody = parts.length > 1 && !parts[1].isBlank();
        String instruction = call.systemText() + "\n" + (hasBody ? parts[0] : "");
        String document = hasBody ? parts[1] : user;
        int sentences = number(SENTENCES.matcher(instruction)).orElse(DEFAULT_SENTENCES);
        return new SummaryTask(instruction, Sentences.document(document), Math.max(1, sentences),
                number(WORDS.matcher(instruction)));
    }

    private static OptionalInt number(Matcher matcher) {
        if (!matcher.find()) {
            return OptionalInt.empty();
        }
        String value = matcher.group(1).toLowerCase(Locale.ROOT);
        Integer word = NUMBER_WORDS.get(value);
        if (word != null) {
            return OptionalInt.of(word);
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return OptionalInt.empty(); // more digits than an int holds: no usable instruction
        }
    }

    /**
     * Sentence indices by centrality, best first: a sentence scores the summed document frequency of its distinct
     * content words over the square root of its length, so sentences that share the document's main words win.
     */
    List<Integer> ranking() {
        List<String> sentences = document.content();
        Map<String, Integer> frequency = new HashMap<>();
        List<List<String>> words = new ArrayList<>();
        for (String sentence : sentences) {
            List<String> content = Words.content(sentence);
            words.add(content);
            content.forEach(w -> frequency.merge(w, 1, Integer::sum));
        }
        double[] scores = new double[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            double sum = 0;
            for (String word : new HashSet<>(words.get(i))) {
                sum += frequency.get(word);
            }
            scores[i] = sum / Math.sqrt(Math.max(1, words.get(i).size()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order;
    }

    /** The document's most frequent content word, the one a careless summary is most likely to lose. */
    private String keyWord() {
        Map<String, Integer> frequency = new HashMap<>();
        document.content().forEach(s -> Words.content(s).forEach(w -> frequency.merge(w, 1, Integer::sum)));
        String key = "";
        int best = 0;
        for (Map.Entry<String, Integer> entry : frequency.entrySet()) {
            boolean better = entry.getValue() > best
                    || (entry.getValue() == best && entry.getKey().compareTo(key) < 0);
            if (better) {
                key = entry.getKey();
                best = entry.getValue();
            }
        }
        return key; // ties go to the alphabetically first word, so the choice does not depend on hash order
    }

    /**
     * The simulated model's summary. Each slip is drawn from {@code random} at a rate that grows with the square of
     * the model's weakness (so a 0.95 model slips on about 1 % of draws and a 0.65 model on about 25 %); the
     * padding slips grow with verbosity too.
     */
    String answer(ModelProfile model, SplittableRandom random) {
        List<String> sentences = document.content();
        if (sentences.isEmpty()) {
            return NOTHING_TO_SAY;
        }
        double slip = 2 * model.weakness() * model.weakness();
        double padding = slip * 3 * model.verbosity();
        int wanted = Math.min(sentenceCount, sentences.size());
        List<Integer> ranking = ranking();

        TreeSet<Integer> chosen = new TreeSet<>();
        if (random.nextDouble() < 1.5 * slip) {
            for (int i = 0; i < wanted; i++) {
                chosen.add(i); // leans on the lead sentences
            }
        } else {
            chosen.addAll(ranking.subList(0, wanted));
        }
        if (random.nextDouble() < slip && chosen.size() < sentences.size()) {
            swapOne(chosen, sentences.size(), random); // a side detail instead of a key sentence
        }
        if (random.nextDouble() < 2 * slip * model.verbosity() && chosen.size() < sentences.size()) {
            for (int index : ranking) {
                if (chosen.add(index)) {
                    break; // one sentence more than asked for
                }
            }
        }
        List<String> body = chosen.stream().map(sentences::get).collect(Collectors.toCollection(ArrayList::new));

        if (random.nextDouble() < slip) {
            String key = keyWord();
            body.replaceAll(sentence -> withoutWord(sentence, key));
        }
        if (random.nextDouble() < 0.5 * slip) {
            int last = body.size() - 1;
            body.set(last, trailOff(body.get(last)));
        }
        if (wordLimit.isPresent() && random.nextDouble() >= 2 * slip) {
            body = withinWords(body, wordLimit.getAsInt());
        }
        String text = String.join(" ", body);

        StringBuilder answer = new StringBuilder();
        if (random.nextDouble() < padding) {
            answer.append(PREAMBLES.get(random.nextInt(PREAMBLES.size()))).append('\n');
        }
        if (document.hasGreeting() && random.nextDouble() < slip) {
            answer.append(document.greeting()).append(' ');
        }
        answer.append(text);
        if (random.nextDouble() < padding) {
            answer.append(' ').append(CLOSINGS.get(random.nextInt(CLOSINGS.size())));
        }
        return answer.toString();
    }

    private static void swapOne(TreeSet<Integer> chosen, int size, SplittableRandom random) {
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!chosen.contains(i)) {
                others.add(i);
            }
        }
        List<Integer> picked = new ArrayList<>(chosen);
        chosen.remove(picked.get(random.nextInt(picked.size())));
        chosen.add(others.get(random.nextInt(others.size())));
    }

    /** The sentence without the words whose stem is {@code stem}. */
    private static String withoutWord(String sentence, String stem) {
        List<String> kept = new ArrayList<>();
        for (String token : sentence.split(" ")) {
            List<String> words = Words.all(token);
            boolean drop = words.size() == 1 && Words.stem(words.get(0)).equals(stem);
            if (!drop) {
                kept.add(token);
            }
        }
        if (kept.isEmpty()) {
            return sentence;
        }
        String joined = String.join(" ", kept);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    /** The first 60 % of the sentence's words, then an ellipsis. */
    private static String trailOff(String sentence) {
        String[] tokens = sentence.split(" ");
        if (tokens.length < 4) {
            return sentence;
        }
        int keep = (int) Math.ceil(tokens.length * 0.6);
        return String.join(" ", List.of(tokens).subList(0, keep)).replaceAll("[,;:.]+$", "") + "...";
    }

    /**
     * Whole sentences while they fit in {@code limit} words; a first sentence that alone is too long is cut to the
     * limit and closed with a full stop.
     */
    private static List<String> withinWords(List<String> sentences, int limit) {
        List<String> kept = new ArrayList<>();
        int used = 0;
        for (String sentence : sentences) {
            String[] tokens = sentence.split("\\s+");
            if (used + tokens.length <= limit) {
                kept.add(sentence);
                used += tokens.length;
            } else {
                if (kept.isEmpty()) {
                    String cut = String.join(" ", List.of(tokens).subList(0, Math.max(1, limit)));
                    kept.add(cut.replaceAll("[,;:.!?]+$", "") + ".");
                }
                break;
            }
        }
        return kept;
    }
}
