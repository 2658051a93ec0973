package dev.frontier.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Keeps score notes short enough to read in a report row, and cheap to write for every item. */
final class Notes {
    static final int MAX = 80;
    private static final double[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    // within this of a half the product x·10^d may sit on either side of the decimal tie: decide by digits
    private static final double NEAR_TIE = 1e-6;

    private Notes() {
    }

    static String clip(String text) {
        return clip(text, MAX);
    }

    /** {@code text} on one line, cut after {@code max} characters. */
    static String clip(String text, int max) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        if (oneLine.length() <= max) {
            return oneLine;
        }
        int end = max;
        if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
            end--;
        }
        return oneLine.substring(0, end) + "…";
    }

    /**
     * {@code String.format(Locale.ROOT, "%.<decimals>f", x)}, the same characters, without parsing a format.
     * Java rounds the shortest decimal that reads back as {@code x} half up; away from a tie the product
     * {@code x·10^decimals} rounds the same way, and near one (or for negative, huge or non-finite values) the digits
     * are asked for as {@code String.format} would work them out.
     */
    static String fixed(double x, int decimals) {
        double scaled = x * POWERS[decimals];
        if (!(scaled >= 0 && scaled < 1e9) || (scaled == 0 && 1 / x < 0)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", x);
        }
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        long units;
        if (Math.abs(fraction - 0.5) < NEAR_TIE) {
            units = new BigDecimal(Double.toString(x)).setScale(decimals, RoundingMode.HALF_UP).unscaledValue()
                    .longValueExact();
        } else {
            units = (long) floor + (fraction > 0.5 ? 1 : 0);
        }
        StringBuilder out = new StringBuilder(12);
        long power = (long) POWERS[decimals];
        out.append(units / power);
        if (decimals > 0) {
            out.append('.');
            String digits = Long.toString(units % power);
            for (int i = digits.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        return out.toString();
    }
}
