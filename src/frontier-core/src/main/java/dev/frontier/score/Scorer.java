package dev.frontier.score;

/**
 * A scorer as the registry builds it from a suite's {@code scorers:} entry. The kinds are closed, because each
 * scores at a different moment of a run:
 * <ul>
 *   <li>{@link ItemScorer}: one output for one item, as each output arrives (the heuristic types, {@code command},
 *       plug-ins); a {@link CorpusScorer} also has a figure over all outputs of a candidate (corpus BLEU);</li>
 *   <li>{@link JudgeScorer}: after every output is in, by calling judge models ({@code llm-judge});</li>
 *   <li>{@link LabelScorer}: after every output is in, from labels imported from a file ({@code human-labels}).</li>
 * </ul>
 * Implementations are immutable (or, for an item scorer holding a process, thread-safe) and return
 * {@link dev.frontier.model.Score.Failed} rather than throw.
 */
public sealed interface Scorer permits ItemScorer, JudgeScorer, LabelScorer {

    /** The kebab-case type this scorer was created from, e.g. {@code rouge-l}. */
    String type();
}
