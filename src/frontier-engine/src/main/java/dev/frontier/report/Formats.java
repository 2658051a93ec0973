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

    /** A monthly difference with its sign: "−$3,482.83", "+$12.00"; "–" for null. */
    public static String monthlyDelta(BigDecimal usd) {
        if (usd == null) {
            return "–";
        }
        return (usd.signum() < 0 ? "\u2212$" : "+$") + monthly(usd.abs());
    }

    public static String ms(Double ms) {
        return ms == null ? "–" : String.format(Locale.ROOT, "%.0f", ms);
    }

    public static String score(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** A share as a whole percentage, except that a share just short of all (or just above none) says so. */
    public static String pct(double share) {
        double p = share * 100;
        if (p >= 99.5 && p < 100) {
            return String.format(Locale.ROOT, "%.1f%%", Math.min(Math.floor(p * 10) / 10, 99.9));
        }
        if (p > 0 && p < 0.5) {
            return "<1%";
        }
        return String.format(Locale.ROOT, "%.0f%%", p);
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

    /** A factor, e.g. {@code 3.25 ×}: at most two decimals. */
    public String x(Double factor) {
        return factor == null ? "–" : BigDecimal.valueOf(factor).setScale(2, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString() + " ×";
    }

    public String p(Double share) {
        return share == null ? "–" : pct(share);
    }

    public String dm(BigDecimal usd) {
        return monthlyDelta(usd);
    }

    /**
     * What a prompt router candidate's answers were served by: "routed: 62 % nova-lite, 38 % nova-pro" (largest
     * share first, as the record keeps them); "" for a candidate that is not a router.
     */
    public static String routedShares(java.util.Map<?, ?> servedBy) {
        if (servedBy == null || servedBy.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("routed: ");
        servedBy.forEach((model, share) -> out.append(out.length() > "routed: ".length() ? ", " : "")
                .append(pct(((Number) share).doubleValue()).replace("%", " %")).append(' ')
                .append(shortModel(String.valueOf(model))));
        return out.toString();
    }

    /**
     * A model id without its provider, profile prefix and version: {@code nova-lite} for
     * {@code us.amazon.nova-lite-v1:0}, {@code claude-3-haiku-20240307} for
     * {@code anthropic.claude-3-haiku-20240307-v1:0}.
     */
    static String shortModel(String id) {
        String s = id.replaceFirst("^(?:us-gov|us|eu|apac|jp|au|ca|global)\\.(?=[a-z0-9-]+\\.)", "");
        int dot = s.indexOf('.');
        s = dot < 0 ? s : s.substring(dot + 1);
        return s.replaceFirst("-v[0-9]+(?::[0-9]+)?$", "");
    }

    public String routed(java.util.Map<?, ?> servedBy) {
        return routedShares(servedBy);
    }

    /** Markdown-safe text: characters with meaning in GitHub Markdown or HTML are escaped. */
    public String md(String text) {
        return dev.frontier.model.MarkdownText.escape(text);
    }

}
