package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AgreementTest {

    /** Rater a's and rater b's categories for a joint count table (rows a, columns b). */
    private static int[][] fromTable(long[][] table) {
        int n = (int) Arrays.stream(table).flatMapToLong(Arrays::stream).sum();
        int[] a = new int[n];
        int[] b = new int[n];
        int k = 0;
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[i].length; j++) {
                for (long c = 0; c < table[i][j]; c++, k++) {
                    a[k] = i;
                    b[k] = j;
                }
            }
        }
        return new int[][] {a, b};
    }

    @Test
    void cohensKappaMatchesTheWikipediaExample() {
        // Wikipedia, "Cohen's kappa", simple example: 50 applications, both yes 20, A yes B no 5, A no B yes 10,
        // both no 15. pₒ = 35/50 = 0.7, pₑ = 0.5·0.6 + 0.5·0.4 = 0.5, κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
        int[][] ab = fromTable(new long[][] {{20, 5}, {10, 15}});
        assertThat(Agreement.cohenKappa(ab[0], ab[1], 2, KappaWeights.NONE)).isCloseTo(0.4, within(1e-12));
        // with two categories every weighting is the same
        assertThat(Agreement.cohenKappa(ab[0], ab[1], 2, KappaWeights.LINEAR)).isCloseTo(0.4, within(1e-12));
        assertThat(Agreement.cohenKappa(ab[0], ab[1], 2, KappaWeights.QUADRATIC)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void weightedKappasComputedByHand() {
        // rows a, columns b:  11  3  1 | 15      n = 50, column totals 14, 15, 21
        //                      2 10  4 | 16
        //                      1  2 16 | 19
        // unweighted: pₒ = 37/50 = 0.74, pₑ = (15·14 + 16·15 + 19·21)/2500 = 849/2500 = 0.3396,
        //   κ = 0.4004/0.6604 = 77/127 = 0.606299.
        // chance products rᵢcⱼ: at distance 1: 15·15 + 16·14 + 16·21 + 19·15 = 1070; at distance 2:
        //   15·21 + 19·14 = 581. Observed off-diagonal: distance 1: 3 + 2 + 4 + 2 = 11, distance 2: 1 + 1 = 2.
        // linear: 1 − (11 + 2·2)/((1070 + 2·581)/50) = 1 − 15/44.64 = 247/372 = 0.663978.
        // quadratic: 1 − (11 + 4·2)/((1070 + 4·581)/50) = 1 − 19/67.88 = 1222/1697 = 0.720094.
        // (the definitions of sklearn's cohen_kappa_score with weights=None / "linear" / "quadratic")
        int[][] ab = fromTable(new long[][] {{11, 3, 1}, {2, 10, 4}, {1, 2, 16}});
        assertThat(Agreement.cohenKappa(ab[0], ab[1], 3, KappaWeights.NONE)).isCloseTo(77.0 / 127, within(1e-12));
        assertThat(Agreement.cohenKappa(ab[0], ab[1], 3, KappaWeights.LINEAR))
                .isCloseTo(247.0 / 372, within(1e-12));
        assertThat(Agreement.cohenKappa(ab[0], ab[1], 3, KappaWeights.QUADRATIC))
                .isCloseTo(1222.0 / 1697, within(1e-12));
    }

    @Test
    void kappaEdgeCases() {
        int[] same = {0, 1, 2, 2, 1};
        assertThat(Agreement.cohenKappa(same, same, 3, KappaWeights.QUADRATIC)).isEqualTo(1.0);
        // both raters always say 1: chance agreement is 1, kappa undefined
        assertThat(Agreement.cohenKappa(new int[] {1, 1}, new int[] {1, 1}, 3, KappaWeights.NONE)).isNaN();
        assertThat(Agreement.cohenKappa(new int[0], new int[0], 3, KappaWeights.NONE)).isNaN();
        // complete systematic disagreement on two categories: pₒ = 0, pₑ = 0.5, κ = −1
        assertThat(Agreement.cohenKappa(new int[] {0, 1}, new int[] {1, 0}, 2, KappaWeights.NONE)).isEqualTo(-1.0);
        assertThatThrownBy(() -> Agreement.cohenKappa(new int[] {3}, new int[] {0}, 3, KappaWeights.NONE))
                .hasMessage("category 3 is outside 0..2");
        assertThatThrownBy(() -> Agreement.cohenKappa(new int[] {0}, new int[] {0, 1}, 3, KappaWeights.NONE))
                .hasMessageContaining("same items");
        assertThatThrownBy(() -> Agreement.cohenKappa(new int[0], new int[0], 0, KappaWeights.NONE))
                .hasMessageContaining("at least 1");
    }

    @Test
    void pearsonMatchesAnscombesQuartet() {
        // Anscombe (1973), "Graphs in Statistical Analysis", data set I: r = 0.816 (0.8164205 to 7 places)
        double[] x = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        double[] y = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};
        assertThat(Agreement.pearson(x, y)).isCloseTo(0.8164205, within(1e-7));
    }

    @Test
    void spearmanMatchesTheWikipediaExample() {
        // Wikipedia, "Spearman's rank correlation coefficient": IQ against hours of TV per week,
        // Σd² = 194, ρ = 1 − 6·194/(10·99) = −29/165 = −0.175758
        double[] iq = {106, 100, 86, 101, 99, 103, 97, 113, 112, 110};
        double[] tv = {7, 27, 2, 50, 28, 29, 20, 12, 6, 17};
        assertThat(Agreement.spearman(iq, tv)).isCloseTo(-29.0 / 165, within(1e-12));
    }

    @Test
    void correlationsWithTiesComputedByHand() {
        double[] x = {1, 2, 2, 3, 4, 4, 5, 6};
        double[] y = {1, 3, 2, 2, 5, 5, 4, 6};
        // Pearson: x̄ = 27/8, ȳ = 3.5; Sxy = 113 − 27·28/8 = 18.5, Sxx = 111 − 27²/8 = 19.875, Syy = 120 − 98 = 22;
        // r = 18.5/√(19.875·22) = 0.884722
        assertThat(Agreement.pearson(x, y)).isCloseTo(18.5 / Math.sqrt(19.875 * 22), within(1e-12));
        // Spearman with average ranks: x → 1, 2.5, 2.5, 4, 5.5, 5.5, 7, 8; y → 1, 4, 2.5, 2.5, 6.5, 6.5, 5, 8;
        // both have mean 4.5 and S = 41; S_rxry = 35.75; ρ = 35.75/41 = 143/164 = 0.871951
        assertThat(Agreement.spearman(x, y)).isCloseTo(143.0 / 164, within(1e-12));
        // Kendall: the points are (1,1) (2,3) (2,2) (3,2) (4,5) (4,5) (5,4) (6,6). Of the 28 pairs, 3 are discordant
        // ((2,3)-(3,2) and (4,5)-(5,4) twice), 1 is tied in x only ((2,3)-(2,2)), 1 in y only ((2,2)-(3,2)), 1 in
        // both ((4,5)-(4,5)), and the other 22 concordant. n₁ = n₂ = 2 tied pairs on each side, so
        // τ-b = (22 − 3)/√((28 − 2)(28 − 2)) = 19/26 = 0.730769 (τ-a would be 19/28 = 0.678571).
        assertThat(Agreement.kendallTauB(x, y)).isCloseTo(19.0 / 26, within(1e-12));
    }

    @Test
    void correlationsAreUndefinedForConstantOrTooShortInput() {
        double[] constant = {2, 2, 2};
        double[] varying = {1, 2, 3};
        for (double r : new double[] {Agreement.pearson(constant, varying), Agreement.spearman(varying, constant),
                Agreement.kendallTauB(constant, varying), Agreement.pearson(new double[] {1}, new double[] {2}),
                Agreement.kendallTauB(new double[0], new double[0])}) {
            assertThat(r).isNaN();
        }
        assertThat(Agreement.kendallTauB(varying, new double[] {3, 2, 1})).isEqualTo(-1.0);
        assertThatThrownBy(() -> Agreement.spearman(varying, new double[] {1, 2}))
                .hasMessage("need paired values, got 3 and 2");
        assertThatThrownBy(() -> Agreement.pearson(varying, new double[] {1, Double.NaN, 2}))
                .hasMessage("values must be finite, got NaN");
    }

    /** Equal up to rounding, or both undefined. */
    private static void assertSameValue(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-12));
        }
    }

    @Provide
    Arbitrary<double[]> shortScale() {
        return Arbitraries.of(0.0, 0.25, 0.5, 0.75, 1.0).array(double[].class).ofMinSize(2).ofMaxSize(30);
    }

    @Property(tries = 300)
    void correlationsAreSymmetricAndBounded(@ForAll("shortScale") double[] x, @ForAll("shortScale") double[] y) {
        int n = Math.min(x.length, y.length);
        double[] a = Arrays.copyOf(x, n);
        double[] b = Arrays.copyOf(y, n);
        for (double r : new double[] {Agreement.pearson(a, b), Agreement.spearman(a, b), Agreement.kendallTauB(a, b)}) {
            assertThat(Double.isNaN(r) || (r >= -1 && r <= 1)).as("r = %s", r).isTrue();
        }
        assertSameValue(Agreement.kendallTauB(b, a), Agreement.kendallTauB(a, b));
        assertSameValue(Agreement.spearman(b, a), Agreement.spearman(a, b));
    }

    @Property(tries = 300)
    void kappaIsSymmetricInTheRaters(@ForAll @Size(min = 1, max = 30) int[] seeds,
                                     @ForAll @IntRange(min = 1, max = 5) int categories) {
        int[] a = Arrays.stream(seeds).map(s -> Math.floorMod(s, categories)).toArray();
        int[] b = Arrays.stream(seeds).map(s -> Math.floorMod(s / 7, categories)).toArray();
        for (KappaWeights w : KappaWeights.values()) {
            double ab = Agreement.cohenKappa(a, b, categories, w);
            assertSameValue(Agreement.cohenKappa(b, a, categories, w), ab);
            assertThat(Double.isNaN(ab) || ab <= 1 + 1e-12).as("κ = %s", ab).isTrue();
        }
    }
}
