package dev.frontier.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
                p.append(i == 0 ? "" : "/").append(Notes.fixed(precisions[i], 1));
            }
            return "BLEU " + Notes.fixed(score * 100, 2) + " = " + p + " (BP " + Notes.fixed(brevity, 3) + ", hyp "
                    + stats.hypLength() + ", ref " + stats.refLength() + ")";
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

    /**
     * Tokenizes and counts one segment against its references. The hypothesis's n-grams get dense ids; each
     * reference is tokenized and counted once, and only its n-grams that the hypothesis has are counted (the others
     * cannot clip anything), each against the running maximum over references.
     */
    static Stats segmentStats(String hypothesis, List<String> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("BLEU needs at least one reference");
        }
        List<String> hyp = Tokenizer13a.tokenize(hypothesis);
        int h = hyp.size();
        Map<String, Integer> vocabulary = new HashMap<>();
        int[] tokens = new int[h];
        for (int i = 0; i < h; i++) {
            tokens[i] = vocabulary.computeIfAbsent(hyp.get(i), k -> vocabulary.size());
        }
        // n-gram ids: a unigram's is its token's; longer ones follow, keyed by (prefix id, last token)
        int v = vocabulary.size();
        LongIds longer = new LongIds(3 * h);
        int[] hypCounts = new int[v + 3 * h];
        int[] orderOf = new int[v + 3 * h];
        long[] total = new long[MAX_ORDER];
        for (int i = 0; i < h; i++) {
            int id = tokens[i];
            for (int n = 1; n <= MAX_ORDER && i + n <= h; n++) {
                if (n > 1) {
                    id = v + longer.idOf(LongIds.pack(id, tokens[i + n - 1]));
                }
                hypCounts[id]++;
                orderOf[id] = n;
                total[n - 1]++;
            }
        }
        int grams = v + longer.size();
        int[] maxRefCounts = new int[grams];
        int[] refCounts = new int[grams];
        int[] touched = new int[grams];
        List<Integer> refLengths = new ArrayList<>(references.size());
        for (String reference : references) {
            List<String> ref = Tokenizer13a.tokenize(reference);
            int r = ref.size();
            refLengths.add(r);
            int[] refTokens = new int[r];
            for (int i = 0; i < r; i++) {
                refTokens[i] = vocabulary.getOrDefault(ref.get(i), -1);
            }
            int seen = 0;
            for (int i = 0; i < r; i++) {
                int id = refTokens[i];
                for (int n = 1; n <= MAX_ORDER && i + n <= r && id >= 0; n++) {
                    if (n > 1) {
                        int next = refTokens[i + n - 1];
                        int g = next < 0 ? -1 : longer.find(LongIds.pack(id, next));
                        if (g < 0) {
                            break;
                        }
                        id = v + g;
                    }
                    if (refCounts[id]++ == 0) {
                        touched[seen++] = id;
                    }
                }
            }
            for (int t = 0; t < seen; t++) {
                int id = touched[t];
                maxRefCounts[id] = Math.max(maxRefCounts[id], refCounts[id]);
                refCounts[id] = 0;
            }
        }
        long[] correct = new long[MAX_ORDER];
        for (int id = 0; id < grams; id++) {
            correct[orderOf[id] - 1] += Math.min(hypCounts[id], maxRefCounts[id]);
        }
        return new Stats(h, closest(h, refLengths), correct, total);
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
