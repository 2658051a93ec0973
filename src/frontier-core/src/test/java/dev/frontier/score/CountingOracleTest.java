package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The counting shortcuts of BLEU and ROUGE (dense n-gram ids, references counted only where the hypothesis has the
 * n-gram, the output tokenized once per item) against the plain counting they replaced, written here as the oracle;
 * and the notes' number formatting against {@code String.format}.
 */
class CountingOracleTest {
    private static final List<String> WORDS = List.of("the", "cat", "sat", "on", "a", "mat", "3.50", "1,000", "-",
            "well-known", "it's", ".", ",", "!", "naïve", "日本", "The", "cat.", "2024-", "(x)");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Combinators.combine(Arbitraries.of(WORDS), Arbitraries.of(" ", " ", "\n", "  "))
                .as((w, s) -> w + s);
        return piece.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 1000)
    void bleuStatisticsEqualPlainCounting(@ForAll("texts") String hypothesis,
                                          @ForAll("references") List<String> references) {
        Bleu.Stats fast = Bleu.segmentStats(hypothesis, references);
        Bleu.Stats plain = plainStats(hypothesis, references);
        assertThat(fast.hypLength()).isEqualTo(plain.hypLength());
        assertThat(fast.refLength()).isEqualTo(plain.refLength());
        assertThat(fast.correct()).isEqualTo(plain.correct());
        assertThat(fast.total()).isEqualTo(plain.total());
    }

    @Provide
    Arbitrary<List<String>> references() {
        return texts().list().ofMinSize(1).ofMaxSize(11);
    }

    @Property(tries = 1000)
    void rougeNEqualsPlainClippedCounting(@ForAll("texts") String target, @ForAll("texts") String prediction) {
        for (int n = 1; n <= 2; n++) {
            Rouge.Prf fast = Rouge.compute(n == 1 ? Rouge.Variant.ROUGE_1 : Rouge.Variant.ROUGE_2, target,
                    prediction, false);
            List<String> t = RougeTokenizer.tokenize(target, false);
            List<String> p = RougeTokenizer.tokenize(prediction, false);
            Map<String, Integer> tc = grams(t, n, n);
            Map<String, Integer> pc = grams(p, n, n);
            long overlap = 0;
            for (Map.Entry<String, Integer> e : tc.entrySet()) {
                overlap += Math.min(e.getValue(), pc.getOrDefault(e.getKey(), 0));
            }
            Rouge.Prf plain = Rouge.Prf.of((double) overlap / Math.max(p.size() - n + 1, 1),
                    (double) overlap / Math.max(t.size() - n + 1, 1));
            assertThat(fast).as("rouge-%d", n).isEqualTo(plain);
        }
    }

    @Property(tries = 300)
    void severalReferencesScoreAsEachAlone(@ForAll("texts") String output, @ForAll("references") List<String> refs) {
        // the output is tokenized once and its ids shared across references: each reference's F is still its own
        Map<String, String> fields = new HashMap<>();
        List<dev.frontier.model.Template> templates = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            fields.put("r" + i, refs.get(i));
            templates.add(new dev.frontier.model.Template("{{r" + i + "}}"));
        }
        dev.frontier.model.Item item = new dev.frontier.model.Item("x", fields);
        for (Rouge.Variant v : Rouge.Variant.values()) {
            double best = -1;
            for (String ref : refs) {
                best = Math.max(best, Rouge.compute(v, ref, output, false).f());
            }
            Rouge rouge = new Rouge(v, templates, false, Rouge.Measure.F, Rouge.Aggregate.MAX, false);
            assertThat(((dev.frontier.model.Score.Value) rouge.score(item, output)).value()).as(v.type)
                    .isEqualTo(Rouge.clamp(best));
        }
    }

    @Provide
    Arbitrary<String> unicode() {
        Arbitrary<String> piece = Arbitraries.of("Running", "THE", "cats", "x", "2nd", " ", "  ", "\n", "-", "'s",
                "\u0130stanbul", "\u0130", "\u212Aelvin", "\u212B", "stra\u00dfe", "\u03a3\u039f\u03a3", "\uff21\uff22",
                "caf\u00e9", "\ud83d\ude00", "\ud83d", "\u00a0", "e\u0301", "DZ\u01c5", "generalization", "happily");
        return Arbitraries.oneOf(piece.list().ofMaxSize(30).map(parts -> String.join("", parts)),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Property(tries = 2000)
    void rougeTokensAreThoseOfLowerCasingTheWholeText(@ForAll("unicode") String text, @ForAll boolean stemming) {
        // the tokenizer as first written: lower-case the whole text, split on everything outside [a-z0-9]
        List<String> expected = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            String kept = stemming && token.length() > 3 ? PorterStemmer.stem(token) : token;
            if (!kept.isEmpty()) {
                expected.add(kept);
            }
        }
        assertThat(RougeTokenizer.tokenize(text, stemming)).isEqualTo(expected);
        RougeTokenizer.Vocabulary vocab = new RougeTokenizer.Vocabulary();
        int[] ids = RougeTokenizer.ids(text, stemming, vocab);
        assertThat(ids).hasSize(expected.size());
        for (int i = 0; i < ids.length; i++) {
            for (int j = 0; j < ids.length; j++) {
                assertThat(ids[i] == ids[j]).isEqualTo(expected.get(i).equals(expected.get(j)));
            }
        }
    }

    @Property(tries = 3000)
    void fixedDecimalsAreWhatStringFormatWrites(@ForAll double x, @ForAll("decimals") int decimals) {
        assertThat(Notes.fixed(x, decimals)).isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", x));
    }

    @Provide
    Arbitrary<Integer> decimals() {
        return Arbitraries.of(1, 2, 3, 4);
    }

    @Test
    void fixedDecimalsOnTiesAndScoresAreWhatStringFormatWrites() {
        List<Double> xs = new ArrayList<>(List.of(0.0, -0.0, 1.0, 0.5, 0.15, 0.25, 0.35, 0.125, 0.00015, 0.00005,
                0.99995, 0.12345, 1.00005, 99.995, 100.0, 100.00000000000004, -0.00001, Double.NaN, 1e20, 0.1 + 0.2));
        for (int k = 0; k <= 20_000; k++) {
            xs.add(k / 20_000.0);
            xs.add((k + 0.5) / 10_000.0);
            xs.add((k + 0.5) / 1_000.0);
            xs.add(k / 7.0);
        }
        for (int a = 1; a <= 60; a++) {
            for (int b = a; b <= 60; b++) {
                double p = (double) a / b;
                xs.add(p);
                xs.add(2 * p * 0.5 / (p + 0.5));
            }
        }
        for (double x : xs) {
            for (int d = 1; d <= 4; d++) {
                assertThat(Notes.fixed(x, d)).as("%s at %d", x, d)
                        .isEqualTo(String.format(Locale.ROOT, "%." + d + "f", x));
            }
        }
    }

    private static Bleu.Stats plainStats(String hypothesis, List<String> references) {
        Map<String, Integer> maxRef = new HashMap<>();
        List<Integer> lengths = new ArrayList<>();
        for (String r : references) {
            List<String> tokens = Tokenizer13aRegex.tokenize(r);
            lengths.add(tokens.size());
            grams(tokens, 1, 4).forEach((k, v) -> maxRef.merge(k, v, Math::max));
        }
        List<String> hyp = Tokenizer13aRegex.tokenize(hypothesis);
        long[] correct = new long[4];
        long[] total = new long[4];
        grams(hyp, 1, 4).forEach((k, v) -> {
            int order = k.split(" ", -1).length;
            total[order - 1] += v;
            correct[order - 1] += Math.min(v, maxRef.getOrDefault(k, 0));
        });
        return new Bleu.Stats(hyp.size(), Bleu.closest(hyp.size(), lengths), correct, total);
    }

    private static Map<String, Integer> grams(List<String> tokens, int from, int to) {
        Map<String, Integer> counts = new HashMap<>();
        for (int n = from; n <= to; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
            }
        }
        return counts;
    }
}
