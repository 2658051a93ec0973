/**
 * Heuristic scorers: each turns one model output for one dataset item into a {@link dev.frontier.model.Score}.
 * The entry point is {@link dev.frontier.score.ScorerRegistry}, which checks a suite's scorer parameters and
 * builds scorers; {@link dev.frontier.score.CorpusMetric} is the extra corpus-level view a scorer may offer, and
 * {@link dev.frontier.score.Bleu} exposes sentence and corpus BLEU as plain functions. Everything else is
 * package-private.
 * <p>
 * The text metrics reproduce their reference implementations exactly: ROUGE as Google's rouge-score, BLEU as
 * sacrebleu 2.x (on a 0–1 scale), token F1 as the SQuAD evaluation script. Aggregation over items is not done
 * here.
 */
package dev.frontier.score;
