package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleSizeTest {

    @Test
    void matchesTheClosedForm() {
        // equal quality, σ = 0.15, δ = 0.05, α = 0.05, power 0.8:
        // ((1.644854 + 0.841621) · 0.15 / 0.05)² = 7.459425² = 55.64 → 56
        assertThat(SampleSize.pairedNonInferiority(0, 0.15, 0.05, 0.05, 0.8))
                .isEqualTo(new SampleSize.Items(56));
        // μ = 0.02, σ = 0.2, δ = 0.03, α = 0.025, power 0.9: ((1.959964 + 1.281552) · 0.2 / 0.05)² = 168.12 → 169
        assertThat(SampleSize.pairedNonInferiority(0.02, 0.2, 0.03, 0.025, 0.9))
                .isEqualTo(new SampleSize.Items(169));
        // a worse candidate needs more: μ = −0.02, σ = 0.15, δ = 0.03: (2.486475 · 15)² = 1391.0 → 1392
        assertThat(SampleSize.pairedNonInferiority(-0.02, 0.15, 0.03, 0.05, 0.8))
                .isEqualTo(new SampleSize.Items(1392));
    }

    @Test
    void scoreTestPlanningUsesTheStandardDeviationUnderTheNullToo() {
        // σ0 = √(0.05 · 0.95), σ1 = 0, δ = 0.05, α = 0.025: (1.959964 · 0.217945 / 0.05)² = 3.841459 · 19 = 72.99
        assertThat(SampleSize.pairedNonInferiority(0, Math.sqrt(0.05 * 0.95), 0, 0.05, 0.025, 0.8))
                .isEqualTo(new SampleSize.Items(73));
        // σ0 = σ1 is the one-SD formula
        assertThat(SampleSize.pairedNonInferiority(0, 0.15, 0.15, 0.05, 0.05, 0.8))
                .isEqualTo(SampleSize.pairedNonInferiority(0, 0.15, 0.05, 0.05, 0.8));
    }

    @Test
    void aDifferenceAtOrBelowMinusTheMarginCannotBeShown() {
        SampleSize.Plan atBoundary = SampleSize.pairedNonInferiority(-0.03, 0.1, 0.03, 0.05, 0.8);
        assertThat(atBoundary).isInstanceOf(SampleSize.NotShowable.class);
        assertThat(((SampleSize.NotShowable) atBoundary).reason())
                .isEqualTo("the difference -0.030 is at or below -0.030: no number of items shows non-inferiority");
        assertThat(SampleSize.pairedNonInferiority(-0.2, 0.1, 0.03, 0.05, 0.8))
                .isInstanceOf(SampleSize.NotShowable.class);
        assertThat(SampleSize.pairedNonInferiority(-0.03 + 1e-9, 0.1, 0.03, 0.05, 0.8))
                .isInstanceOf(SampleSize.NotShowable.class);
    }

    @Test
    void noSpreadNeedsOneItemAndBadArgumentsAreRejected() {
        assertThat(SampleSize.pairedNonInferiority(0, 0, 0.03, 0.05, 0.8)).isEqualTo(new SampleSize.Items(1));
        assertThatThrownBy(() -> SampleSize.pairedNonInferiority(0, 0.1, 0, 0.05, 0.8))
                .hasMessageContaining("margin");
        assertThatThrownBy(() -> SampleSize.pairedNonInferiority(0, -0.1, 0.03, 0.05, 0.8))
                .hasMessageContaining("sdDiff");
        assertThatThrownBy(() -> SampleSize.pairedNonInferiority(0, 0.1, 0.03, 0.05, 1))
                .hasMessageContaining("power");
    }
}
