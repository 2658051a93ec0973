package dev.frontier.cli;

import dev.frontier.model.CallResult;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.model.TokenUsage;
import dev.frontier.store.CallSource;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A synthetic large run written straight into a run store, for {@code frontier export}'s bounded-memory test and its
 * benchmark (BENCHMARKS.md): two candidates ({@code big}, {@code small}) on {@code items} items, each answer two
 * lines with quotes, two scorers (one with a judge-like note); every 1000th item (from the 8th) failed with
 * ThrottlingException. Run as {@code LargeStore FILE ITEMS}.
 */
final class LargeStore {

    static final RunId RUN = new RunId("20261203-120000-beef");

    private LargeStore() {
    }

    public static void main(String[] args) {
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    static void write(Path db, int items) {
        try (RunStore store = RunStore.open(db)) {
            store.beginRun(RUN, "large", "2026-12-03T12:00:00Z", "s", "d");
            for (String candidate : List.of("big", "small")) {
                List<RunStore.CallRow> batch = new ArrayList<>();
                for (int i = 0; i < items; i++) {
                    String item = String.format("item-%06d", i);
                    CallResult result = i % 1000 == 7 ? new CallResult.Failure("ThrottlingException", "slow down",
                            false, 0)
                            : new CallResult.Completion(candidate + " answers " + item + ": lorem ipsum dolor sit "
                            + "amet, consectetur adipiscing elit, \"quoted\", and a\nsecond line", "end_turn",
                            new TokenUsage(120 + i % 50, 30 + i % 7, 0, 0), 400 + i % 300, 450 + i % 300, "");
                    batch.add(new RunStore.CallRow(candidate, item, candidate + "-model", result,
                            new BigDecimal("0.000123"), Map.of("exact", new Score.Value(i % 2, null),
                            "judge", new Score.Value(0.5, "the answer names the intent | both judges agree")),
                            CallSource.CALLED));
                    if (batch.size() == 10_000) {
                        store.recordCalls(RUN, batch);
                        batch.clear();
                    }
                }
                store.recordCalls(RUN, batch);
            }
        }
    }
}
