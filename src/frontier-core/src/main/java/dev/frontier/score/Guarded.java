package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.List;

/**
 * Every item scorer the registry hands out is wrapped in this, so that a bug or a pathological input in one scorer
 * marks that item as failed instead of ending the run.
 *
 * @param inner the scorer doing the work
 */
record Guarded(ItemScorer inner) implements ItemScorer {

    /** The guarded form of {@code scorer}: a corpus scorer stays one, with its corpus metric guarded too. */
    static ItemScorer of(ItemScorer scorer) {
        return scorer instanceof CorpusScorer corpus ? new Corpus(corpus) : new Guarded(scorer);
    }

    @Override
    public String type() {
        return inner.type();
    }

    @Override
    public Score score(Item item, String output) {
        return score(inner, item, output);
    }

    @Override
    public void finish() {
        inner.finish();
    }

    private static Score score(ItemScorer inner, Item item, String output) {
        if (item == null) {
            return new Score.Failed(inner.type() + ": no item");
        }
        if (output == null) {
            return new Score.Failed(inner.type() + ": no output to score");
        }
        try {
            Score score = inner.score(item, output);
            return score != null ? score : new Score.Failed(inner.type() + " returned no score");
        } catch (RuntimeException | StackOverflowError e) {
            return new Score.Failed(inner.type() + " failed on item " + item.id() + ": " + e);
        }
    }

    /**
     * The same protection for a scorer with a corpus-level metric.
     *
     * @param inner the scorer doing the work
     */
    record Corpus(CorpusScorer inner) implements CorpusScorer {

        @Override
        public String type() {
            return inner.type();
        }

        @Override
        public Score score(Item item, String output) {
            return Guarded.score(inner, item, output);
        }

        @Override
        public Score corpus(List<String> outputs, List<Item> items) {
            if (outputs == null || items == null) {
                return new Score.Failed(inner.type() + ": no outputs or items");
            }
            try {
                Score score = inner.corpus(outputs, items);
                return score != null ? score : new Score.Failed(inner.type() + " returned no corpus score");
            } catch (RuntimeException | StackOverflowError e) {
                return new Score.Failed(inner.type() + " corpus metric failed: " + e);
            }
        }

        @Override
        public void finish() {
            inner.finish();
        }
    }
}
