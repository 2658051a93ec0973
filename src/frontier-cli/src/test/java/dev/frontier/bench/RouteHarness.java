package dev.frontier.bench;

import dev.frontier.cli.Main;
import dev.frontier.model.CallResult;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.model.TokenUsage;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.store.CallSource;
import dev.frontier.store.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Benchmark (not a test) of {@code frontier route} on a stored run of {@code items} items × 3 candidates: the run is
 * generated straight into a fresh run store (pass/fail quality; the cheaper two models worse on a known fifth of the
 * items, which a prompt feature does not reveal; an output-length signal that does, imperfectly), then {@code route}
 * runs in this JVM. Prints the time to fill the store and the wall and CPU time of the command.
 *
 * <pre>java -cp src/frontier-cli/target/test-classes:src/frontier-cli/target/classes:$(cat src/frontier-cli/target/test-classpath.txt) \
 *   dev.frontier.bench.RouteHarness 100000</pre>
 */
public final class RouteHarness {
    private RouteHarness() {
    }

    private record Arm(String id, String model, boolean incumbent, double easyError, double hardError,
                       double usdPerCall) {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("frontier-route");
        Path storeFile = dir.resolve("store.db");
        List<Arm> arms = List.of(
                new Arm("nova-pro", "amazon.nova-pro-v1:0", true, 0.05, 0.20, 0.000437),
                new Arm("nova-lite", "amazon.nova-lite-v1:0", false, 0.06, 0.55, 0.0000328),
                new Arm("nova-micro", "amazon.nova-micro-v1:0", false, 0.09, 0.70, 0.0000192));
        RunId id = new RunId("20261203-120000-abcd");
        long fill = System.nanoTime();
        SplittableRandom random = new SplittableRandom(7);
        try (RunStore store = RunStore.open(storeFile)) {
            store.beginRun(id, "route-bench", "2026-12-03T12:00:00Z", "0".repeat(64), "0".repeat(64));
            List<RunStore.CallRow> rows = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                boolean hard = random.nextDouble() < 0.2;
                long input = 200 + random.nextInt(400);
                for (Arm a : arms) {
                    boolean right = random.nextDouble() >= (hard ? a.hardError() : a.easyError());
                    long output = hard && !a.incumbent() && random.nextDouble() < 0.7 ? 40 + random.nextInt(40)
                            : 3 + random.nextInt(5);
                    CallResult.Completion done = new CallResult.Completion(right ? "ok" : "no", "end_turn",
                            new TokenUsage(input, output, 0, 0), 300, 310, "");
                    rows.add(new RunStore.CallRow(a.id(), "I" + i, a.model(), done,
                            BigDecimal.valueOf(a.usdPerCall()), Map.of("exact-match", Score.Value.of(right ? 1 : 0)),
                            CallSource.CALLED));
                }
                if (rows.size() >= 30_000) {
                    store.recordCalls(id, rows);
                    rows.clear();
                }
            }
            store.recordCalls(id, rows);
            store.finishRun(id, "completed", "2026-12-03T12:10:00Z", ResultsJson.toJson(record(id, arms, items)));
        }
        double fillSeconds = (System.nanoTime() - fill) / 1e9;

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "route", id.value(), "--store",
                storeFile.toString(), "--reports", dir.resolve("reports").toString());
        double seconds = (System.nanoTime() - wall) / 1e9;
        double processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        System.out.println(out.toString(StandardCharsets.UTF_8));
        System.err.println(err.toString(StandardCharsets.UTF_8));
        System.out.printf("items %,d × %d candidates: store filled in %.1f s; route exit %d in %.1f s wall, "
                        + "%.1f s CPU in the calling thread, %.1f s CPU in the process so far%n", items, arms.size(),
                fillSeconds, code, seconds,
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9, processCpu);
    }

    private static RunResult record(RunId id, List<Arm> arms, int items) {
        List<RunResult.CandidateResult> candidates = new ArrayList<>();
        for (Arm a : arms) {
            candidates.add(RunResult.CandidateResult.builder().id(a.id()).model(a.model()).modelName(a.id())
                    .incumbent(a.incumbent()).calls(items)
                    .costPer1k(Optional.of(BigDecimal.valueOf(a.usdPerCall() * 1000))).build());
        }
        RunResult.Provenance p = new RunResult.Provenance("bench", "", "", "", "", items, 0, 0, 7,
                "bedrock-models/us-east-1", "", "", 2000, 42, 0.95, "", "us-east-1", "2026-12-03T12:00:00Z",
                "2026-12-03T12:10:00Z");
        return RunResult.builder().runId(id.value()).suite("route-bench").provenance(p).traffic(5_000_000)
                .scorers(List.of(new RunResult.ScorerInfo("exact-match", "exact-match", 1, true)))
                .rules(new RunResult.Rules(0.03, 0.95, null, Map.of(), List.of())).candidates(candidates)
                .evalSpend(new RunResult.Spend(BigDecimal.ZERO, "", 0, 0, BigDecimal.ZERO, 0))
                .calls(new RunResult.Calls(items * arms.size(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).build();
    }
}
