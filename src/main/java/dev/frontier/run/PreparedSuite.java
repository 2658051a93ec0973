package dev.frontier.run;

import dev.frontier.config.ScorerSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.dataset.Dataset;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.model.Problem;
import dev.frontier.score.CorpusMetric;
import dev.frontier.score.Scorer;
import java.util.List;
import java.util.Optional;

/**
 * A suite that passed every check, with its dataset loaded and its scorers built.
 *
 * @param suite    the suite
 * @param dataset  the items to evaluate (after any limit)
 * @param split    the holdout split
 * @param scorers  the scorers, in suite order
 * @param catalog  the price catalog with the suite's overrides
 * @param warnings problems that do not stop the run
 */
public record PreparedSuite(SuiteSpec suite, Dataset dataset, HoldoutSplit split, List<BoundScorer> scorers,
                            PriceCatalog catalog, List<Problem> warnings) {

    /**
     * A scorer with its declaration.
     *
     * @param spec   as declared in the suite
     * @param scorer the per-item scorer
     * @param binary whether its scores are pass/fail
     * @param corpus its corpus-level metric, for scorers that have one (BLEU)
     */
    public record BoundScorer(ScorerSpec spec, Scorer scorer, boolean binary, Optional<CorpusMetric> corpus) {
    }
}
