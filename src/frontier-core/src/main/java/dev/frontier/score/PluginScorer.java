package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;

/**
 * A plug-in's scorer, guarded: whatever the plug-in throws while scoring (an exception, or an error from a class it
 * cannot link) marks that one item as failed with the message, and the run goes on.
 *
 * @param plugin the plug-in's name
 * @param inner  the scorer the plug-in created
 */
record PluginScorer(String plugin, ItemScorer inner) implements ItemScorer {

    @Override
    public String type() {
        return "plugin";
    }

    @Override
    public Score score(Item item, String output) {
        try {
            Score score = inner.score(item, output);
            return score != null ? score
                    : new Score.Failed("plug-in '" + plugin + "' returned no score for item " + item.id());
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            return new Score.Failed("plug-in '" + plugin + "' failed on item " + item.id() + ": " + message(e));
        }
    }

    @Override
    public void finish() {
        try {
            inner.finish();
        } catch (RuntimeException | LinkageError e) {
            // nothing is left to score; a plug-in that cannot clean up does not fail the run
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : Notes.clip(m, 300);
    }
}
