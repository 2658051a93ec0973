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
}
