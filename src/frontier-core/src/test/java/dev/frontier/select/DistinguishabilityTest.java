package dev.frontier.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.frontier.stats.Bootstrap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistinguishabilityTest {

    private static final Bootstrap BOOTSTRAP = new Bootstrap(2000, 42, 0.95);

    private static Map<String, Double> shifted(double[] base, double shift, double noise, long seed, String prefix) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> q = new LinkedHashMap<>();
        for (int i = 0; i < base.length; i++) {
            q.put(prefix + i, base[i] + shift + noise * (random.nextDouble() - 0.5));
        }
        return q;
    }

    private static double[] base(int n) {
        SplittableRandom random = new SplittableRandom(1);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = 0.3 + 0.6 * random.nextDouble();
        }
        return b;
    }

    @Test
    void pairedDifferencesTellCloseCandidatesFromDistantOnes() {
        double[] base = base(150);
        Map<String, Map<String, Double>> quality = Map.of(
                "micro", shifted(base, -0.10, 0.1, 2, "i"),
                "lite", shifted(base, 0.0, 0.1, 3, "i"),
                "haiku", shifted(base, 0.002, 0.1, 4, "i"));
        Distinguishability.Result result = Distinguishability.of(quality, List.of("micro", "lite", "haiku"),
                BOOTSTRAP, Bootstrap.Method.BCA);
        assertThat(result.pairs()).extracting(Distinguishability.Pair::first, Distinguishability.Pair::second,
                Distinguishability.Pair::distinguishable).containsExactly(
                tuple("micro", "lite", true),
                tuple("micro", "haiku", true),
                tuple("lite", "haiku", false));
        Distinguishability.Pair close = result.pairs().get(2);
        assertThat(close.basis()).isEqualTo("paired difference");
        assertThat(close.n()).isEqualTo(150);
        assertThat(close.difference().orElseThrow().lower()).isNegative();
        assertThat(close.difference().orElseThrow().upper()).isPositive();
        assertThat(result.tiedWith("lite")).containsExactly("haiku");
        assertThat(result.tiedWith("micro")).isEmpty();
        assertThat(result.notDistinguishable()).containsExactly("lite", "haiku");
    }

    @Test
    void pairingSeesADifferenceThatOverlappingIntervalsWouldHide() {
        // a constant 0.02 gain on items whose own quality spreads over 0.3–0.9: the two means' intervals overlap,
        // the paired difference does not contain 0
        double[] base = base(100);
        Map<String, Map<String, Double>> quality = Map.of(
                "a", shifted(base, 0, 0.01, 5, "i"),
                "b", shifted(base, 0.02, 0.01, 6, "i"));
        Distinguishability.Pair p = Distinguishability.of(quality, List.of("a", "b"), BOOTSTRAP,
                Bootstrap.Method.PERCENTILE).pairs().get(0);
        assertThat(p.distinguishable()).isTrue();
        double[] a = quality.get("a").values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = quality.get("b").values().stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(BOOTSTRAP.mean(a).orElseThrow().overlaps(BOOTSTRAP.mean(b).orElseThrow())).isTrue();
    }

    @Test
    void withoutCommonItemsTheQualityIntervalsAreCompared() {
        double[] base = base(80);
        Map<String, Map<String, Double>> quality = Map.of(
                "a", shifted(base, 0, 0.1, 7, "x"),
                "b", shifted(base, 0.01, 0.1, 8, "y"),
                "c", shifted(base, -0.3, 0.1, 9, "z"));
        Distinguishability.Result result = Distinguishability.of(quality, List.of("a", "b", "c"), BOOTSTRAP,
                Bootstrap.Method.PERCENTILE);
        assertThat(result.pairs().get(0).basis()).isEqualTo("overlap of quality intervals");
        assertThat(result.pairs().get(0).difference()).isEmpty();
        assertThat(result.pairs().get(0).distinguishable()).isFalse();
        assertThat(result.pairs().get(1).distinguishable()).isTrue();
        assertThatThrownBy(() -> Distinguishability.of(quality, List.of("a", "nope"), BOOTSTRAP,
                Bootstrap.Method.BCA)).hasMessage("no quality values for nope");
        assertThat(Distinguishability.of(quality, List.of("a"), BOOTSTRAP, Bootstrap.Method.BCA).pairs()).isEmpty();
    }
}
