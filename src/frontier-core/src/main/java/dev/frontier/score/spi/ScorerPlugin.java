package dev.frontier.score.spi;

import dev.frontier.score.ItemScorer;
import java.util.Map;

/**
 * A scorer type from outside frontier: a jar puts an implementation on the class path (or in the folder given with
 * {@code --plugins DIR}) and names it in {@code META-INF/services/dev.frontier.score.spi.ScorerPlugin}; frontier
 * finds it with {@link java.util.ServiceLoader}. A suite uses it by name:
 * <pre>{@code
 * scorers:
 *   - { type: plugin, plugin: keyword-coverage, field: keywords, weight: 0.5 }
 * }</pre>
 * Every key of the entry except {@code type}, {@code id}, {@code weight} and {@code plugin} is passed to
 * {@link #create}. A plug-in runs code on the machine that runs frontier, so a suite that uses one runs only with
 * {@code --allow-scorer-code} (or {@code FRONTIER_ALLOW_SCORER_CODE=true}).
 *
 * <p>Implementations need a public no-argument constructor. The scorers they create are called from several threads
 * at once and should return {@link dev.frontier.model.Score.Failed} for what they cannot score; an exception they
 * throw while scoring marks that one item as failed with the exception's message, and does not stop the run.
 */
public interface ScorerPlugin {

    /** The name a suite gives as {@code plugin:}: lower-case letters, digits and '-', e.g. {@code keyword-coverage}. */
    String name();

    /**
     * Builds a scorer from the suite entry's parameters.
     *
     * @param params plain YAML values (String, Integer/Long/Double, Boolean, List, Map); unmodifiable
     * @return the scorer, never null
     * @throws IllegalArgumentException when the parameters are wrong; the message is shown with the suite file and
     *                                  line of the scorer, so it should say what is wrong and what to write instead
     */
    ItemScorer create(Map<String, Object> params);
}
