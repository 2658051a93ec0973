package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.score.spi.ScorerPlugin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code type: plugin}: the registry finds the plug-in by name, hands it its parameters and guards its scorer. */
class ScorerPluginTest {

    private final AtomicInteger finished = new AtomicInteger();

    /** Scores 1 when the output has the configured word; throws on the word "boom". */
    private final ScorerPlugin wordPlugin = new ScorerPlugin() {
        @Override
        public String name() {
            return "has-word";
        }

        @Override
        public ItemScorer create(Map<String, Object> params) {
            if (!(params.get("word") instanceof String word)) {
                throw new IllegalArgumentException("'word' is required, e.g. word: refund");
            }
            return new ItemScorer() {
                @Override
                public String type() {
                    return "has-word";
                }

                @Override
                public Score score(Item item, String output) {
                    if (output.contains("boom")) {
                        throw new IllegalStateException("cannot score an explosion");
                    }
                    return Score.pass(output.contains(word), "");
                }

                @Override
                public void finish() {
                    finished.incrementAndGet();
                }
            };
        }
    };

    private final ScorerRegistry registry = ScorerRegistry.standard().withPlugins(Map.of("has-word", wordPlugin));

    @Test
    void theNamedPluginBuildsAGuardedItemScorerFromTheOtherParameters() {
        var created = (ScorerRegistry.Creation.Created) registry.create("plugin",
                Map.of("plugin", "has-word", "word", "refund"));
        ItemScorer scorer = (ItemScorer) created.scorer();
        Item item = new Item("t7", Map.of());
        assertThat(scorer.type()).isEqualTo("plugin");
        assertThat(scorer.score(item, "your refund")).isEqualTo(new Score.Value(1.0, ""));
        assertThat(scorer.score(item, "no")).isEqualTo(new Score.Value(0.0, ""));
        assertThat(scorer.score(item, "boom")).isEqualTo(
                new Score.Failed("plug-in 'has-word' failed on item t7: cannot score an explosion"));
        scorer.finish();
        assertThat(finished).hasValue(1);
    }

    @Test
    void anUnknownNameOrRefusedParametersAreProblemsOfThePluginKey() {
        assertThat(problems(registry, Map.of("plugin", "has-wrd"))).containsExactly(new ParamProblem("plugin",
                "no scorer plug-in named 'has-wrd' is installed", "did you mean 'has-word'? put the plug-in's jar in a "
                        + "folder and pass --plugins <folder> (installed plug-ins: has-word)"));
        assertThat(problems(ScorerRegistry.standard(), Map.of("plugin", "has-word"))).singleElement()
                .extracting(ParamProblem::hint).asString().endsWith("(no plug-in is installed)");
        assertThat(problems(registry, Map.of("plugin", "has-word"))).containsExactly(new ParamProblem("plugin",
                "plug-in 'has-word' refused its parameters: 'word' is required, e.g. word: refund",
                "see the plug-in's documentation"));
        assertThat(problems(registry, Map.of("word", "x"))).singleElement().extracting(ParamProblem::problem)
                .isEqualTo("a plugin scorer needs 'plugin: <name>'");
        assertThat(registry.plugins()).containsExactly("has-word");
        assertThat(registry.isBinary("plugin")).isFalse();
        assertThat(registry.parameters("plugin")).isEqualTo(java.util.Set.of("plugin"));
    }

    private static List<ParamProblem> problems(ScorerRegistry registry, Map<String, ?> params) {
        ScorerRegistry.Creation c = registry.create("plugin", params);
        assertThat(c).isInstanceOf(ScorerRegistry.Creation.Invalid.class);
        return ((ScorerRegistry.Creation.Invalid) c).problems();
    }
}
