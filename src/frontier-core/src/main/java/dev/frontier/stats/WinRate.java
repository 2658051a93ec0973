package dev.frontier.stats;

/**
 * How often one side wins a set of pairwise comparisons, a tie counting half: rate = (wins + ties/2) / n. The
 * standard error is that of the mean of the per-comparison outcomes 1 (win), 0 (loss) and 1/2 (tie), with the
 * sample variance; the interval is the normal approximation, rate ± z·SE, clipped to [0, 1].
 *
 * @param wins          comparisons won
 * @param losses        comparisons lost
 * @param ties          comparisons tied
 * @param rate          (wins + ties/2) / n; {@code NaN} when n = 0
 * @param standardError √(s²/n) with s² the sample variance of the outcomes; {@code NaN} when n &lt; 2
 * @param interval      the two-sided normal-approximation interval (method {@code normal-approximation}); bounds
 *                      {@code NaN} when n &lt; 2, and of zero width when all outcomes are equal
 */
public record WinRate(int wins, int losses, int ties, double rate, double standardError, Interval interval) {

    /**
     * The win rate of the given counts with its interval at {@code confidence}. Example: 6 wins, 3 losses, 1 tie
     * give rate 0.65, s² = 2.025/9 = 0.225, SE = √(0.225/10) = 0.15.
     *
     * @throws IllegalArgumentException when a count is negative, the total exceeds {@link Integer#MAX_VALUE} or
     *                                  confidence is not in (0, 1)
     */
    public static WinRate of(int wins, int losses, int ties, double confidence) {
        if (wins < 0 || losses < 0 || ties < 0) {
            throw new IllegalArgumentException("counts must not be negative, got " + wins + " wins, " + losses
                    + " losses, " + ties + " ties");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1)");
        }
        long total = (long) wins + losses + ties;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many comparisons: " + total);
        }
        // n = 0 makes the rate 0/0 and n = 1 the variance 0/0: NaN, which Math.max and Math.min pass on
        double n = total;
        double rate = (wins + 0.5 * ties) / n;
        double squares = wins * (1 - rate) * (1 - rate) + losses * rate * rate + ties * (0.5 - rate) * (0.5 - rate);
        double se = Math.sqrt(squares / (n - 1) / n);
        double half = StandardNormal.quantile((1 + confidence) / 2) * se;
        Interval interval = new Interval(rate, Math.max(0, rate - half), Math.min(1, rate + half), confidence,
                (int) total, "normal-approximation");
        return new WinRate(wins, losses, ties, rate, se, interval);
    }

    /**
     * The win rate of outcomes in [0, 1], one per comparison: 1 a win, 0 a loss, 0.5 a tie, and anything between
     * the candidate's win probability (a continuous preference). The rate is their mean and the standard error
     * √(s²/n) with their sample variance; wins, losses and ties count the outcomes above, below and at 0.5. For
     * outcomes of 0, 0.5 and 1 only it equals {@link #of}. This is AlpacaEval's weighted win rate: its preferences
     * p in [1, 2] (2 = the evaluated model preferred) give outcomes p − 1, whose mean and standard error of the
     * mean, ×100, are its {@code win_rate} and {@code standard_error}. Example: 0.9, 0.7, 0.5, 0.2 give rate 0.575,
     * s² = 0.2675/3, SE = √(0.2675/12) ≈ 0.1493, 2 wins, 1 tie, 1 loss.
     *
     * @throws IllegalArgumentException when an outcome is not in [0, 1] or confidence is not in (0, 1)
     */
    public static WinRate ofOutcomes(double[] outcomes, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1)");
        }
        int wins = 0;
        int losses = 0;
        int ties = 0;
        double sum = 0;
        for (double o : outcomes) {
            if (!(o >= 0 && o <= 1)) {
                throw new IllegalArgumentException("an outcome must be in [0, 1], got " + o);
            }
            sum += o;
            if (o > 0.5) {
                wins++;
            } else if (o < 0.5) {
                losses++;
            } else {
                ties++;
            }
        }
        double n = outcomes.length;
        double rate = sum / n;
        double squares = 0;
        for (double o : outcomes) {
            squares += (o - rate) * (o - rate);
        }
        double se = Math.sqrt(squares / (n - 1) / n);
        double half = StandardNormal.quantile((1 + confidence) / 2) * se;
        Interval interval = new Interval(rate, Math.max(0, rate - half), Math.min(1, rate + half), confidence,
                outcomes.length, "normal-approximation");
        return new WinRate(wins, losses, ties, rate, se, interval);
    }
}
