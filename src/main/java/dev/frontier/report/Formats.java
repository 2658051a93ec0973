package dev.frontier.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting shared by the templates (exposed to them as {@code fmt}). */
public final class Formats {
    Formats() {
    }

    /** Dollars with enough significant digits for tiny per-1k figures; "unknown" for null. */
    public static String money(BigDecimal usd) {
        if (usd == null) {
            return "unknown";
        }
        BigDecimal abs = usd.abs();
        int scale = abs.compareTo(BigDecimal.ONE) >= 0 ? 2 : Math.max(2, 3 - abs.precision() + abs.scale());
        return usd.setScale(Math.min(scale, 6), RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Dollars with thousands separators, for monthly figures. */
    public static String monthly(BigDecimal usd) {
        return usd == null ? "unknown" : String.format(Locale.ROOT, "%,.2f", usd);
    }

    public static String ms(Double ms) {
        return ms == null ? "–" : String.format(Locale.ROOT, "%.0f", ms);
    }

    public static String score(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    public static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Instance forms for the templates. */
    public String m(BigDecimal usd) {
        return money(usd);
    }

    public String mm(BigDecimal usd) {
        return monthly(usd);
    }

    public String s(Double v) {
        return score(v);
    }

    public String t(Double ms) {
        return ms(ms);
    }

    public String p(double share) {
        return pct(share);
    }

    /** Markdown-safe text: characters with meaning in GitHub Markdown or HTML are escaped. */
    public String md(String text) {
        return dev.frontier.model.MarkdownText.escape(text);
    }

}
