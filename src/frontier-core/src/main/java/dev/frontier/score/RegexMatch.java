package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 1 when the pattern is found anywhere in the output ({@code Matcher.find}; anchor it with {@code ^...$} for a
 * whole-output match). A pattern that backtracks catastrophically on some output gives {@link Score.Failed} after
 * a fixed number of character reads, instead of hanging the run; counting reads keeps that verdict deterministic.
 *
 * @param pattern the compiled pattern
 */
record RegexMatch(Pattern pattern) implements ItemScorer {
    static final long BASE_BUDGET = 20_000_000L;
    static final long BUDGET_PER_CHAR = 200L;
    static final List<String> PARAMETERS = List.of("pattern", "ignoreCase");

    static Scorer from(ParamReader r) {
        boolean ignoreCase = r.bool("ignoreCase", false);
        if (!r.present("pattern")) {
            r.problem("pattern", "is required for regex", "e.g. pattern: '\\brefund(ed)?\\b'");
            return null;
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return r.regex("pattern", flags).map(RegexMatch::new).orElse(null);
    }

    @Override
    public String type() {
        return "regex";
    }

    @Override
    public Score score(Item item, String output) {
        long budget = BASE_BUDGET + BUDGET_PER_CHAR * output.length();
        try {
            Matcher m = pattern.matcher(new BudgetedText(output, new long[] {budget}));
            if (m.find()) {
                return Score.pass(true, "matched '" + Notes.clip(m.group()) + "' at " + m.start());
            }
            return Score.pass(false, "no match for /" + Notes.clip(pattern.pattern()) + "/");
        } catch (BudgetExceeded | StackOverflowError e) {
            return new Score.Failed("pattern /" + Notes.clip(pattern.pattern())
                    + "/ backtracks too much on this output; simplify it");
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    /** A view of the text that counts reads against a budget shared with its subsequences. */
    private record BudgetedText(String text, long[] left) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
