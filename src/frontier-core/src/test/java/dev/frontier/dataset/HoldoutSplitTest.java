package dev.frontier.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.model.Item;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

    private static Item item(String id) {
        return new Item(id, Map.of());
    }

    @Test
    void holdsOutRoughlyTheShareAndIsStable() {
        HoldoutSplit split = new HoldoutSplit(0.3, 7);
        long held = IntStream.range(0, 10_000).mapToObj(i -> item("item-" + i)).filter(split::isHoldout).count();
        assertThat(held).isBetween(2850L, 3150L);
        // same seed, same answer; the decision depends only on the id
        assertThat(new HoldoutSplit(0.3, 7).isHoldout(item("item-42"))).isEqualTo(split.isHoldout(item("item-42")));
    }

    @Test
    void theSeedChangesTheSplitAndZeroHoldsNothingOut() {
        long differ = IntStream.range(0, 1000).mapToObj(i -> item("i" + i))
                .filter(i -> new HoldoutSplit(0.5, 1).isHoldout(i) != new HoldoutSplit(0.5, 2).isHoldout(i)).count();
        assertThat(differ).isBetween(400L, 600L);
        assertThat(IntStream.range(0, 100).mapToObj(i -> item("i" + i)).noneMatch(new HoldoutSplit(0, 1)::isHoldout))
                .isTrue();
        assertThatThrownBy(() -> new HoldoutSplit(1.0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
