package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.model.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum exactly as Google's rouge-score ({@code rouge_scorer.RougeScorer})
 * computes them: its tokenizer, n-gram clipping, LCS, and the summary-level union-LCS of ROUGE-Lsum with the
 * same backtracking (which LCS is picked changes the union). With several references, {@code max} reports the
 * reference with the best F-measure, as {@code score_multi} does, and {@code mean} averages the chosen measure.
 *
 * @param variant    which ROUGE
 * @param references reference templates, at least one
 * @param stemming   Porter-stem tokens longer than three characters
 * @param measure    which of precision, recall and F the score reports
 * @param aggregate  how several references combine
 * @param splitSentences ROUGE-Lsum only: put each sentence of output and references on its own line first (after
 *                   '.', '!' or '?' and white space), for text that is not already one sentence per line, as
 *                   rouge-score's {@code split_summaries} does with nltk's sentence splitter (they agree on
 *                   ordinary prose; Punkt also knows abbreviations such as "e.g.", this rule does not)
 */
record Rouge(Variant variant, List<Template> references, boolean stemming, Measure measure, Aggregate aggregate,
             boolean splitSentences) implements ItemScorer {

    private static final java.util.regex.Pattern SENTENCE_END =
            java.util.regex.Pattern.compile("(?<=[.!?][\"')\\]]?)[ \\t]+(?=\\S)");

    /** Above this many LCS cells a pair of texts is refused rather than tying up a worker for minutes. */
    static final long MAX_LCS_CELLS = 200_000_000L;
    /** ROUGE-Lsum keeps whole tables for backtracking; this bounds one table's memory (80 MB). */
    static final long MAX_TABLE_CELLS = 20_000_000L;

    /** The four ROUGE flavours, by their kebab-case type names. */
    enum Variant {
        ROUGE_1("rouge-1"), ROUGE_2("rouge-2"), ROUGE_L("rouge-l"), ROUGE_LSUM("rouge-lsum");

        final String type;

        Variant(String type) {
            this.type = type;
        }
    }

    /** Which number of the precision/recall/F triple is the score. */
    enum Measure {
        F, PRECISION, RECALL;

        double of(Prf prf) {
            return switch (this) {
                case F -> prf.f();
                case PRECISION -> prf.precision();
                case RECALL -> prf.recall();
            };
        }
    }

    /** How scores against several references combine. */
    enum Aggregate {
        MAX, MEAN
    }

    /** Precision, recall and their harmonic mean. */
    record Prf(double precision, double recall, double f) {
        static final Prf ZERO = new Prf(0, 0, 0);

        static Prf of(double precision, double recall) {
            double sum = precision + recall;
            return new Prf(precision, recall, sum > 0 ? 2 * precision * recall / sum : 0.0);
        }
    }

    /** A pair of texts too long to compare within the cell budget. */
    static final class TooLong extends RuntimeException {
        TooLong(String message) {
            super(message, null, false, false);
        }
    }

    static final List<String> PARAMETERS = List.of("reference", "references", "stemming", "measure", "aggregate");
    static final List<String> LSUM_PARAMETERS = List.of("reference", "references", "stemming", "measure",
            "aggregate", "splitSentences");

    Rouge {
        references = List.copyOf(references);
    }

    static Scorer from(ParamReader r, Variant variant) {
        var refs = r.oneOrMany("reference", "references", "\"{{summary}}\"");
        boolean stemming = r.bool("stemming", false);
        Measure measure = r.choice("measure", Measure.class, Measure.F);
        Aggregate aggregate = r.choice("aggregate", Aggregate.class, Aggregate.MAX);
        boolean split = variant == Variant.ROUGE_LSUM && r.bool("splitSentences", false);
        return refs.map(t -> new Rouge(variant, t, stemming, measure, aggregate, split)).orElse(null);
    }

    @Override
    public String type() {
        return variant.type;
    }

    @Override
    public Score score(Item item, String output) {
        List<String> targets;
        try {
            targets = Template.renderAll(references, item);
        } catch (IllegalArgumentException e) {
            return new Score.Failed(e.getMessage());
        }
        try {
            int best = 0;
            double bestF = -1;
            double sum = 0;
            List<Prf> all = new ArrayList<>(targets.size());
            // the output is tokenized once per item, whatever the number of references
            RougeTokenizer.Vocabulary vocab = new RougeTokenizer.Vocabulary();
            Tokens prediction = Tokens.of(variant, splitSentences ? oneSentencePerLine(output) : output, stemming,
                    vocab);
            for (String target : targets) {
                Tokens t = Tokens.of(variant, splitSentences ? oneSentencePerLine(target) : target, stemming, vocab);
                Prf prf = compare(variant, t, prediction, vocab.size());
                if (prf.f() > bestF) { // first of equals wins, like numpy's argmax in score_multi
                    bestF = prf.f();
                    best = all.size();
                }
                all.add(prf);
                sum += measure.of(prf);
            }
            double value = aggregate == Aggregate.MAX ? measure.of(all.get(best)) : sum / all.size();
            return new Score.Value(clamp(value), note(all, best));
        } catch (TooLong e) {
            return new Score.Failed(e.getMessage());
        }
    }

    private String note(List<Prf> all, int best) {
        Prf shown = all.get(best);
        String note = variant.type + " P " + Notes.fixed(shown.precision(), 4) + " R "
                + Notes.fixed(shown.recall(), 4) + " F " + Notes.fixed(shown.f(), 4);
        if (all.size() > 1) {
            note += aggregate == Aggregate.MAX
                    ? " (reference " + (best + 1) + " of " + all.size() + ", best F)"
                    : " (reference " + (best + 1) + " of " + all.size() + " shown; score is the mean)";
        }
        return note;
    }

    /** Each sentence on its own line: a line break replaces the spaces after '.', '!' or '?'. */
    static String oneSentencePerLine(String text) {
        return SENTENCE_END.matcher(text).replaceAll("\n");
    }

    static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    /** One target against one prediction; the target plays rouge-score's {@code target} role (recall side). */
    static Prf compute(Variant variant, String target, String prediction, boolean stemming) {
        RougeTokenizer.Vocabulary vocab = new RougeTokenizer.Vocabulary();
        Tokens t = Tokens.of(variant, target, stemming, vocab);
        Tokens p = Tokens.of(variant, prediction, stemming, vocab);
        return compare(variant, t, p, vocab.size());
    }

    private static Prf compare(Variant variant, Tokens target, Tokens prediction, int vocabularySize) {
        return switch (variant) {
            case ROUGE_1 -> ngrams(target.all(), prediction.all(), 1);
            case ROUGE_2 -> ngrams(target.all(), prediction.all(), 2);
            case ROUGE_L -> lcs(target.all(), prediction.all());
            case ROUGE_LSUM -> summaryLcs(target.sentences(), prediction.sentences(), vocabularySize);
        };
    }

    /**
     * One text's token ids: all of them, or for ROUGE-Lsum one array per line.
     *
     * @param all       the tokens in order (empty for ROUGE-Lsum)
     * @param sentences the tokens of each non-empty line (ROUGE-Lsum only)
     */
    private record Tokens(int[] all, List<int[]> sentences) {
        static Tokens of(Variant variant, String text, boolean stemming, RougeTokenizer.Vocabulary vocab) {
            return variant == Variant.ROUGE_LSUM
                    ? new Tokens(new int[0], RougeTokenizer.sentenceIds(text, stemming, vocab))
                    : new Tokens(RougeTokenizer.ids(text, stemming, vocab), List.of());
        }
    }

    /**
     * ROUGE-N (n = 1 or 2) with clipped counts; an empty side gives zeros rather than a division by zero. The
     * prediction's n-grams are counted, and each target n-gram takes one of its count while any is left, which sums
     * min(target count, prediction count) over n-grams.
     */
    static Prf ngrams(int[] target, int[] prediction, int n) {
        long overlap = 0;
        if (n == 1) {
            int size = 0;
            for (int t : prediction) {
                size = Math.max(size, t + 1);
            }
            int[] counts = new int[size];
            for (int t : prediction) {
                counts[t]++;
            }
            for (int t : target) {
                if (t < size && counts[t] > 0) {
                    counts[t]--;
                    overlap++;
                }
            }
        } else {
            LongIds ids = new LongIds(prediction.length);
            int[] counts = new int[Math.max(prediction.length, 1)];
            for (int i = 0; i + 1 < prediction.length; i++) {
                counts[ids.idOf(LongIds.pack(prediction[i], prediction[i + 1]))]++;
            }
            for (int i = 0; i + 1 < target.length; i++) {
                int id = ids.find(LongIds.pack(target[i], target[i + 1]));
                if (id >= 0 && counts[id] > 0) {
                    counts[id]--;
                    overlap++;
                }
            }
        }
        int targetTotal = Math.max(target.length - n + 1, 0);
        int predictionTotal = Math.max(prediction.length - n + 1, 0);
        return Prf.of((double) overlap / Math.max(predictionTotal, 1), (double) overlap / Math.max(targetTotal, 1));
    }

    /** ROUGE-L: the LCS length over each side's length. */
    static Prf lcs(int[] target, int[] prediction) {
        if (target.length == 0 || prediction.length == 0) {
            return Prf.ZERO;
        }
        checkCells((long) target.length * prediction.length, MAX_LCS_CELLS);
        // two rows suffice for the length
        int[] previous = new int[prediction.length + 1];
        int[] current = new int[prediction.length + 1];
        for (int t : target) {
            for (int j = 1; j <= prediction.length; j++) {
                current[j] = t == prediction[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int length = previous[prediction.length];
        return Prf.of((double) length / prediction.length, (double) length / target.length);
    }

    /**
     * ROUGE-Lsum: for each target sentence, the union of its LCS tokens with every predicted sentence, each token
     * counted at most as often as it occurs on both sides (ROUGE 1.5.5's guard against double counting).
     */
    static Prf summaryLcs(List<int[]> targetSentences, List<int[]> predictionSentences, int vocabularySize) {
        if (targetSentences.isEmpty() || predictionSentences.isEmpty()) {
            return Prf.ZERO;
        }
        int m = 0;
        int[] targetCounts = new int[vocabularySize];
        for (int[] s : targetSentences) {
            m += s.length;
            for (int t : s) {
                targetCounts[t]++;
            }
        }
        int n = 0;
        int[] predictionCounts = new int[vocabularySize];
        for (int[] s : predictionSentences) {
            n += s.length;
            for (int t : s) {
                predictionCounts[t]++;
            }
        }
        if (m == 0 || n == 0) {
            return Prf.ZERO;
        }
        long work = 0;
        for (int[] r : targetSentences) {
            for (int[] c : predictionSentences) {
                long cells = (long) (r.length + 1) * (c.length + 1);
                checkCells(cells, MAX_TABLE_CELLS);
                work += cells;
            }
        }
        checkCells(work, MAX_LCS_CELLS);

        int hits = 0;
        for (int[] r : targetSentences) {
            boolean[] inUnion = new boolean[r.length];
            for (int[] c : predictionSentences) {
                markLcs(r, c, inUnion);
            }
            for (int i = 0; i < r.length; i++) {
                int token = r[i];
                if (inUnion[i] && predictionCounts[token] > 0 && targetCounts[token] > 0) {
                    hits++;
                    predictionCounts[token]--;
                    targetCounts[token]--;
                }
            }
        }
        return Prf.of((double) hits / n, (double) hits / m);
    }

    /**
     * Marks the positions of {@code ref} in one LCS with {@code can}, read back from the full table with
     * rouge-score's tie-break (move left only when that cell is strictly larger than the one above).
     */
    private static void markLcs(int[] ref, int[] can, boolean[] marks) {
        int rows = ref.length;
        int cols = can.length;
        int width = cols + 1;
        int[] table = new int[(rows + 1) * width];
        for (int i = 1; i <= rows; i++) {
            for (int j = 1; j <= cols; j++) {
                table[i * width + j] = ref[i - 1] == can[j - 1]
                        ? table[(i - 1) * width + j - 1] + 1
                        : Math.max(table[(i - 1) * width + j], table[i * width + j - 1]);
            }
        }
        int i = rows;
        int j = cols;
        while (i > 0 && j > 0) {
            if (ref[i - 1] == can[j - 1]) {
                marks[i - 1] = true;
                i--;
                j--;
            } else if (table[i * width + j - 1] > table[(i - 1) * width + j]) {
                j--;
            } else {
                i--;
            }
        }
    }

    private static void checkCells(long cells, long limit) {
        if (cells > limit) {
            throw new TooLong("texts too long to compare (" + cells + " LCS cells, limit " + limit + ")");
        }
    }
}
