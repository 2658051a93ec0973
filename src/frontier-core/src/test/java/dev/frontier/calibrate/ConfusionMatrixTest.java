package dev.frontier.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void countsAreCopiedInAndOutAndCompareByValue() {
        long[][] counts = {{3, 1}, {0, 4}};
        ConfusionMatrix m = new ConfusionMatrix(List.of("no", "yes"), counts);
        counts[0][0] = 99;
        m.counts()[1][1] = 99;
        assertThat(m.counts()).isDeepEqualTo(new long[][] {{3, 1}, {0, 4}});
        assertThat(m.total()).isEqualTo(8);
        assertThat(m.accuracy()).isEqualTo(7.0 / 8);
        ConfusionMatrix same = new ConfusionMatrix(List.of("no", "yes"), new long[][] {{3, 1}, {0, 4}});
        assertThat(m).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(m).isNotEqualTo(new ConfusionMatrix(List.of("no", "yes"), new long[][] {{3, 0}, {1, 4}}));
        assertThat(m).hasToString("ConfusionMatrix[labels=[no, yes], counts=[[3, 1], [0, 4]]]");
    }

    @Test
    void shapeAndSignsAreChecked() {
        assertThatThrownBy(() -> new ConfusionMatrix(List.of("a", "b"), new long[][] {{1, 2}}))
                .hasMessage("need a row per label: 2 labels, 1 rows");
        assertThatThrownBy(() -> new ConfusionMatrix(List.of("a", "b"), new long[][] {{1, 2}, {3}}))
                .hasMessage("row 1 has 1 counts, need 2");
        assertThatThrownBy(() -> new ConfusionMatrix(List.of("a"), new long[][] {{-1}}))
                .hasMessage("counts must not be negative, row 0: [-1]");
    }
}
