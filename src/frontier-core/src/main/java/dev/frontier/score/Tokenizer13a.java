package dev.frontier.score;

import java.util.ArrayList;
import java.util.List;

/**
 * sacrebleu's default {@code 13a} tokenizer (mteval-v13a, as used by WMT): drops {@code <skipped>}, joins
 * hyphenated line breaks, unescapes four HTML entities, then splits off punctuation and symbols, keeping periods
 * and commas inside numbers together and splitting a dash that follows a digit.
 *
 * <p>sacrebleu applies four regular-expression substitutions in turn; each is done here by one scan over a char
 * array that makes the same non-overlapping, left-to-right matches ({@code Tokenizer13aTest} checks the tokens
 * against the regular expressions on generated and adversarial text). A substitution only ever inserts spaces, and
 * every character class involved is ASCII, so scanning chars rather than code points gives the same matches.
 */
final class Tokenizer13a {

    private Tokenizer13a() {
    }

    /** The tokens of one segment; like sacrebleu, trailing space is stripped first. */
    static List<String> tokenize(String segment) {
        String line = PythonText.rstrip(segment);
        if (line.indexOf('<') >= 0) {
            line = line.replace("<skipped>", "");
        }
        if (line.indexOf('\n') >= 0) {
            line = line.replace("-\n", "").replace("\n", " ");
        }
        if (line.indexOf('&') >= 0) {
            line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        int n = line.length();
        // pass 1, ([{-~\[-` -&(-+:-@/]) -> " \1 ", on " " + line + " " (the added spaces are symbols too)
        char[] a = new char[3 * n + 6];
        int len = 0;
        boolean periodOrComma = false;
        boolean dash = false;
        a[len++] = ' ';
        a[len++] = ' ';
        a[len++] = ' ';
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (isSymbol(c)) {
                a[len++] = ' ';
                a[len++] = c;
                a[len++] = ' ';
            } else {
                a[len++] = c;
                periodOrComma |= c == '.' || c == ',';
                dash |= c == '-';
            }
        }
        a[len++] = ' ';
        a[len++] = ' ';
        a[len++] = ' ';
        if (periodOrComma) {
            char[] b = new char[2 * len];
            len = periodCommaAfterNonDigit(a, len, b);
            a = new char[2 * len];
            len = periodCommaBeforeNonDigit(b, len, a);
        }
        if (dash) {
            char[] b = new char[2 * len];
            len = dashAfterDigit(a, len, b);
            a = b;
        }
        return split(a, len);
    }

    /** ASCII punctuation and symbols except {@code ' , - .}, and the space. */
    private static boolean isSymbol(char c) {
        return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&')
                || (c >= '(' && c <= '+') || (c >= ':' && c <= '@') || c == '/';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPeriodOrComma(char c) {
        return c == '.' || c == ',';
    }

    /** ([^0-9])([.,]) -> "\1 \2 ". */
    private static int periodCommaAfterNonDigit(char[] in, int n, char[] out) {
        int len = 0;
        int i = 0;
        while (i < n) {
            char c = in[i];
            if (i + 1 < n && !isDigit(c) && isPeriodOrComma(in[i + 1])) {
                out[len++] = c;
                out[len++] = ' ';
                out[len++] = in[i + 1];
                out[len++] = ' ';
                i += 2;
            } else {
                out[len++] = c;
                i++;
            }
        }
        return len;
    }

    /** ([.,])([^0-9]) -> " \1 \2". */
    private static int periodCommaBeforeNonDigit(char[] in, int n, char[] out) {
        int len = 0;
        int i = 0;
        while (i < n) {
            char c = in[i];
            if (i + 1 < n && isPeriodOrComma(c) && !isDigit(in[i + 1])) {
                out[len++] = ' ';
                out[len++] = c;
                out[len++] = ' ';
                out[len++] = in[i + 1];
                i += 2;
            } else {
                out[len++] = c;
                i++;
            }
        }
        return len;
    }

    /** ([0-9])(-) -> "\1 \2 ". */
    private static int dashAfterDigit(char[] in, int n, char[] out) {
        int len = 0;
        int i = 0;
        while (i < n) {
            char c = in[i];
            if (i + 1 < n && isDigit(c) && in[i + 1] == '-') {
                out[len++] = c;
                out[len++] = ' ';
                out[len++] = '-';
                out[len++] = ' ';
                i += 2;
            } else {
                out[len++] = c;
                i++;
            }
        }
        return len;
    }

    /** Python's {@code str.split()} over the chars; every Python space is in the BMP, so no surrogate is one. */
    private static List<String> split(char[] chars, int n) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            boolean space = c < 128 ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)
                    : !Character.isSurrogate(c) && PythonText.isSpace(c);
            if (space) {
                if (start >= 0) {
                    tokens.add(new String(chars, start, i - start));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            tokens.add(new String(chars, start, n - start));
        }
        return tokens;
    }
}
