package dev.frontier.run.execute;

import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.run.flow.Answer;
import dev.frontier.run.flow.Source;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.Requests;
import dev.frontier.score.ItemScorer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an output becomes an answer, whatever path it came by: priced from the catalog (on demand or at the batch
 * price) and scored by the scorers that score as outputs arrive (judges and human labels score in the review); a
 * failed call scores 0 on every scorer.
 */
final class Answers {
    private Answers() {
    }

    /** The answer of a completed or failed call, priced in {@code mode}. */
    static Answer of(PreparedSuite p, CandidateSpec c, Item item, CallResult result, ModelPrice.Mode mode,
                     Source source) {
        if (result instanceof CallResult.Completion done) {
            return new Answer(done, cost(p, c, done, mode), scores(p, item, done.text()), source);
        }
        return new Answer(result, Cost.ZERO, failed(p, (CallResult.Failure) result), source);
    }

    /**
     * What {@code done} costs in {@code mode}: at the prices of the model a prompt router chose when the answer
     * names one (Bedrock bills a routed request as the model that served it), else at {@code c}'s model's; unknown
     * without a price.
     */
    static Cost cost(PreparedSuite p, CandidateSpec c, CallResult.Completion done, ModelPrice.Mode mode) {
        String priced = done.routed() ? done.invokedModelId() : c.model();
        return p.catalog().forCall(c.model(), Requests.settings(c), done).map(x -> x.cost(done.usage(), mode))
                .orElseGet(() -> new Cost.Unknown("no price for " + priced));
    }

    /** The scores of an output by every scorer that scores as outputs arrive. */
    static Map<String, Score> scores(PreparedSuite p, Item item, String output) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (PreparedSuite.BoundScorer s : p.scorers()) {
            // judges and human labels score in the second phase
            if (s.scorer() instanceof ItemScorer scorer) {
                scores.put(s.spec().id(), guarded(s, scorer, item, output));
            }
        }
        return scores;
    }

    /** The scores of a failed call: 0 on every scorer, with the error code as the note. */
    static Map<String, Score> failed(PreparedSuite p, CallResult.Failure f) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (PreparedSuite.BoundScorer s : p.scorers()) {
            scores.put(s.spec().id(), new Score.Value(0.0, "call failed: " + f.errorCode()));
        }
        return scores;
    }

    /** A scorer that throws marks its item as unscored; it does not end the run. */
    private static Score guarded(PreparedSuite.BoundScorer s, ItemScorer scorer, Item item, String output) {
        try {
            Score score = scorer.score(item, output);
            return score == null ? new Score.Failed("scorer returned nothing") : score;
        } catch (RuntimeException e) {
            return new Score.Failed(s.spec().type() + " failed: " + e);
        }
    }
}
