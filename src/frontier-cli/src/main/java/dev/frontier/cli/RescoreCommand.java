package dev.frontier.cli;

import dev.frontier.config.SuiteSpec;
import dev.frontier.invoke.LocalBedrock;
import dev.frontier.invoke.ModelClient;
import dev.frontier.model.RunId;
import dev.frontier.run.Runner;
import dev.frontier.score.JudgeScorer;
import dev.frontier.run.execute.WriterLease;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.results.RunStatus;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code frontier rescore RUN --config SUITE}: scores the stored outputs of a run with the suite's scorers, as a new
 * run that records its parent. No candidate is called; judges are.
 */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "Score the stored outputs of a run with a suite's (changed) scorers, as a new run. "
                + "No candidate is called; LLM judges are.")
final class RescoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run whose stored outputs are scored")
    String run;

    @Option(names = "--config", paramLabel = "SUITE", required = true,
            description = "the suite with the scorers to use (its candidates must be those of the run)")
    Path suite;

    @Mixin
    SandboxFlags sandbox;

    @Option(names = "--mode", paramLabel = "MODE", converter = RunCommand.ModeConverter.class,
            description = "send judges to batch jobs (batch, auto) or not (on-demand), instead of the suite's "
                    + "execution.mode")
    SuiteSpec.ExecutionSpec.Mode mode;

    @Option(names = "--budget", paramLabel = "USD", description = "judge spend limit (overrides budget.maxUsd)")
    BigDecimal budget;

    @Option(names = "--no-cache", description = "do not answer judges from, nor add to, the response cache")
    boolean noCache;

    @Mixin
    StoreOptions storage;

    @Mixin
    ScorerCode scorerCode;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!RunId.isValid(run)) {
            throw new CliFailure(Exit.INVALID_INPUT, "RUN must be a run id like 20261127-183000-ab12, not '" + run
                    + "'");
        }
        if (budget != null && budget.signum() <= 0) {
            throw new CliFailure(Exit.INVALID_INPUT, "--budget must be a positive amount in USD, e.g. --budget 5");
        }
        sandbox.check();
        storage.requireStore(" (run a suite first, or pass --store)");
        storage.checkWritable();
        PreparedSuite prepared = SuiteInput.prepare(suite, err, scorerCode,
                mode == null ? java.util.function.UnaryOperator.identity() : loaded -> loaded.withMode(mode),
                sandbox.enabled);
        SuiteSpec s = prepared.suite();
        RunId parent = new RunId(run);
        InstantSource clock = InstantSource.system();
        LocalBedrock local = null;
        try (RunStore store = RunStore.open(storage.store)) {
            if (store.run(parent).isEmpty()) {
                throw new CliFailure(Exit.INVALID_INPUT, "run " + parent + " is not in " + storage.store
                        + " (check the id, or pass the right --store)");
            }
            RunId id = RunWiring.newRunId(clock);
            try (WriterLease lease = RunWiring.lease(store, id, err)) {
                // no judge: a rescore calls nothing (it never calls a candidate), so it needs no credentials or
                // sandbox
                boolean callsNothing = prepared.scorers().stream().noneMatch(b -> b.scorer() instanceof JudgeScorer);
                // judges go to batch jobs as in a run of the suite (execution.mode, or --mode)
                boolean batchWanted = !callsNothing && BatchWiring.wanted(s, sandbox.enabled);
                local = sandbox.enabled && !callsNothing ? sandbox.start(batchWanted, storage.store) : null;
                Optional<String> region = callsNothing ? Optional.empty() : RunWiring.region(s, local);
                try (ModelClient client = callsNothing ? RunWiring.NO_CALLS : RunWiring.client(s, local, region,
                        sandbox.direct)) {
                    err.printf("rescore %s: the stored outputs of run %s with the scorers of %s%n", id, parent, suite);
                    err.flush();
                    Runner.Options opts = RunWiring.options(false, noCache, s, store, local, region,
                            budget != null ? Optional.of(budget) : s.budget().maxUsd());
                    RunResult result;
                    try {
                        Runner runner = new Runner(client, store, clock, RunProgress.NONE).whileHolding(lease);
                        if (batchWanted) {
                            BatchWiring.setup(s, local, region, storage.store, err).ifPresent(runner::withBatch);
                        }
                        // the stored outputs of a run on the sandbox stay simulated, whatever this rescore calls
                        Optional<String> parentRecord = store.resultsJson(parent);
                        boolean parentSimulated = parentRecord.isPresent()
                                && ResultsJson.fromJson(parentRecord.get()).simulated();
                        RunContext base = callsNothing ? RunWiring.contextWithoutCalls()
                                : RunWiring.context(local, region);
                        result = runner.rescore(prepared, id, parent, new RunContext(base.toolVersion(),
                                base.endpoint(), base.region(), base.simulated() || parentSimulated), opts);
                    } catch (Runner.NotRescorable e) {
                        // a model candidate without stored outputs in the parent run: the suite or RUN is wrong
                        throw new CliFailure(Exit.INVALID_INPUT, e.getMessage());
                    }
                    Path dir = storage.writeReport(result);
                    Summary.print(result, out);
                    out.printf("rescored run %s as %s%n", parent, result.runId());
                    out.printf("report: %s%n", dir.resolve("report.html"));
                    out.flush();
                    if (result.status() == RunStatus.BUDGET_EXHAUSTED) {
                        throw new CliFailure(Exit.PROVIDER, "budget exhausted: some judge calls were not made; "
                                + "rescore again with a higher --budget");
                    }
                    return Exit.OK.code();
                }
            }
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }
}
