package dev.frontier.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private static final List<Double> THREE_POINTS = List.of(0.0, 0.5, 1.0);

    private static Rating rating(String item, String candidate, double scorer, double human) {
        return new Rating(item, candidate, scorer, human);
    }

    @Test
    void aScorerThatAgreesWithPeopleScoresOneEverywhere() {
        // 3 items × 3 candidates on [0, 0.5, 1], scorer == human, no item constant; candidate means differ
        double[][] scores = {{0, 0.5, 1}, {0.5, 0.5, 1}, {0, 1, 1}};
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                ratings.add(rating("item" + i, "cand" + c, scores[i][c], scores[i][c]));
            }
        }
        Calibration cal = Calibration.of(ratings, THREE_POINTS);
        Measures item = cal.itemLevel();
        assertThat(item.n()).isEqualTo(9);
        assertThat(List.of(item.pearson(), item.spearman(), item.kendallTauB(), item.kappa(), item.kappaLinear(),
                item.kappaQuadratic())).allSatisfy(v -> assertThat(v).isCloseTo(1.0, within(1e-12)));
        assertThat(cal.summaryItemsUsed()).isEqualTo(3);
        assertThat(cal.summaryItemsSkipped()).isZero();
        Measures summary = cal.summaryLevel();
        assertThat(summary.n()).isEqualTo(3);
        assertThat(List.of(summary.pearson(), summary.spearman(), summary.kendallTauB()))
                .allSatisfy(v -> assertThat(v).isCloseTo(1.0, within(1e-12)));
        assertThat(List.of(summary.kappa(), summary.kappaLinear(), summary.kappaQuadratic())).allMatch(v -> v.isNaN());
        Measures system = cal.systemLevel();
        assertThat(system.n()).isEqualTo(3);
        assertThat(system.pearson()).isCloseTo(1.0, within(1e-12));
        assertThat(system.kappa()).isNaN();
        ConfusionMatrix confusion = cal.confusion().orElseThrow();
        assertThat(confusion.labels()).containsExactly("0", "0.5", "1");
        // human 0: 2, 0.5: 3, 1: 4, all on the diagonal
        assertThat(confusion.counts()).isDeepEqualTo(new long[][] {{2, 0, 0}, {0, 3, 0}, {0, 0, 4}});
        assertThat(confusion.total()).isEqualTo(9);
        assertThat(confusion.accuracy()).isEqualTo(1.0);
    }

    @Test
    void summaryLevelSkipsItemsWithoutVariationOrASecondCandidate() {
        List<Rating> ratings = List.of(
                // a: scorer 1, 2, 3 against human 1, 3, 2. x̄ = ȳ = 2, Sxy = 1, Sxx = Syy = 2: r = ρ = 0.5;
                // pairs (A,B) and (A,C) concordant, (B,C) discordant: τ-b = 1/3
                rating("a", "A", 1, 1), rating("a", "B", 2, 3), rating("a", "C", 3, 2),
                // b: perfect agreement, 1 on every measure
                rating("b", "A", 1, 1), rating("b", "B", 2, 2), rating("b", "C", 3, 3),
                // c: people gave everything the same score; d: a single candidate
                rating("c", "A", 1, 2), rating("c", "B", 3, 2), rating("c", "C", 2, 2),
                rating("d", "A", 1, 1));
        Calibration cal = Calibration.of(ratings, List.of());
        assertThat(cal.summaryItemsUsed()).isEqualTo(2);
        assertThat(cal.summaryItemsSkipped()).isEqualTo(2);
        Measures summary = cal.summaryLevel();
        assertThat(summary.n()).isEqualTo(2);
        assertThat(summary.pearson()).isCloseTo((0.5 + 1) / 2, within(1e-12));
        assertThat(summary.spearman()).isCloseTo((0.5 + 1) / 2, within(1e-12));
        assertThat(summary.kendallTauB()).isCloseTo((1.0 / 3 + 1) / 2, within(1e-12));
        // no scale: no kappas, no confusion matrix
        assertThat(cal.itemLevel().n()).isEqualTo(10);
        assertThat(cal.itemLevel().kappa()).isNaN();
        assertThat(cal.itemLevel().kappaQuadratic()).isNaN();
        assertThat(cal.confusion()).isEmpty();
    }

    @Test
    void systemLevelCorrelatesPerCandidateMeans() {
        // candidate means, scorer: A (0 + 0.5)/2 = 0.25, B 0.5, C 0.75; human: A 0.25, B (0.5 + 1)/2 = 0.75,
        // C (0.25 + 0.75)/2 = 0.5. These rank like 1, 2, 3 against 1, 3, 2: r = ρ = 0.5, τ-b = 1/3 (as above).
        List<Rating> ratings = List.of(
                rating("x", "A", 0, 0.25), rating("y", "A", 0.5, 0.25),
                rating("x", "B", 0.5, 0.5), rating("y", "B", 0.5, 1),
                rating("x", "C", 0.75, 0.25), rating("y", "C", 0.75, 0.75));
        Measures system = Calibration.of(ratings, List.of()).systemLevel();
        assertThat(system.n()).isEqualTo(3);
        assertThat(system.pearson()).isCloseTo(0.5, within(1e-12));
        assertThat(system.spearman()).isCloseTo(0.5, within(1e-12));
        assertThat(system.kendallTauB()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void valuesAreMappedToTheNearestScalePointForKappasAndTheConfusionMatrix() {
        // (human, scorer) → scale indexes on [0, 0.5, 1]; 0.3 is nearest 0.5, 0.75 is midway and goes down.
        List<Rating> ratings = List.of(
                rating("1", "m", 0.1, 0), // (0, 0)
                rating("2", "m", 0.3, 0.5), // (1, 1)
                rating("3", "m", 0.75, 1), // (2, 1)
                rating("4", "m", 0.5, 0.5), // (1, 1)
                rating("5", "m", 1, 1), // (2, 2)
                rating("6", "m", 0.6, 0)); // (0, 1)
        Calibration cal = Calibration.of(ratings, List.of(1.0, 0.0, 0.5));
        // rows human, columns scorer; row totals 2, 2, 2, column totals 1, 4, 1
        ConfusionMatrix confusion = cal.confusion().orElseThrow();
        assertThat(confusion.counts()).isDeepEqualTo(new long[][] {{1, 1, 0}, {0, 2, 0}, {0, 1, 1}});
        assertThat(confusion.accuracy()).isCloseTo(4.0 / 6, within(1e-15));
        // pₒ = 4/6, pₑ = (2·1 + 2·4 + 2·1)/36 = 1/3: κ = (2/3 − 1/3)/(2/3) = 0.5.
        // linear: observed Σ|i−j|·o = 2; chance Σ|i−j|·rᵢcⱼ/n = (2·4 + 2·1 + 2·1 + 2·4 + 2·(2·1 + 2·1))/6 = 28/6;
        // κ = 1 − 2/(28/6) = 4/7. quadratic: chance (20 + 4·4)/6 = 6, κ = 1 − 2/6 = 2/3.
        Measures item = cal.itemLevel();
        assertThat(item.kappa()).isCloseTo(0.5, within(1e-12));
        assertThat(item.kappaLinear()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(item.kappaQuadratic()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void noRatingsGiveUndefinedMeasures() {
        Calibration cal = Calibration.of(List.of(), THREE_POINTS);
        assertThat(cal.itemLevel().n()).isZero();
        assertThat(cal.itemLevel().pearson()).isNaN();
        assertThat(cal.itemLevel().kappa()).isNaN();
        assertThat(cal.summaryLevel().pearson()).isNaN();
        assertThat(cal.summaryItemsUsed()).isZero();
        assertThat(cal.systemLevel().n()).isZero();
        assertThat(cal.confusion().orElseThrow().total()).isZero();
        assertThat(cal.confusion().orElseThrow().accuracy()).isNaN();
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> Calibration.of(List.of(rating("a", "A", 1, 1), rating("a", "A", 0, 0)), List.of()))
                .hasMessage("item a, candidate A is rated twice");
        assertThatThrownBy(() -> Calibration.of(List.of(), List.of(0.0, 1.0, -0.0)))
                .hasMessage("scale point 0.0 is repeated");
        assertThatThrownBy(() -> Calibration.of(List.of(), List.of(0.0, Double.POSITIVE_INFINITY)))
                .hasMessage("scale points must be finite, got Infinity");
        assertThatThrownBy(() -> rating("a", "A", Double.NaN, 1))
                .hasMessage("scores of item a, candidate A must be finite, got scorer NaN and human 1.0");
    }
}
