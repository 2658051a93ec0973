package dev.frontier.report;

import dev.frontier.results.RunResult;
import java.util.List;
import java.util.Map;

/**
 * The per-item data of the report's explorer as compact JSON, safe to place inside a
 * {@code <script type="application/json">} element: {@code <}, {@code >}, {@code &}, U+2028 and U+2029 are
 * written as {@code \}{@code uXXXX} escapes, so no item text can end the element or start markup, and the script
 * reads it with {@code JSON.parse}.
 *
 * <p>Layout (arrays rather than objects, to keep 10,000-item reports small; report.js reads the same layout):
 * <pre>
 * {"candidates": [{"id", "model", "incumbent", "recommended", "frontier"}...],
 *  "scorers": [scorer id...],
 *  "items": [[id, holdout 0|1, input, [output | null per candidate], {field: value}?]...]}
 * output = [text, error, quality | null, [score | null per scorer], {scorer id: note} | null, latencyMs,
 *           outputTokens]
 * </pre>
 * The fifth element of an item, its value of each sliced field, is there only when the suite declares slices.
 */
final class ExplorerData {
    private ExplorerData() {
    }

    static String json(RunResult result, Verdict verdict, List<RunResult.ItemResult> items) {
        List<RunResult.CandidateResult> candidates = result.candidates();
        List<RunResult.ScorerInfo> scorers = result.scorers();
        StringBuilder out = new StringBuilder(estimate(items));
        out.append("{\"candidates\":[");
        for (int i = 0; i < candidates.size(); i++) {
            RunResult.CandidateResult c = candidates.get(i);
            out.append(i == 0 ? "{" : ",{").append("\"id\":");
            string(out, c.id());
            out.append(",\"model\":");
            string(out, c.modelName());
            out.append(",\"incumbent\":").append(c.incumbent())
                    .append(",\"recommended\":").append(c.id().equals(verdict.recommendationId()))
                    .append(",\"frontier\":").append(c.onFrontier()).append('}');
        }
        out.append("],\"scorers\":[");
        for (int i = 0; i < scorers.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, scorers.get(i).id());
        }
        out.append("],\"items\":[");
        for (int n = 0; n < items.size(); n++) {
            RunResult.ItemResult item = items.get(n);
            out.append(n == 0 ? "\n[" : ",\n[");
            string(out, item.id());
            out.append(',').append(item.holdout() ? 1 : 0).append(',');
            string(out, item.input());
            out.append(",[");
            for (int i = 0; i < candidates.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                output(out, item.outputs().get(candidates.get(i).id()), scorers);
            }
            out.append(']');
            if (!item.slices().isEmpty()) {
                out.append(",{");
                boolean first = true;
                for (Map.Entry<String, String> e : item.slices().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, e.getKey());
                    out.append(':');
                    string(out, e.getValue());
                }
                out.append('}');
            }
            out.append(']');
        }
        return out.append("]}").toString();
    }

    private static void output(StringBuilder out, RunResult.ItemOutput o, List<RunResult.ScorerInfo> scorers) {
        if (o == null) {
            out.append("null");
            return;
        }
        out.append('[');
        string(out, o.text());
        out.append(',');
        string(out, o.error());
        out.append(',');
        number(out, o.quality());
        out.append(",[");
        for (int i = 0; i < scorers.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            number(out, o.scores() == null ? null : o.scores().get(scorers.get(i).id()));
        }
        out.append("],");
        Map<String, String> notes = o.notes();
        if (notes == null || notes.isEmpty()) {
            out.append("null");
        } else {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : notes.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, e.getKey());
                out.append(':');
                string(out, e.getValue());
            }
            out.append('}');
        }
        out.append(',').append(o.latencyMs()).append(',').append(o.usage() == null ? 0 : o.usage().outputTokens())
                .append(']');
    }

    /** A JSON number rounded to four decimals; null for a missing or non-finite value. */
    static void number(StringBuilder out, Double v) {
        if (v == null || !Double.isFinite(v)) {
            out.append("null");
            return;
        }
        long scaled = Math.round(v * 10_000);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / 10_000);
        long frac = scaled % 10_000;
        if (frac != 0) {
            String digits = Long.toString(frac + 10_000).substring(1); // zero-padded to four digits
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
    }

    /** A JSON string that cannot close a script element or be read as markup. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        s = dev.frontier.model.UntrustedText.strip(s); // no ESC or bidi override reaches the page
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '<' -> out.append("\\u003c");
                    case '>' -> out.append("\\u003e");
                    case '&' -> out.append("\\u0026");
                    case '\u2028' -> out.append("\\u2028");
                    case '\u2029' -> out.append("\\u2029");
                    default -> {
                        if (ch < 0x20) {
                            out.append(String.format("\\u%04x", (int) ch));
                        } else {
                            out.append(ch);
                        }
                    }
                }
            }
        }
        out.append('"');
    }

    private static int estimate(List<RunResult.ItemResult> items) {
        long chars = 1024;
        for (RunResult.ItemResult item : items) {
            chars += length(item.input()) + 64;
            for (RunResult.ItemOutput o : item.outputs().values()) {
                chars += length(o.text()) + length(o.error()) + 96;
                if (o.notes() != null) {
                    for (String note : o.notes().values()) {
                        chars += length(note) + 16;
                    }
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, chars);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
