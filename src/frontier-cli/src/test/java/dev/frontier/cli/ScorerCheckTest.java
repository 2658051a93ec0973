package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.config.ScorerCheck;
import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.score.ItemScorer;
import dev.frontier.score.ScorerRegistry;
import dev.frontier.score.spi.ScorerPlugin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A suite's scorer code runs only when allowed: a refused plug-in's factory is never called. */
class ScorerCheckTest {

    private final AtomicInteger created = new AtomicInteger();

    private final ScorerPlugin counting = new ScorerPlugin() {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public ItemScorer create(Map<String, Object> params) {
            created.incrementAndGet();   // a plug-in's own code, which could do anything
            return new ItemScorer() {
                @Override
                public String type() {
                    return "counting";
                }

                @Override
                public Score score(Item item, String output) {
                    return Score.pass(true, "");
                }
            };
        }
    };

    private final ScorerRegistry registry = ScorerRegistry.standard().withPlugins(Map.of("counting", counting));

    @Test
    void aRefusedPluginIsNeverCreated() {
        List<ScorerCheck.Issue> issues = SuiteInput.scorerCheck(registry, false)
                .check("plugin", Map.of("plugin", "counting"));
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.problem()).contains("plug-in 'counting'").contains("runs only when allowed");
            assertThat(i.hint()).contains("--allow-scorer-code");
        });
        assertThat(created).hasValue(0);
    }

    @Test
    void anAllowedPluginIsBuiltOnceToCheckItsParameters() {
        assertThat(SuiteInput.scorerCheck(registry, true).check("plugin", Map.of("plugin", "counting"))).isEmpty();
        assertThat(created).hasValue(1);
    }

    @Test
    void scorersThatRunNoCodeAreCheckedWhetherAllowedOrNot() {
        assertThat(SuiteInput.scorerCheck(registry, false).check("json-valid", Map.of())).isEmpty();
        assertThat(SuiteInput.scorerCheck(registry, false).check("exact-match", Map.of("expected", 4.2))).isNotEmpty();
    }
}
