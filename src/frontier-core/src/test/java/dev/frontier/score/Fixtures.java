package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.Map;

/** Shared helpers: build scorers through the public registry and read plain values out of scores. */
final class Fixtures {
    static final ScorerRegistry REGISTRY = ScorerRegistry.standard();

    private Fixtures() {
    }

    static ItemScorer scorer(String type, Map<String, ?> params) {
        ScorerRegistry.Creation creation = REGISTRY.create(type, params);
        assertThat(creation).as("creating %s with %s", type, params)
                .isInstanceOf(ScorerRegistry.Creation.Created.class);
        Scorer scorer = ((ScorerRegistry.Creation.Created) creation).scorer();
        assertThat(scorer).as(type).isInstanceOf(ItemScorer.class);
        return (ItemScorer) scorer;
    }

    static Item item(String... keyValues) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return new Item("item-1", fields);
    }

    static double value(Score score) {
        assertThat(score).isInstanceOf(Score.Value.class);
        return ((Score.Value) score).value();
    }

    static String note(Score score) {
        assertThat(score).isInstanceOf(Score.Value.class);
        return ((Score.Value) score).note();
    }
}
