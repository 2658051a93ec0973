package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;

/**
 * A pass/fail scorer turned around ({@code negate: true}): 1 becomes 0 and 0 becomes 1; a failure to score stays
 * a failure.
 *
 * @param inner the binary scorer
 */
record Negated(ItemScorer inner) implements ItemScorer {

    @Override
    public String type() {
        return inner.type();
    }

    @Override
    public Score score(Item item, String output) {
        Score score = inner.score(item, output);
        if (score instanceof Score.Value v) {
            return new Score.Value(1.0 - v.value(), "negated: " + v.note());
        }
        return score;
    }

    @Override
    public void finish() {
        inner.finish();
    }
}
