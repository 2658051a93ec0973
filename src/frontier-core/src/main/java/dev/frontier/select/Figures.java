package dev.frontier.select;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How numbers are written in verdict reasons. */
final class Figures {
    private Figures() {
    }

    /** A plain decimal without trailing zeros: 0.03, 4, 0.125. */
    static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** Three decimals, or more when needed to tell {@code x} from {@code other} (up to six). */
    static String against(double x, double other) {
        if (Double.isInfinite(x)) {
            return x < 0 ? "-∞" : "+∞";
        }
        for (int decimals = 3; decimals < 6; decimals++) {
            String a = fixed(x, decimals);
            if (!a.equals(fixed(other, decimals))) {
                return a;
            }
        }
        return fixed(x, 6);
    }

    static String fixed(double x, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    /** A signed difference with three decimals: +0.004, -0.061. */
    static String signed(double x) {
        return String.format(Locale.ROOT, "%+.3f", x);
    }

    /** A dollar amount to three significant digits and at least cents: $0.0123, $0.30, $3.00, $1250.00. */
    static String usd(BigDecimal x) {
        BigDecimal rounded = x.round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return "$" + (rounded.scale() < 2 ? rounded.setScale(2, RoundingMode.UNNECESSARY) : rounded).toPlainString();
    }

    /** Milliseconds as seconds to three significant digits: 5.2 s, 4 s. */
    static String seconds(double ms) {
        return new BigDecimal(ms / 1000, new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString() + " s";
    }

    /** A share as a percentage: 97.5 %, 95 %, 98.33 %. */
    static String percent(double share) {
        return new BigDecimal(share * 100, new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /** A count rounded up to two significant digits, as an estimate: 417 → 420, 56 → 56, 1392 → 1400. */
    static long roughlyUp(long n) {
        if (n < 100) {
            return n;
        }
        long unit = 1;
        while (n / unit >= 100) {
            unit *= 10;
        }
        return (n + unit - 1) / unit * unit;
    }
}
