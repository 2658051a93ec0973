package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import dev.frontier.sandbox.RequestRecord;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs killed with SIGKILL in a child JVM while calls are in flight: the resume counts those calls as possibly billed
 * (checked against what the sandbox's request log billed), and two resumes of one run at once pay nothing twice
 * because the second is refused.
 */
@Tag("e2e")
class OneWriterAndPossiblyBilledTest {

    private static final int TOTAL = 36;
    private static final int CONCURRENCY = 4;

    @TempDir
    Path dir;

    private Path suite(Sandbox sandbox) throws IOException {
        String smoke = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("../datasets/intents-smoke.csv",
                        Path.of("datasets/intents-smoke.csv").toAbsolutePath().toString())
                .replace("execution:\n  concurrency: 4", "execution:\n  concurrency: " + CONCURRENCY
                        + "\n  region: us-east-1\n  endpoint: " + sandbox.endpoint() + "\n  responseCache: false");
        Path f = dir.resolve("smoke.yaml");
        Files.writeString(f, smoke);
        return f;
    }

    private Process child(Path suite, String log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(suite.toString(), "--progress", "plain", "--store",
                dir.resolve("store.db").toString(), "--reports", dir.resolve("reports").toString()));
        command.addAll(List.of(args));
        return ChildRun.start(dir.resolve(log), Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_REGION", "us-east-1"), command);
    }

    /** Starts a run and kills it once at least {@code atLeast} calls are committed; returns the run id. */
    private String killedRun(Path suite, int atLeast) throws Exception {
        Process first = child(suite, "first.log");
        ChildRun.killOnce(first, dir.resolve("first.log"), dir.resolve("store.db"), "SELECT COUNT(*) FROM calls",
                atLeast);
        return ChildRun.firstRun(dir.resolve("store.db"));
    }

    /** What the sandbox billed, at the catalog's on-demand prices (the prices frontier uses). */
    private static BigDecimal billed(Sandbox sandbox) {
        PriceCatalog catalog = PriceCatalog.bundled();
        BigDecimal sum = BigDecimal.ZERO;
        for (RequestRecord r : sandbox.requestLog()) {
            if (r.billed()) {
                Cost c = catalog.find(r.modelId()).orElseThrow().cost(new TokenUsage(r.inputTokens(),
                        r.outputTokens(), r.cacheReadInputTokens(), r.cacheWriteInputTokens()), ModelPrice.Mode.ON_DEMAND);
                sum = sum.add(((Cost.Known) c).usd());
            }
        }
        return sum;
    }

    @Test
    void callsInFlightAtAKillAreCountedAsPossiblyBilled() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withTimeScale(0.4))) {
            Path suite = suite(sandbox);
            String runId = killedRun(suite, 8);
            int inFlight = ChildRun.count(dir.resolve("store.db"),
                    "SELECT COUNT(*) FROM call_intents WHERE state = 'sent'");
            // each intent is committed just before its request is sent: at most one per thread
            assertThat(inFlight).isBetween(1, CONCURRENCY);

            Process resume = child(suite, "resume.log", "--resume", runId);
            String out = ChildRun.succeeded(resume, dir.resolve("resume.log"));
            RunResult r = ChildRun.results(out);
            assertThat(r.calls().answers()).isEqualTo(TOTAL);
            RunResult.Spend spend = r.evalSpend();
            assertThat(spend.calls()).isEqualTo(TOTAL);
            assertThat(spend.possiblyBilledCalls()).isEqualTo(inFlight);
            assertThat(spend.cutOffCalls()).isZero();
            assertThat(spend.possiblyBilledUsd()).isPositive();

            // the sandbox billed every answer once, plus the calls in flight at the kill that reached it
            long billedCalls = sandbox.paidCalls();
            assertThat(billedCalls).isBetween((long) TOTAL, (long) TOTAL + inFlight);
            BigDecimal billed = billed(sandbox);
            assertThat(billed).isGreaterThanOrEqualTo(spend.usd());
            assertThat(billed).isLessThanOrEqualTo(spend.usd().add(spend.possiblyBilledUsd()));
            long repaid = sandbox.paidCallsByRequestHash().values().stream().mapToLong(n -> n - 1).sum();
            assertThat(repaid).isEqualTo(billedCalls - TOTAL).isLessThanOrEqualTo(spend.possiblyBilledCalls());

            assertThat(out).contains("possibly billed: " + inFlight + " calls");
            Path folder = dir.resolve("reports").resolve("smoke").resolve(runId);
            assertThat(Files.readString(folder.resolve("report.html"))).contains("id=\"possibly-billed\"");
            assertThat(Files.readString(folder.resolve("summary.md"))).contains("Possibly billed besides: "
                    + inFlight + " calls");
            // the lease was given back
            assertThat(ChildRun.count(dir.resolve("store.db"), "SELECT COUNT(*) FROM run_leases")).isZero();
        }
    }

    @Test
    void twoResumesOfOneRunAtOnceAreOneWriterAndPayNothingTwice() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withTimeScale(1.0))) {
            Path suite = suite(sandbox);
            String runId = killedRun(suite, 6);
            int committed = ChildRun.count(dir.resolve("store.db"),
                    "SELECT COUNT(*) FROM calls WHERE error_code IS NULL");
            long billedBefore = sandbox.paidCalls();

            Process a = child(suite, "a.log", "--resume", runId);
            Process b = child(suite, "b.log", "--resume", runId);
            assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String aOut = Files.readString(dir.resolve("a.log"));
            String bOut = Files.readString(dir.resolve("b.log"));
            List<Integer> codes = List.of(a.exitValue(), b.exitValue());
            assertThat(codes).as(aOut + "\n---\n" + bOut).containsExactlyInAnyOrder(0, 3);
            Process winner = a.exitValue() == 0 ? a : b;
            String loser = a.exitValue() == 0 ? bOut : aOut;
            assertThat(loser).contains("run " + runId + " is being written by another process: pid " + winner.pid()
                    + " on host ");
            // the killed writer's lease was taken over, and that was said
            assertThat(a.exitValue() == 0 ? aOut : bOut).contains("took over run " + runId + " from pid ")
                    .contains("that process no longer exists");

            // the two resumes paid exactly once for each call the killed run had not committed
            assertThat(sandbox.paidCalls() - billedBefore).isEqualTo(TOTAL - committed);
            RunResult r = ChildRun.results(a.exitValue() == 0 ? aOut : bOut);
            assertThat(r.calls().answers()).isEqualTo(TOTAL);
            assertThat(r.calls().failed()).isZero();
            long repaid = sandbox.paidCallsByRequestHash().values().stream().mapToLong(n -> n - 1).sum();
            assertThat(repaid).isLessThanOrEqualTo(r.evalSpend().possiblyBilledCalls());
        }
    }
}
