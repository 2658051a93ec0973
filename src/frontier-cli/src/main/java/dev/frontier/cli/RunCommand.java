package dev.frontier.cli;

import dev.frontier.config.SuiteSpec;
import dev.frontier.invoke.LocalBedrock;
import dev.frontier.invoke.ModelClient;
import dev.frontier.model.RunId;
import dev.frontier.run.Runner;
import dev.frontier.run.execute.CandidateExecution;
import dev.frontier.run.execute.WriterLease;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.results.RunResult;
import dev.frontier.results.RunStatus;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code frontier run SUITE}: every candidate on every item, scored, priced, stored and reported. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a suite: call every candidate on every item, score, price, and write the report.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file (YAML)")
    Path suite;

    @Mixin
    SandboxFlags sandbox;

    @Option(names = "--mode", paramLabel = "MODE", converter = ModeConverter.class,
            description = "call the candidates on-demand, in batch or auto, instead of the suite's execution.mode")
    SuiteSpec.ExecutionSpec.Mode mode;

    @Option(names = "--resume", paramLabel = "RUN",
            description = "continue an interrupted run: keep its answers, call only for the rest")
    String resume;

    @Option(names = "--sample", paramLabel = "N", description = "run on a seeded random sample of N items (the "
            + "statistics seed), e.g. the pilot 'frontier plan' plans a full run from")
    Integer sample;

    @Option(names = "--budget", paramLabel = "USD", description = "eval spend limit (overrides budget.maxUsd)")
    BigDecimal budget;

    @Option(names = "--no-cache", description = "do not answer from, nor add to, the response cache")
    boolean noCache;

    @Option(names = "--publish-metrics", description = "after the run, send each candidate's quality, cost per "
            + "1,000 requests and p50/p95 latency to CloudWatch (namespace frontier, dimensions Suite and Candidate)")
    boolean publishMetrics;

    @Option(names = "--gate", description = "after the run, check the suite's gates (exit 1 when one fails)")
    boolean gate;

    @Option(names = "--baseline", paramLabel = "RUN|FILE",
            description = "with --gate: the run to compare with, a run id or a results.json")
    String baseline;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto", converter = ProgressConverter.class,
            description = "bar, plain or auto (a bar on a terminal, plain lines otherwise), default: auto")
    ProgressMode progressMode;

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
        checkArguments();
        PreparedSuite prepared = SuiteInput.prepare(suite, err, scorerCode,
                mode == null ? java.util.function.UnaryOperator.identity() : loaded -> loaded.withMode(mode),
                sandbox.enabled);
        if (sample != null) {
            if (sample < 1) {
                throw new CliFailure(Exit.INVALID_INPUT, "--sample must be at least 1, got " + sample);
            }
            int looks = prepared.suite().execution().sequential().map(q -> q.looks()).orElse(1);
            if (sample < looks) {
                throw new CliFailure(Exit.INVALID_INPUT, "--sample " + sample + " is fewer items than the " + looks
                        + " looks of the suite's sequential run; sample at least " + looks);
            }
            prepared = prepared.sampled(sample);
        }
        SuiteSpec s = prepared.suite();
        Optional<BigDecimal> limit = budget != null ? Optional.of(budget) : s.budget().maxUsd();
        InstantSource clock = InstantSource.system();
        if (resume != null) {
            storage.requireStore(": there is no run to resume (pass the --store the run was made with)");
        }
        storage.checkWritable();
        LocalBedrock local = null;
        RunId id = null;
        try (RunStore store = RunStore.open(storage.store)) {
            id = resume != null ? resumable(store, prepared) : RunWiring.newRunId(clock);
            // one writer per run: a second run --resume of this run is refused before it calls anything
            try (WriterLease lease = RunWiring.lease(store, id, err)) {
                // imported outputs and no judge: nothing is called, so no credentials, sandbox or batch set-up
                boolean callsNothing = prepared.callsNoModel();
                boolean batchWanted = !callsNothing && BatchWiring.wanted(s, sandbox.enabled);
                // the sandbox keeps configured prompt routers in its control plane, as it keeps jobs
                boolean profiles = s.execution().attribution().map(a -> a.inferenceProfiles()).orElse(false);
                boolean controlPlane = batchWanted || !s.promptRouters().isEmpty() || profiles;
                local = sandbox.enabled && !callsNothing ? sandbox.start(controlPlane, storage.store) : null;
                Optional<String> region = callsNothing ? Optional.empty() : RunWiring.region(s, local);
                // the suite's own routers exist before the first call, and their ARNs are the candidates' models
                prepared = callsNothing ? prepared
                        : RunWiring.promptRouters(prepared, store, id, local, region, err);
                // with execution.attribution.inferenceProfiles, each model is called through the suite's profile
                prepared = callsNothing || !profiles ? prepared
                        : RunWiring.inferenceProfiles(prepared, store, id, local, region, err);
                try (ModelClient client = callsNothing ? RunWiring.NO_CALLS : RunWiring.client(s, local, region,
                        sandbox.direct)) {
                    String where = callsNothing ? "no endpoint (every candidate's outputs are imported, no judge)"
                            : local != null ? "the local sandbox " + (sandbox.direct ? "in this process"
                            : "at " + local.endpoint()) : "Amazon Bedrock"
                            + region.map(r -> " in " + r).orElse("")
                            + RunWiring.endpoints(s).runtime().map(u -> " at " + ServiceEndpoints.hostOf(u))
                            .orElse("");
                    int total = s.candidates().size() * prepared.dataset().items().size();
                    err.printf("run %s%s: %s, %d candidates × %d items on %s%n", id,
                            resume != null ? " (resumed)" : "", s.name(), s.candidates().size(),
                            prepared.dataset().items().size(), where);
                    err.flush();
                    Runner.Options options = RunWiring.options(resume != null, noCache, s, store, local, region,
                            limit);
                    RunResult result;
                    RunProgress progress = progress(err, s.name(), total);
                    try {
                        Runner runner = new Runner(client, store, clock, progress).whileHolding(lease);
                        if (batchWanted) {
                            BatchWiring.setup(s, local, region, storage.store, err).ifPresent(runner::withBatch);
                        }
                        result = runner.run(prepared, id, callsNothing ? RunWiring.contextWithoutCalls()
                                : RunWiring.context(local, region), options);
                    } finally {
                        if (progress instanceof TerminalProgress bar) {
                            bar.close();
                        }
                    }
                    Path dir = storage.writeReport(result);
                    Summary.print(result, out);
                    out.printf("report: %s%n", dir.resolve("report.html"));
                    out.flush();
                    if (publishMetrics) {
                        RunWiring.publishMetrics(result, s, region, out);
                    }
                    int code = verdict(result, prepared, limit);
                    if (gate) {
                        lease.close();
                        store.close();
                        return GateCommand.check(result, baseline, storage, out);
                    }
                    return code;
                }
            }
        } catch (Runner.Aborted e) {
            throw new CliFailure(Exit.PROVIDER, "run stopped: " + e.getMessage() + ". Every answer so far is kept; "
                    + "once that is fixed, resume with 'frontier run " + suite + " --resume " + id + "'");
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private void checkArguments() {
        sandbox.check();
        if (budget != null && budget.signum() <= 0) {
            throw new CliFailure(Exit.INVALID_INPUT, "--budget must be a positive amount in USD, e.g. --budget 5");
        }
        if (publishMetrics && sandbox.enabled) {
            throw new CliFailure(Exit.INVALID_INPUT, "--publish-metrics sends to CloudWatch, which the sandbox does "
                    + "not imitate; run without --sandbox to publish");
        }
        if (resume != null && !RunId.isValid(resume)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--resume takes a run id like 20261127-183000-ab12, not '"
                    + resume + "'");
        }
    }

    /** The run to resume, after checking that it belongs to this suite and that nothing changed since. */
    private RunId resumable(RunStore store, PreparedSuite prepared) {
        RunId id = new RunId(resume);
        RunStore.RunInfo info = store.run(id).orElseThrow(() -> new CliFailure(Exit.INVALID_INPUT,
                "run " + id + " is not in " + storage.store + " (check the id, or pass the right --store)"));
        if (!info.suite().equals(prepared.suite().name())) {
            throw new CliFailure(Exit.INVALID_INPUT, "run " + id + " belongs to suite '" + info.suite()
                    + "', not '" + prepared.suite().name() + "'");
        }
        if (!info.suiteSha256().equals(prepared.suite().sha256())
                || !info.datasetSha256().equals(prepared.dataset().sha256())) {
            throw new CliFailure(Exit.INVALID_INPUT, "the suite file or its dataset changed since run " + id
                    + " started; start a new run (the response cache still saves every unchanged call)");
        }
        return id;
    }

    private RunProgress progress(PrintWriter err, String task, int total) {
        boolean bar = switch (progressMode) {
            case BAR -> true;
            case PLAIN -> false;
            case AUTO -> System.console() != null && System.getenv("CI") == null;
        };
        return bar ? new TerminalProgress(task, total) : new PlainProgress(err);
    }

    /** {@code --progress} in lower case, as written. */
    static final class ProgressConverter implements CommandLine.ITypeConverter<ProgressMode> {
        @Override
        public ProgressMode convert(String value) {
            for (ProgressMode m : ProgressMode.values()) {
                if (m.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("takes auto, bar or plain, not '" + value + "'");
        }
    }

    /** How a run shows its progress. */
    enum ProgressMode {
        /** A bar on a terminal outside CI, plain lines otherwise. */
        AUTO,
        /** A progress bar. */
        BAR,
        /** A plain line every few seconds, for logs. */
        PLAIN
    }

    /** Exit 3 when the budget ran out or more calls failed than the suite tolerates. */
    private static int verdict(RunResult result, PreparedSuite prepared, Optional<BigDecimal> limit) {
        RunResult.Calls calls = result.calls();
        if (result.status() == RunStatus.BUDGET_EXHAUSTED) {
            String judges = result.judging().filter(j -> j.notRun() > 0)
                    .map(j -> String.format(Locale.ROOT, " and %d of %d judge calls", j.notRun(), j.calls()))
                    .orElse("");
            RunResult.Spend spend = result.evalSpend();
            String possibly = spend.possiblyBilledCalls() == 0 ? "" : String.format(Locale.ROOT,
                    " (and up to $%s possibly billed for %d calls sent without an answer)",
                    spend.possiblyBilledUsd().toPlainString(), spend.possiblyBilledCalls());
            throw new CliFailure(Exit.PROVIDER, String.format(Locale.ROOT, "budget exhausted: spent %s%s of $%s; "
                            + "%d of %d calls%s were not made. The report covers the rest; resume with "
                            + "'frontier run %s --resume %s --budget <more>'",
                    spend.usd() == null ? "an unknown amount" : "$" + spend.usd(), possibly,
                    limit.map(BigDecimal::toPlainString).orElse("?"), calls.notRun(),
                    calls.answers() + calls.notRun(), judges, prepared.suite().file(), result.runId()));
        }
        // calls throttled out or cut off after every later round are not errors of the models: they count apart
        int errors = calls.failed() - calls.unanswered();
        double failedShare = calls.answers() == 0 ? 0 : (double) errors / calls.answers();
        if (calls.answers() > 0 && errors == calls.answers()) {
            throw new CliFailure(Exit.PROVIDER, "every call failed; see the errors in the report");
        }
        if (failedShare > prepared.suite().execution().maxErrorRate()) {
            throw new CliFailure(Exit.PROVIDER, String.format(Locale.ROOT, "%d of %d calls failed (%.1f%%, more "
                            + "than execution.maxErrorRate %.1f%%); resume with 'frontier run %s --resume %s' to "
                            + "try them again", errors, calls.answers(), failedShare * 100,
                    prepared.suite().execution().maxErrorRate() * 100, prepared.suite().file(), result.runId()));
        }
        if (calls.unanswered() > 0) {
            throw new CliFailure(Exit.PROVIDER, String.format(Locale.ROOT, "%d of %d calls are still unanswered "
                            + "after up to %d later rounds (throttled beyond the retries, or cut off): the quota is "
                            + "too small for this suite at this pace. Every answer so far is kept; resume with "
                            + "'frontier run %s --resume %s' to call the rest (lower execution.concurrency or set "
                            + "execution.requestsPerMinute below the quota)", calls.unanswered(), calls.answers(),
                    CandidateExecution.LATER_ROUNDS, prepared.suite().file(), result.runId()));
        }
        return Exit.OK.code();
    }

    /** {@code on-demand}, {@code batch} or {@code auto}, as in the suite. */
    static final class ModeConverter implements CommandLine.ITypeConverter<SuiteSpec.ExecutionSpec.Mode> {
        @Override
        public SuiteSpec.ExecutionSpec.Mode convert(String value) {
            for (SuiteSpec.ExecutionSpec.Mode m : SuiteSpec.ExecutionSpec.Mode.values()) {
                if (m.key().equals(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a mode (on-demand, batch or auto)");
        }
    }
}
