package dev.frontier.bench;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.score.ItemScorer;
import dev.frontier.score.ScorerRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one item's score for the text metrics on a summary of about 60 words against a reference of similar
 * length (three lines each, so ROUGE-Lsum has sentences to unite). Run with
 * {@code java -cp target/test-classes:<deps> org.openjdk.jmh.Main ScorerBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScorerBench {
    static final String REFERENCE = String.join("\n",
            "The city council approved a new budget on Tuesday that raises spending on public transport by twelve"
                    + " percent and freezes property taxes for another year.",
            "Officials said the extra money will pay for more frequent buses, two new tram lines and repairs to"
                    + " ageing stations across the northern districts.",
            "Opposition members criticised the plan, arguing that it relies on optimistic revenue forecasts.");
    static final String SUMMARY = String.join("\n",
            "On Tuesday the council passed a budget raising public transport spending by 12 percent while keeping"
                    + " property taxes frozen for one more year.",
            "The money is meant for more frequent buses, two additional tram lines and station repairs in the"
                    + " northern districts, officials said.",
            "Critics in the opposition say the revenue forecasts behind the plan are too optimistic.");

    private Item item;
    private ItemScorer rougeL;
    private ItemScorer rougeLsum;
    private ItemScorer bleu;
    private ItemScorer tokenF1;

    @Setup
    public void setUp() {
        ScorerRegistry registry = ScorerRegistry.standard();
        item = new Item("bench", Map.of("reference", REFERENCE));
        Map<String, Object> params = Map.of("reference", "{{reference}}");
        rougeL = create(registry, "rouge-l", params);
        rougeLsum = create(registry, "rouge-lsum", params);
        bleu = create(registry, "bleu", params);
        tokenF1 = create(registry, "token-f1", params);
    }

    private static ItemScorer create(ScorerRegistry registry, String type, Map<String, Object> params) {
        if (registry.create(type, params) instanceof ScorerRegistry.Creation.Created created
                && created.scorer() instanceof ItemScorer scorer) {
            return scorer;
        }
        throw new IllegalStateException("cannot create " + type);
    }

    @Benchmark
    public Score rougeL() {
        return rougeL.score(item, SUMMARY);
    }

    @Benchmark
    public Score rougeLsum() {
        return rougeLsum.score(item, SUMMARY);
    }

    @Benchmark
    public Score bleu() {
        return bleu.score(item, SUMMARY);
    }

    @Benchmark
    public Score tokenF1() {
        return tokenF1.score(item, SUMMARY);
    }
}
