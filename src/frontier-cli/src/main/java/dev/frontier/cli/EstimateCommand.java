package dev.frontier.cli;

import dev.frontier.invoke.ResponseCache;
import dev.frontier.model.Cost;
import dev.frontier.run.execute.StoreResponseCache;
import dev.frontier.run.prepare.Estimator;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.store.RunStore;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code frontier estimate SUITE}: what a run would cost, before spending anything. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate what running a suite would cost, per candidate and in total. Spends nothing.")
final class EstimateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file (YAML)")
    Path suite;

    @Option(names = "--sandbox", description = "estimate for a sandbox run (its response cache entries)")
    boolean sandbox;

    @Mixin
    StoreOptions storage;

    @Mixin
    ScorerCode scorerCode;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PreparedSuite p = SuiteInput.prepare(suite, spec.commandLine().getErr(), scorerCode);
        Map<String, Double> earlier = Map.of();
        Optional<ResponseCache> cache = Optional.empty();
        RunStore store = null;
        try {
            if (Files.isRegularFile(storage.store)) {
                store = RunStore.open(storage.store);
                earlier = store.meanOutputTokens(p.suite().name());
                if (p.suite().execution().responseCache()) {
                    cache = Optional.of(new StoreResponseCache(store));
                }
            }
            // the same key a run would use, region from the environment included, so cached answers are found
            String key = RunWiring.cacheKey(p.suite(), sandbox, RunWiring.region(p.suite(), sandbox));
            Estimator.Estimate e = Estimator.estimate(p, earlier, cache, key,
                    Instant.now().minus(Duration.ofHours(p.suite().execution().cacheTtlHours())));
            int width = Math.max(22, e.candidates().stream().mapToInt(c -> c.candidateId().length()).max().orElse(0));
            String head = "%-" + width + "s %6s %7s %12s %12s  %-24s %12s %12s%n";
            String row = "%-" + width + "s %6d %7d %12d %12d  %-24s %12s %12s%n";
            out.printf(head, "candidate", "calls", "cached", "input tok",
                    "output tok", "output from", "on-demand $", "batch $");
            for (Estimator.CandidateEstimate c : e.candidates()) {
                out.printf(row, c.candidateId(), c.calls(), c.cached(),
                        c.inputTokens(), c.outputTokens(), c.outputBasis(), usd(c.onDemand()), usd(c.batch()));
            }
            if (!e.judges().isEmpty()) {
                out.printf("%-22s %-44s %6s %12s %12s %12s%n", "judge scorer", "judge model", "calls", "input tok",
                        "output tok", "on-demand $");
            }
            for (Estimator.CandidateEstimate j : e.judges()) {
                out.printf("%-22s %-44s %6d %12d %12d %12s%n", j.candidateId().substring(0,
                                j.candidateId().length() - j.model().length() - 1), j.model(), j.calls(),
                        j.inputTokens(), j.outputTokens(), usd(j.onDemand()));
            }
            out.printf("total: %s on demand; %s at batch prices (batch needs >= 100 records per job and "
                    + "tolerates up to 24 h)%n", usd(e.total()), usd(e.totalBatch()));
            p.traffic().ifPresent(t -> out.printf(java.util.Locale.ROOT, "traffic: %,d requests a month from the "
                    + "profile %s (%,d requests from %s to %s); a run prices its plans at it%n",
                    t.monthlyRequests(), p.suite().traffic().profile().map(f -> f.getFileName().toString())
                            .orElse(""), t.records(), t.window().from(), t.window().to()));
            p.suite().execution().sequential().ifPresent(sq -> out.printf("sequential: %d looks; the total is what "
                    + "a run of every item costs, the most a sequential run can spend (it stops calling each candidate "
                    + "once it is decided)%n", sq.looks()));
            p.suite().budget().maxUsd().ifPresent(max -> out.printf("budget: $%s%s%n", max.toPlainString(),
                    e.total() instanceof Cost.Known k && k.usd().compareTo(max) > 0
                            ? " — the estimate is above it; the run would stop when the budget is used up" : ""));
            out.println("(input tokens are estimated at about 4 characters per token; output from maxTokens is an "
                    + "upper bound" + (e.judges().isEmpty() ? "" : "; judges at batch prices where a judge model has one "
                    + "and >= 100 calls, repairs not counted")
                    + ")");
            if (store != null) {
                // with an earlier finished run of the suite, how many items would decide (frontier plan)
                RunStore s = store;
                PlanCommand.latestCompleted(s, p.suite().name()).flatMap(s::resultsJson)
                        .flatMap(EstimateCommand::record)
                        .ifPresent(pilot -> PlanCommand.print(out, dev.frontier.run.aggregate.SamplePlan.of(pilot,
                                p.dataset().items().size())));
            }
            return Exit.OK.code();
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    /** A stored record, if readable (an unreadable one only leaves the plan out of the estimate). */
    private static Optional<dev.frontier.results.RunResult> record(String json) {
        try {
            return Optional.of(dev.frontier.results.ResultsJson.fromJson(json));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static String usd(Cost c) {
        return c instanceof Cost.Known k ? k.usd().setScale(4, RoundingMode.HALF_EVEN).toPlainString() : "unknown";
    }

}
