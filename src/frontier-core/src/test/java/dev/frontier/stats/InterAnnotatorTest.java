package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class InterAnnotatorTest {

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E: 4 observers, 12 units, values
     * 1..5, missing values as null. Unit 12 has one value and cannot be paired; n = 40 pairable values with
     * n₁ = 9, n₂ = 13, n₃ = 10, n₄ = 5, n₅ = 3.
     */
    private static final Double[][] KRIPPENDORFF_2011 = {
            {1.0, 2.0, 3.0, 3.0, 2.0, 1.0, 4.0, 1.0, 2.0, null, null, null},
            {1.0, 2.0, 3.0, 3.0, 2.0, 2.0, 4.0, 1.0, 2.0, 5.0, null, 3.0},
            {null, 3.0, 3.0, 3.0, 2.0, 3.0, 4.0, 2.0, 2.0, 5.0, 1.0, null},
            {1.0, 2.0, 3.0, 3.0, 2.0, 4.0, 4.0, 1.0, 2.0, 5.0, 1.0, null},
    };

    private static List<Map<String, Double>> byUnit(Double[][] byObserver) {
        List<Map<String, Double>> units = new ArrayList<>();
        for (int u = 0; u < byObserver[0].length; u++) {
            Map<String, Double> unit = new LinkedHashMap<>();
            for (int o = 0; o < byObserver.length; o++) {
                if (byObserver[o][u] != null) {
                    unit.put("observer " + (char) ('A' + o), byObserver[o][u]);
                }
            }
            units.add(unit);
        }
        return units;
    }

    @Test
    void krippendorffsAlphaMatchesThePublishedExample() {
        // Published: α_nominal = 0.743, α_ordinal = 0.815, α_interval = 0.849. Exactly, from the coincidences:
        // nominal 1 − 39·8/1216 = 0.743421; interval 1 − 39·(52/3)/4480 = 0.849107; ordinal 1 − 39·1891/399480
        // = 0.815388 (recomputed with exact fractions from the coincidence matrix).
        List<Map<String, Double>> units = byUnit(KRIPPENDORFF_2011);
        assertThat(InterAnnotator.krippendorffAlpha(units, AlphaLevel.NOMINAL))
                .isCloseTo(1 - 39.0 * 8 / 1216, within(1e-12)).isCloseTo(0.743, within(5e-4));
        assertThat(InterAnnotator.krippendorffAlpha(units, AlphaLevel.ORDINAL))
                .isCloseTo(1 - 39.0 * 1891 / 399480, within(1e-12)).isCloseTo(0.815, within(5e-4));
        assertThat(InterAnnotator.krippendorffAlpha(units, AlphaLevel.INTERVAL))
                .isCloseTo(1 - 39.0 * 52 / 3 / 4480, within(1e-12)).isCloseTo(0.849, within(5e-4));
    }

    @Test
    void alphaEdgeCases() {
        // two coders in perfect agreement
        List<Map<String, Double>> agree = List.of(Map.of("a", 1.0, "b", 1.0), Map.of("a", 2.0, "b", 2.0));
        assertThat(InterAnnotator.krippendorffAlpha(agree, AlphaLevel.INTERVAL)).isEqualTo(1.0);
        // −0.0 and 0.0 are one value
        List<Map<String, Double>> zeros = List.of(Map.of("a", -0.0, "b", 0.0), Map.of("a", 1.0, "b", 1.0));
        assertThat(InterAnnotator.krippendorffAlpha(zeros, AlphaLevel.NOMINAL)).isEqualTo(1.0);
        // nothing pairable, or a single value throughout: no expected disagreement
        assertThat(InterAnnotator.krippendorffAlpha(List.of(Map.of("a", 1.0), Map.of()), AlphaLevel.NOMINAL))
                .isNaN();
        assertThat(InterAnnotator.krippendorffAlpha(List.of(Map.of("a", 3.0, "b", 3.0)), AlphaLevel.ORDINAL))
                .isNaN();
        // two units of two coders who always disagree: o₁₂ = o₂₁ = 2, n₁ = n₂ = 2, n = 4;
        // α = 1 − 3·4/(2·2·2) = −0.5
        List<Map<String, Double>> disagree = List.of(Map.of("a", 1.0, "b", 2.0), Map.of("a", 2.0, "b", 1.0));
        assertThat(InterAnnotator.krippendorffAlpha(disagree, AlphaLevel.NOMINAL)).isCloseTo(-0.5, within(1e-12));
        Map<String, Double> missing = new LinkedHashMap<>();
        missing.put("a", null);
        assertThatThrownBy(() -> InterAnnotator.krippendorffAlpha(List.of(missing), AlphaLevel.NOMINAL))
                .hasMessage("value of a must be finite, got null");
    }

    @Test
    void fleissKappaMatchesTheWikipediaExample() {
        // Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories.
        // p = 0.143, 0.200, 0.279, 0.150, 0.229; P̄ = 0.378, P̄ₑ = 0.213; κ = 0.210 (exactly 4211/20059 = 0.209931).
        int[][] table = {
                {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
        };
        List<Map<String, Integer>> units = new ArrayList<>();
        for (int[] row : table) {
            Map<String, Integer> unit = new LinkedHashMap<>();
            for (int j = 0; j < row.length; j++) {
                if (row[j] > 0) {
                    unit.put("category " + (j + 1), row[j]);
                }
            }
            units.add(unit);
        }
        double kappa = InterAnnotator.fleissKappa(units);
        assertThat(kappa).isCloseTo(4211.0 / 20059, within(1e-12)).isCloseTo(0.210, within(5e-4));
    }

    @Test
    void fleissEdgeCases() {
        assertThat(InterAnnotator.fleissKappa(List.of())).isNaN();
        assertThat(InterAnnotator.fleissKappa(List.of(Map.of("yes", 3), Map.of("yes", 3)))).isNaN();
        // two units, 2 raters, each unit split: P̄ = 0, P̄ₑ = 0.5, κ = −1
        assertThat(InterAnnotator.fleissKappa(List.of(Map.of("yes", 1, "no", 1), Map.of("yes", 1, "no", 1))))
                .isEqualTo(-1.0);
        assertThatThrownBy(() -> InterAnnotator.fleissKappa(List.of(Map.of("yes", 2), Map.of("yes", 1, "no", 2))))
                .hasMessage("every unit needs the same number of raters: unit 0 has 2, unit 1 has 3");
        assertThatThrownBy(() -> InterAnnotator.fleissKappa(List.of(Map.of("yes", 1))))
                .hasMessage("need at least 2 raters per unit, got 1");
        assertThatThrownBy(() -> InterAnnotator.fleissKappa(List.of(Map.of("yes", 3, "no", -1))))
                .hasMessage("count of no must not be negative, got -1");
    }

    @Property(tries = 200)
    void withTwoCodersAndNoMissingValuesNominalAlphaIsScottsPi(
            @ForAll @Size(min = 2, max = 25) List<@IntRange(min = 0, max = 3) Integer> a,
            @ForAll @Size(min = 2, max = 25) List<@IntRange(min = 0, max = 3) Integer> b) {
        // Two coders, N units, none missing: Σ o_ck δ² = 2(N − agreements) and Σ n_c n_k δ² = 4N²(1 − pₑ) with pₑ
        // from the pooled marginals, so α = 1 − (2N − 1)/(2N) · (1 − π), π being Scott's pi (Krippendorff 2011:
        // α is π corrected for the sample size).
        int n = Math.min(a.size(), b.size());
        List<Map<String, Double>> units = new ArrayList<>();
        int[] pooled = new int[4];
        int agree = 0;
        for (int i = 0; i < n; i++) {
            units.add(Map.of("a", (double) a.get(i), "b", (double) b.get(i)));
            pooled[a.get(i)]++;
            pooled[b.get(i)]++;
            agree += a.get(i).equals(b.get(i)) ? 1 : 0;
        }
        double chance = 0;
        for (int count : pooled) {
            chance += Math.pow(count / (2.0 * n), 2);
        }
        double alpha = InterAnnotator.krippendorffAlpha(units, AlphaLevel.NOMINAL);
        if (chance == 1) {
            assertThat(alpha).isNaN();
        } else {
            double pi = ((double) agree / n - chance) / (1 - chance);
            assertThat(alpha).isCloseTo(1 - (2.0 * n - 1) / (2.0 * n) * (1 - pi), within(1e-9));
        }
    }
}
