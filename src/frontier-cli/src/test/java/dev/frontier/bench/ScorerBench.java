package dev.frontier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.model.Item;
import dev.frontier.score.ItemScorer;
import dev.frontier.score.ScorerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Items per second of the text scorers over the committed input set {@code src/frontier-cli/src/test/bench-inputs/
 * scorer-inputs.jsonl} (200 items, an output of about 40 words and 11 references each), the file
 * {@code side_by_side.py} times sacrebleu on. Every operation scores all 200 items; ROUGE and token F1 use the first
 * reference, {@code bleu11Refs} all eleven. Run from the project's top folder (or set {@code -Dbench.inputs}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScorerBench {
    static final int ITEMS = 200;
    static final String INPUTS = "src/frontier-cli/src/test/bench-inputs/scorer-inputs.jsonl";

    private final List<Item> items = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private ItemScorer rouge1;
    private ItemScorer rouge2;
    private ItemScorer rougeL;
    private ItemScorer rougeLsum;
    private ItemScorer tokenF1;
    private ItemScorer bleu1;
    private ItemScorer bleu11;
    private ItemScorer exactMatch;

    @Setup
    public void setUp() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of(System.getProperty("bench.inputs", INPUTS)))) {
            JsonNode row = json.readTree(line);
            Map<String, String> fields = new LinkedHashMap<>();
            JsonNode refs = row.get("references");
            for (int r = 0; r < refs.size(); r++) {
                fields.put("r" + r, refs.get(r).asText());
            }
            items.add(new Item(row.get("id").asText(), fields));
            outputs.add(row.get("output").asText());
        }
        if (items.size() != ITEMS) {
            throw new IllegalStateException("expected " + ITEMS + " items, read " + items.size());
        }
        ScorerRegistry registry = ScorerRegistry.standard();
        Map<String, Object> one = Map.of("reference", "{{r0}}");
        List<String> eleven = new ArrayList<>();
        for (int r = 0; r < 11; r++) {
            eleven.add("{{r" + r + "}}");
        }
        rouge1 = create(registry, "rouge-1", one);
        rouge2 = create(registry, "rouge-2", one);
        rougeL = create(registry, "rouge-l", one);
        rougeLsum = create(registry, "rouge-lsum", one);
        tokenF1 = create(registry, "token-f1", one);
        bleu1 = create(registry, "bleu", one);
        bleu11 = create(registry, "bleu", Map.of("references", eleven));
        exactMatch = create(registry, "exact-match", Map.of("expected", "{{r0}}"));
    }

    private static ItemScorer create(ScorerRegistry registry, String type, Map<String, Object> params) {
        if (registry.create(type, params) instanceof ScorerRegistry.Creation.Created created
                && created.scorer() instanceof ItemScorer scorer) {
            return scorer;
        }
        throw new IllegalStateException("cannot create " + type);
    }

    private void all(ItemScorer scorer, Blackhole sink) {
        for (int i = 0; i < ITEMS; i++) {
            sink.consume(scorer.score(items.get(i), outputs.get(i)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void rouge1(Blackhole sink) {
        all(rouge1, sink);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void rouge2(Blackhole sink) {
        all(rouge2, sink);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void rougeL(Blackhole sink) {
        all(rougeL, sink);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void rougeLsum(Blackhole sink) {
        all(rougeLsum, sink);
    }

    /** ROUGE-1, -2 and -L of each item, as rouge-score's {@code RougeScorer(["rouge1", "rouge2", "rougeL"])}. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void rouge12L(Blackhole sink) {
        for (int i = 0; i < ITEMS; i++) {
            Item item = items.get(i);
            String output = outputs.get(i);
            sink.consume(rouge1.score(item, output));
            sink.consume(rouge2.score(item, output));
            sink.consume(rougeL.score(item, output));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void tokenF1(Blackhole sink) {
        all(tokenF1, sink);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void bleu1Ref(Blackhole sink) {
        all(bleu1, sink);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void bleu11Refs(Blackhole sink) {
        all(bleu11, sink);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void exactMatch(Blackhole sink) {
        all(exactMatch, sink);
    }
}
