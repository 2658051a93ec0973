package dev.frontier.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void numbersInReasons() {
        assertThat(Figures.usd(new BigDecimal("0.30"))).isEqualTo("$0.30");
        assertThat(Figures.usd(new BigDecimal("3"))).isEqualTo("$3.00");
        assertThat(Figures.usd(new BigDecimal("0.012345"))).isEqualTo("$0.0123");
        assertThat(Figures.usd(new BigDecimal("1254.9"))).isEqualTo("$1250.00");
        assertThat(Figures.seconds(5200)).isEqualTo("5.2 s");
        assertThat(Figures.seconds(4000)).isEqualTo("4 s");
        assertThat(Figures.percent(1 - 0.05 / 3)).isEqualTo("98.33 %");
        assertThat(Figures.percent(0.95)).isEqualTo("95 %");
        assertThat(Figures.plain(0.03)).isEqualTo("0.03");
        assertThat(Figures.signed(0.0041)).isEqualTo("+0.004");
        // a bound just below the margin gets the decimals that tell them apart
        assertThat(Figures.against(-0.0301, -0.03)).isEqualTo("-0.0301");
        assertThat(Figures.against(-0.061, -0.03)).isEqualTo("-0.061");
        assertThat(Figures.against(Double.NEGATIVE_INFINITY, -0.03)).isEqualTo("-∞");
        assertThat(Figures.roughlyUp(417)).isEqualTo(420);
        assertThat(Figures.roughlyUp(56)).isEqualTo(56);
        assertThat(Figures.roughlyUp(1392)).isEqualTo(1400);
        assertThat(Figures.roughlyUp(100)).isEqualTo(100);
    }
}
