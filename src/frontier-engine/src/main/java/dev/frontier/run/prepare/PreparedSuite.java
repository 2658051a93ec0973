package dev.frontier.run.prepare;

import dev.frontier.config.ScorerSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.dataset.Dataset;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.dataset.OutputsReader;
import dev.frontier.logs.TrafficProfile;
import dev.frontier.model.Problem;
import dev.frontier.score.ItemScorer;
import dev.frontier.score.JudgeScorer;
import dev.frontier.score.Scorer;
import java.util.List;
import java.util.Map;
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
 * @param imported the outputs of imported candidates by candidate id, then item id
 * @param traffic  the traffic profile the suite names ({@code traffic.profile}), read; empty when it names none (its
 *                 requests per month are then already the suite's {@code traffic.requestsPerMonth})
 */
public record PreparedSuite(SuiteSpec suite, Dataset dataset, HoldoutSplit split, List<BoundScorer> scorers,
                            PriceCatalog catalog, List<Problem> warnings,
                            Map<String, Map<String, OutputsReader.Imported>> imported,
                            Optional<TrafficProfile> traffic) {

    public PreparedSuite {
        imported = Map.copyOf(imported);
        traffic = traffic == null ? Optional.empty() : traffic;
    }

    /** A suite priced at its {@code traffic.requestsPerMonth}. */
    public PreparedSuite(SuiteSpec suite, Dataset dataset, HoldoutSplit split, List<BoundScorer> scorers,
                         PriceCatalog catalog, List<Problem> warnings,
                         Map<String, Map<String, OutputsReader.Imported>> imported) {
        this(suite, dataset, split, scorers, catalog, warnings, imported, Optional.empty());
    }

    public PreparedSuite(SuiteSpec suite, Dataset dataset, HoldoutSplit split, List<BoundScorer> scorers,
                         PriceCatalog catalog, List<Problem> warnings) {
        this(suite, dataset, split, scorers, catalog, warnings, Map.of());
    }

    /**
     * This suite on a seeded random sample of {@code n} of its items ({@code statistics.seed}), e.g. the pilot a
     * sample-size plan starts from; every item when the dataset has no more than {@code n}.
     */
    public PreparedSuite sampled(int n) {
        return new PreparedSuite(suite, dataset.sample(n, suite.statistics().seed()), split, scorers, catalog,
                warnings, imported, traffic);
    }

    /**
     * Whether running the suite calls no model at all: every candidate's outputs are imported and no scorer is an
     * LLM judge. Such a run needs no endpoint, no credentials and no sandbox, and nothing in it is simulated.
     */
    public boolean callsNoModel() {
        return suite.candidates().stream().allMatch(c -> c.isImported())
                && scorers.stream().noneMatch(s -> s.scorer() instanceof JudgeScorer);
    }

    /** Tells every item scorer that the run has scored every output (a {@code command} scorer ends its program). */
    public void finishScoring() {
        for (BoundScorer s : scorers) {
            if (s.scorer() instanceof ItemScorer item) {
                item.finish();
            }
        }
    }

    /**
     * A scorer with its declaration.
     *
     * @param spec   as declared in the suite
     * @param scorer the scorer, ready to use: a judge with its prompt file read, human labels with their file read
     * @param binary whether its scores are pass/fail
     */
    public record BoundScorer(ScorerSpec spec, Scorer scorer, boolean binary) {

        /** Whether it scores after all outputs are in (a judge, or human labels), not as each output arrives. */
        public boolean late() {
            return !(scorer instanceof ItemScorer);
        }
    }
}
