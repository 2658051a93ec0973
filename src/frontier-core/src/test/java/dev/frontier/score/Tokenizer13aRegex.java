package dev.frontier.score;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The regular-expression 13a tokenizer as it was written first, a line-for-line transcription of sacrebleu's
 * {@code tokenizer_13a.py}; kept as the oracle the hand-written {@link Tokenizer13a} is tested against.
 * <p>
 * sacrebleu's default {@code 13a} tokenizer (mteval-v13a, as used by WMT): drops {@code <skipped>}, joins
 * hyphenated line breaks, unescapes four HTML entities, then splits off punctuation and symbols, keeping periods
 * and commas inside numbers together and splitting a dash that follows a digit.
 */
final class Tokenizer13aRegex {
    /** Symbols that always stand alone: ASCII punctuation except {@code ' , - .}. */
    private static final Pattern SYMBOL = Pattern.compile("([{-~\\[-` -&(-+:-@/])");
    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    private Tokenizer13aRegex() {
    }

    /** The tokens of one segment; like sacrebleu, trailing space is stripped first. */
    static List<String> tokenize(String segment) {
        String line = PythonText.rstrip(segment);
        line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (line.indexOf('&') >= 0) {
            line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        line = " " + line + " ";
        line = SYMBOL.matcher(line).replaceAll(" $1 ");
        line = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
        line = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
        line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
        return PythonText.split(line);
    }
}
