/**
 * Scorers: each turns candidate outputs into {@link dev.frontier.model.Score}s. The entry point is
 * {@link dev.frontier.score.ScorerRegistry}, which checks a suite's scorer parameters and builds scorers of the
 * sealed kinds of {@link dev.frontier.score.Scorer}: {@link dev.frontier.score.ItemScorer} (one output at a time;
 * {@link dev.frontier.score.CorpusScorer} adds a corpus-level figure), {@link dev.frontier.score.JudgeScorer} (calls
 * judge models) and {@link dev.frontier.score.LabelScorer} (imported human labels). Scorer plug-ins come in through
 * {@link dev.frontier.score.spi}; {@link dev.frontier.score.Bleu} exposes sentence and corpus BLEU as plain
 * functions. Everything else is package-private.
 * <p>
 * The text metrics reproduce their reference implementations exactly: ROUGE as Google's rouge-score, BLEU as
 * sacrebleu 2.x (on a 0–1 scale), token F1 as the SQuAD evaluation script. Aggregation over items is not done
 * here.
 */
package dev.frontier.score;
