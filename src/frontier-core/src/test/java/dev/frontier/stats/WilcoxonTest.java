package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class WilcoxonTest {

    // Hollander & Wolfe (1973), p. 29: Hamilton depression scale before (x) and after (y) tranquilizer; the
    // example of R's ?wilcox.test: V = 40, one-sided p = 0.01953.
    private static final double[] X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    private static final double[] Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    @Test
    void exactSmallSampleMatchesTheTextbook() {
        // |d| ranks: 0.01(1+) 0.08(2−) 0.147(3−) 0.43(4+) 0.49(5+) 0.59(6+) 0.62(7+) 0.952(8+) 1.022(9+);
        // W− = 5, W+ = 40. P(W+ ≥ 40) = P(W− ≤ 5) = #{subsets of 1..9 with sum ≤ 5}/2⁹ = 10/512.
        Wilcoxon.Result greater = Wilcoxon.signedRank(minus(X, Y), Alternative.GREATER);
        assertThat(greater.wPlus()).isEqualTo(40.0);
        assertThat(greater.wMinus()).isEqualTo(5.0);
        assertThat(greater.n()).isEqualTo(9);
        assertThat(greater.pValue()).isCloseTo(10.0 / 512, within(1e-15));
        assertThat(greater.method()).isEqualTo("exact, n=9");

        Wilcoxon.Result twoSided = Wilcoxon.signedRank(minus(X, Y));
        assertThat(twoSided.pValue()).isCloseTo(20.0 / 512, within(1e-15));
        // P(W+ ≤ 40) = 1 − P(W− ≤ 4) = 1 − 7/512
        assertThat(Wilcoxon.signedRank(minus(X, Y), Alternative.LESS).pValue()).isCloseTo(505.0 / 512,
                within(1e-15));
    }

    @Test
    void exactDistributionMatchesTheCriticalValueTable() {
        // n = 10: #{subsets of 1..10 with sum ≤ 8} = 1+1+1+2+2+3+4+5+6 = 25, so P(W+ ≤ 8) = 25/1024 = 0.0244
        // (the tabled one-sided 0.025 critical value). Ranks 1..10 with signs so that W+ = 1 + 7 = 8.
        double[] d = {1, -2, -3, -4, -5, -6, 7, -8, -9, -10};
        Wilcoxon.Result r = Wilcoxon.signedRank(d, Alternative.LESS);
        assertThat(r.wPlus()).isEqualTo(8.0);
        assertThat(r.pValue()).isCloseTo(25.0 / 1024, within(1e-15));
    }

    @Test
    void tiesAndZerosUseTheCorrectedNormalApproximation() {
        // Wikipedia's signed-rank example: differences 15, −7, 5, 20, 0, −9, 17, −12, 5, −10. The zero is dropped
        // (n = 9); |d| 5, 5 tie at rank 1.5. W+ = 1.5 + 1.5 + 7 + 8 + 9 = 27, W− = 18.
        // mean 22.5, var = 9·10·19/24 − (2³ − 2)/48 = 71.125, z = (27 − 22.5 − 0.5)/√71.125 = 0.474295,
        // p = 2(1 − Φ(z)) = 0.63529 (scipy.stats.wilcoxon(..., correction=True, method="approx") agrees).
        double[] d = {15, -7, 5, 20, 0, -9, 17, -12, 5, -10};
        Wilcoxon.Result r = Wilcoxon.signedRank(d);
        assertThat(r.wPlus()).isEqualTo(27.0);
        assertThat(r.wMinus()).isEqualTo(18.0);
        assertThat(r.n()).isEqualTo(9);
        assertThat(r.zeros()).isEqualTo(1);
        assertThat(r.pValue()).isCloseTo(0.63529, within(5e-6));
        assertThat(r.method()).isEqualTo(
                "normal approximation, tie and continuity corrected, n=9, 1 tie group, 1 zero dropped (Wilcoxon)");
    }

    @Test
    void largeSamplesWithoutTiesUseTheContinuityCorrectedNormal() {
        // d = 1..30, all positive: W+ = 465, mean 232.5, var = 30·31·61/24 = 2363.75
        double[] d = new double[30];
        for (int i = 0; i < 30; i++) {
            d[i] = i + 1;
        }
        Wilcoxon.Result r = Wilcoxon.signedRank(d, Alternative.GREATER);
        double z = (465 - 232.5 - 0.5) / Math.sqrt(2363.75);
        assertThat(r.pValue()).isCloseTo(1 - new NormalDistribution().cumulativeProbability(z), within(1e-12));
        assertThat(r.method()).isEqualTo("normal approximation, continuity corrected, n=30");
    }

    @Test
    void differencesEqualUpToRoundingAreTiesAndZeros() {
        // 0.3 − 0.1 and 0.5 − 0.3 differ in the last bit; 0.7 − 0.7 is zero; 0.1 + 0.2 − 0.3 is 5.6e-17
        double[] d = {0.3 - 0.1, 0.5 - 0.3, 0.7 - 0.7, 0.1 + 0.2 - 0.3};
        Wilcoxon.Result r = Wilcoxon.signedRank(d);
        assertThat(r.n()).isEqualTo(2);
        assertThat(r.zeros()).isEqualTo(2);
        assertThat(r.wPlus()).isEqualTo(3.0);
        assertThat(r.method()).contains("1 tie group");
    }

    @Test
    void emptyAllZeroAndSingleDifference() {
        Wilcoxon.Result empty = Wilcoxon.signedRank(new double[0]);
        assertThat(empty.pValue()).isEqualTo(1.0);
        assertThat(empty.n()).isZero();
        assertThat(empty.method()).isEqualTo("no nonzero differences");

        Wilcoxon.Result zeros = Wilcoxon.signedRank(new double[] {0, 0, 0});
        assertThat(zeros.pValue()).isEqualTo(1.0);
        assertThat(zeros.method()).isEqualTo("no nonzero differences, 3 zeros dropped (Wilcoxon)");

        // n = 1: W+ is 0 or 1 with probability ½ each
        Wilcoxon.Result one = Wilcoxon.signedRank(new double[] {0.4});
        assertThat(one.wPlus()).isEqualTo(1.0);
        assertThat(one.pValue()).isEqualTo(1.0);
        assertThat(Wilcoxon.signedRank(new double[] {0.4}, Alternative.GREATER).pValue()).isEqualTo(0.5);
    }

    @Test
    void signFlipSwapsTheOneSidedTails() {
        double[] d = minus(X, Y);
        double[] flipped = minus(Y, X);
        assertThat(Wilcoxon.signedRank(flipped, Alternative.LESS).pValue())
                .isEqualTo(Wilcoxon.signedRank(d, Alternative.GREATER).pValue());
        assertThat(Wilcoxon.signedRank(flipped).pValue()).isEqualTo(Wilcoxon.signedRank(d).pValue());
    }
}
