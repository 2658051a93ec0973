package dev.frontier.run.flow;

import dev.frontier.model.CallResult;
import dev.frontier.model.Score;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The answers of a run, by candidate id and item id: written by the execution as answers arrive (from worker
 * threads), completed with the late scores by the review, read by the aggregation. Answers are committed to the run
 * store as they arrive, so the table keeps the output texts (and score notes) only of the items its policy names,
 * those the record lists or a scorer needs afterwards; of the others it keeps the figures, so that memory stays
 * bounded in large suites.
 */
public final class AnswerTable {

    private final Map<String, Map<String, Answer>> byCandidate = new ConcurrentHashMap<>();
    private final Predicate<String> keepText;

    /** @param keepText whether the table keeps the texts of the item with this id */
    public AnswerTable(Predicate<String> keepText) {
        this.keepText = keepText;
    }

    /** A table that keeps every text. */
    public static AnswerTable keepingAllTexts() {
        return new AnswerTable(itemId -> true);
    }

    /** Sets the answer of {@code candidateId} to {@code itemId}, without its texts when the policy drops them. */
    public void put(String candidateId, String itemId, Answer answer) {
        Answer kept = keepText.test(itemId) ? answer : figuresOnly(answer);
        byCandidate.computeIfAbsent(candidateId, k -> new ConcurrentHashMap<>()).put(itemId, kept);
    }

    /** The answer of {@code candidateId} to {@code itemId}, if there is one. */
    public Optional<Answer> find(String candidateId, String itemId) {
        Map<String, Answer> byItem = byCandidate.get(candidateId);
        return byItem == null ? Optional.empty() : Optional.ofNullable(byItem.get(itemId));
    }

    /** The answers of {@code candidateId} by item id (a read-only view; empty when it has none). */
    public Map<String, Answer> of(String candidateId) {
        Map<String, Answer> byItem = byCandidate.get(candidateId);
        return byItem == null ? Map.of() : Collections.unmodifiableMap(byItem);
    }

    /** How many answers the table holds. */
    public int size() {
        return byCandidate.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Adds {@code added} to the scores of an answer the table holds (a later score of a scorer replaces its earlier
     * one).
     *
     * @throws IllegalArgumentException when the table has no such answer
     */
    public void addScores(String candidateId, String itemId, Map<String, Score> added) {
        Answer a = find(candidateId, itemId).orElseThrow(() -> new IllegalArgumentException("no answer of '"
                + candidateId + "' to item '" + itemId + "'"));
        Map<String, Score> merged = new LinkedHashMap<>(a.scores());
        merged.putAll(added);
        byCandidate.get(candidateId).put(itemId, new Answer(a.result(), a.cost(), merged, a.source()));
    }

    /** The answer without its output text and score notes: a compact map of the figures. */
    private static Answer figuresOnly(Answer a) {
        Map<String, Score> scores = new HashMap<>(4);
        a.scores().forEach((k, v) -> scores.put(k, v instanceof Score.Value x && !x.note().isEmpty()
                ? new Score.Value(x.value(), "") : v));
        CallResult result = a.result() instanceof CallResult.Completion done
                ? new CallResult.Completion("", done.stopReason() == null ? null : done.stopReason().intern(),
                done.usage(), done.latencyMs(), done.clientLatencyMs(), "") : a.result();
        return new Answer(result, a.cost(), Map.copyOf(scores), a.source());
    }
}
