package dev.frontier.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BLEU as sacrebleu 2.x computes it, on a 0–1 scale (sacrebleu's 0–100 divided by 100): 13a tokenization,
 * n-grams up to 4, clipped counts against the per-n-gram maximum over a segment's references, the reference
 * length closest to the hypothesis (shorter wins a tie) for the brevity penalty.
 * <p>
 * {@link #sentence} matches {@code sacrebleu.sentence_bleu} (exp smoothing, effective order); {@link #corpus}
 * matches {@code sacrebleu.corpus_bleu} (statistics summed over segments, then one BLEU). Unlike sacrebleu, whose
 * corpus references are streams (one list per reference set), references here are grouped per hypothesis, and
 * the number of references may vary between hypotheses.
 */
public final class Bleu {
    static final int MAX_ORDER = 4;

    /** sacrebleu's smoothing methods (Chen and Cherry, 2014). */
    enum Smoothing {
        /** No smoothing: an order with no match makes BLEU 0. */
        NONE,
        /** Method 1: a zero count becomes {@code value} (default 0.1). */
        FLOOR,
        /** Method 2: add {@code value} (default 1) to matches and totals for orders above 1. */
        ADD_K,
        /** Method 3, mteval-v13a's: the k-th order with no match gets precision 1/(2^k · total). */
        EXP;

        double defaultValue() {
            return this == FLOOR ? 0.1 : this == ADD_K ? 1.0 : 0.0;
        }
    }

    /**
     * One segment's (or a corpus's summed) sufficient statistics.
     *
     * @param hypLength hypothesis tokens
     * @param refLength closest reference length
     * @param correct   clipped matches per order 1..4
     * @param total     hypothesis n-grams per order 1..4
     */
    record Stats(long hypLength, long refLength, long[] correct, long[] total) {
        static Stats zero() {
            return new Stats(0, 0, new long[MAX_ORDER], new long[MAX_ORDER]);
        }

        Stats plus(Stats other) {
            long[] c = correct.clone();
            long[] t = total.clone();
            for (int i = 0; i < MAX_ORDER; i++) {
                c[i] += other.correct[i];
                t[i] += other.total[i];
            }
            return new Stats(hypLength + other.hypLength, refLength + other.refLength, c, t);
        }
    }

    /**
     * A BLEU value with the parts that explain it.
     *
     * @param score       BLEU in [0, 1]
     * @param precisions  n-gram precisions in percent, as sacrebleu prints them
     * @param brevity     brevity penalty
     * @param stats       the statistics it came from
     */
    record Result(double score, double[] precisions, double brevity, Stats stats) {
        String describe() {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < precisions.length; i++) {
                p.append(i == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.1f", precisions[i]));
            }
            return String.format(Locale.ROOT, "BLEU %.2f = %s (BP %.3f, hyp %d, ref %d)", score * 100, p, brevity,
                    stats.hypLength(), stats.refLength());
        }
    }

    private Bleu() {
    }

    /**
     * Sentence BLEU in [0, 1], as {@code sacrebleu.sentence_bleu(hypothesis, references)} / 100.
     *
     * @throws IllegalArgumentException when there is no reference
     */
    public static double sentence(String hypothesis, List<String> references) {
        return score(segmentStats(hypothesis, references), Smoothing.EXP, 0.0, true).score();
    }

    /**
     * Corpus BLEU in [0, 1], as {@code sacrebleu.corpus_bleu} / 100 with its defaults (exp smoothing, no effective
     * order).
     *
     * @param hypotheses one string per segment
     * @param references for each segment, its references (at least one)
     * @throws IllegalArgumentException when the lists differ in length, are empty, or a segment has no reference
     */
    public static double corpus(List<String> hypotheses, List<List<String>> references) {
        return corpus(hypotheses, references, Smoothing.EXP, 0.0).score();
    }

    static Result corpus(List<String> hypotheses, List<List<String>> references, Smoothing smoothing,
                         double smoothValue) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size()
                    + " reference lists");
        }
        if (hypotheses.isEmpty()) {
            throw new IllegalArgumentException("corpus BLEU of no segments is undefined");
        }
        Stats sum = Stats.zero();
        for (int i = 0; i < hypotheses.size(); i++) {
            sum = sum.plus(segmentStats(hypotheses.get(i), references.get(i)));
        }
        return score(sum, smoothing, smoothValue, false);
    }

    /** Tokenizes and counts one segment against its references. */
    static Stats segmentStats(String hypothesis, List<String> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("BLEU needs at least one reference");
        }
        Map<String, Integer> maxRefCounts = new HashMap<>();
        List<Integer> refLengths = new ArrayList<>(references.size());
        for (String reference : references) {
            List<String> tokens = Tokenizer13a.tokenize(reference);
            refLengths.add(tokens.size());
            for (Map.Entry<String, Integer> e : ngramCounts(tokens).entrySet()) {
                maxRefCounts.merge(e.getKey(), e.getValue(), Math::max);
            }
        }
        List<String> hyp = Tokenizer13a.tokenize(hypothesis);
        long[] correct = new long[MAX_ORDER];
        long[] total = new long[MAX_ORDER];
        for (Map.Entry<String, Integer> e : ngramCounts(hyp).entrySet()) {
            int order = order(e.getKey());
            total[order - 1] += e.getValue();
            Integer ref = maxRefCounts.get(e.getKey());
            if (ref != null) {
                correct[order - 1] += Math.min(e.getValue(), ref);
            }
        }
        return new Stats(hyp.size(), closest(hyp.size(), refLengths), correct, total);
    }

    /** The reference length nearest the hypothesis length; the shorter one on a tie. */
    static int closest(int hypLength, List<Integer> refLengths) {
        int best = -1;
        int bestDiff = -1;
        for (int len : refLengths) {
            int diff = Math.abs(hypLength - len);
            if (bestDiff == -1 || diff < bestDiff || (diff == bestDiff && len < best)) {
                bestDiff = diff;
                best = len;
            }
        }
        return best;
    }

    /** n-grams of orders 1..4 keyed by their tokens joined with a space (13a tokens contain none). */
    private static Map<String, Integer> ngramCounts(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            key.setLength(0);
            for (int n = 1; n <= MAX_ORDER && i + n <= tokens.size(); n++) {
                if (n > 1) {
                    key.append(' ');
                }
                key.append(tokens.get(i + n - 1));
                counts.merge(key.toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int order(String ngram) {
        int order = 1;
        for (int i = 0; i < ngram.length(); i++) {
            if (ngram.charAt(i) == ' ') {
                order++;
            }
        }
        return order;
    }

    /**
     * sacrebleu's {@code compute_bleu}, step for step (including where add-k changes the totals before the
     * zero-total check, and the floored log of a zero precision), then divided by 100 and clamped, since
     * exp(log 100) is a hair above 100 in floating point.
     */
    static Result score(Stats stats, Smoothing smoothing, double smoothValue, boolean effectiveOrder) {
        double k = smoothValue > 0 ? smoothValue : smoothing.defaultValue();
        long sys = stats.hypLength();
        long ref = stats.refLength();
        double brevity = 1.0;
        if (sys < ref) {
            brevity = sys > 0 ? Math.exp(1.0 - (double) ref / sys) : 0.0;
        }
        double[] precisions = new double[MAX_ORDER];
        boolean anyMatch = false;
        for (long c : stats.correct()) {
            anyMatch |= c != 0;
        }
        if (!anyMatch) {
            return new Result(0.0, precisions, brevity, stats);
        }
        double[] correct = new double[MAX_ORDER];
        double[] total = new double[MAX_ORDER];
        for (int i = 0; i < MAX_ORDER; i++) {
            correct[i] = stats.correct()[i];
            total[i] = stats.total()[i];
        }
        double smoothMteval = 1.0;
        int effOrder = MAX_ORDER;
        for (int n = 1; n <= MAX_ORDER; n++) {
            if (smoothing == Smoothing.ADD_K && n > 1) {
                correct[n - 1] += k;
                total[n - 1] += k;
            }
            if (total[n - 1] == 0) {
                break;
            }
            if (effectiveOrder) {
                effOrder = n;
            }
            if (correct[n - 1] == 0) {
                if (smoothing == Smoothing.EXP) {
                    smoothMteval *= 2;
                    precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
                } else if (smoothing == Smoothing.FLOOR) {
                    precisions[n - 1] = 100.0 * k / total[n - 1];
                }
            } else {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }
        double logSum = 0;
        for (int i = 0; i < effOrder; i++) {
            // sacrebleu floors log(0) at -9999999999 instead of -inf
            logSum += precisions[i] == 0.0 ? -9_999_999_999.0 : Math.log(precisions[i]);
        }
        double bleu = brevity * Math.exp(logSum / effOrder);
        return new Result(Rouge.clamp(bleu / 100.0), precisions, brevity, stats);
    }
}
