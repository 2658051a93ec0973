package dev.frontier.cli;

import dev.frontier.model.RunId;
import dev.frontier.results.RunResult;
import dev.frontier.run.aggregate.SamplePlan;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.store.RunStore;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frontier plan SUITE [--pilot RUN]}: how many items a run of the suite needs to decide every cheaper candidate,
 * and what that costs, planned from a pilot run (by default the suite's latest finished run in the store).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"How many items a run of the suite needs to decide each cheaper candidate at 80%% power "
                + "(its own Holm level, the pilot's observed difference and spread), and what that run costs at "
                + "the pilot's measured cost per request. The pilot is --pilot RUN, else the suite's latest finished "
                + "run in the store (run the suite on a sample first: 'frontier run SUITE --sample 50'), or one "
                + "--run-pilot N runs first. Spends nothing but that pilot.",
                "Exit 0 with a plan, 2 for bad input or no pilot."})
final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file (YAML)")
    Path suite;

    @Option(names = "--pilot", paramLabel = "RUN", description = "the pilot run's id (default: the suite's latest "
            + "finished run in the store)")
    String pilot;

    @Option(names = "--run-pilot", paramLabel = "N", description = "first run the suite on a seeded random sample "
            + "of N items (as 'frontier run SUITE --sample N', which it prints and pays for; check the cost with "
            + "'frontier estimate' on the sample first), then plan from that run")
    Integer runPilot;

    @Mixin
    SandboxFlags sandbox;

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
        Optional<RunId> given = Optional.ofNullable(pilot).map(StoreOptions::runId);
        if (runPilot != null) {
            if (pilot != null) {
                throw new CliFailure(Exit.INVALID_INPUT, "--pilot and --run-pilot: give one (a pilot run, or the "
                        + "size of one to run)");
            }
            given = Optional.of(runPilot(out, p.suite().name()));
        }
        storage.requireStore(" (run the suite on a sample first, e.g. 'frontier run SUITE --sample 50', or pass "
                + "--run-pilot 50)");
        RunResult record;
        try (RunStore store = RunStore.open(storage.store)) {
            RunId id = given.orElseGet(() -> latest(store, p.suite().name()));
            record = storage.record(store, id);
        }
        if (!record.suite().equals(p.suite().name())) {
            spec.commandLine().getErr().printf("warning: the pilot %s ran suite '%s', not '%s'%n", record.runId(),
                    record.suite(), p.suite().name());
        }
        print(out, SamplePlan.of(record, datasetItems(p)));
        return Exit.OK.code();
    }

    /**
     * Runs the pilot: {@code frontier run SUITE --sample N} with this command's store, reports and sandbox options,
     * its output shown; the id of the run it made.
     */
    private RunId runPilot(PrintWriter out, String name) {
        if (runPilot < 1) {
            throw new CliFailure(Exit.INVALID_INPUT, "--run-pilot must be at least 1, got " + runPilot);
        }
        List<String> args = new ArrayList<>(List.of(suite.toString(), "--sample", String.valueOf(runPilot),
                "--store", storage.store.toString(), "--reports", storage.reports.toString()));
        if (sandbox.enabled) {
            args.addAll(List.of("--sandbox", "--sandbox-time-scale", String.valueOf(sandbox.timeScale)));
            if (sandbox.direct) {
                args.add("--sandbox-direct");
            }
        }
        out.printf("pilot: frontier run %s%n", String.join(" ", args));
        out.flush();
        CommandLine run = spec.parent().subcommands().get("run");
        run.setOut(spec.commandLine().getOut()).setErr(spec.commandLine().getErr());
        int code = run.execute(args.toArray(String[]::new));
        if (code != Exit.OK.code()) {
            throw new CliFailure(exitOf(code), "the pilot run did not finish (exit " + code + "); nothing to plan "
                    + "from");
        }
        try (RunStore store = RunStore.open(storage.store)) {
            return latest(store, name);
        }
    }

    private static Exit exitOf(int code) {
        for (Exit e : Exit.values()) {
            if (e.code() == code) {
                return e;
            }
        }
        return Exit.INVALID_INPUT;
    }

    /** The items a full run of the suite would have: its dataset without a limit is what the planner caps at. */
    private static int datasetItems(PreparedSuite p) {
        return p.dataset().items().size();
    }

    /** The suite's latest completed run in the store, the default pilot (also {@code estimate}'s). */
    static Optional<RunId> latestCompleted(RunStore store, String suite) {
        return store.runs().stream().filter(r -> r.suite().equals(suite) && "completed".equals(r.status()))
                .map(r -> new RunId(r.runId())).findFirst();
    }

    private static RunId latest(RunStore store, String suite) {
        return latestCompleted(store, suite)
                .orElseThrow(() -> new CliFailure(Exit.INVALID_INPUT, "no finished run of suite '" + suite
                        + "' in the store to plan from: run it on a sample first ('frontier run SUITE --sample 50'), "
                        + "pass --run-pilot 50 to have it run, or --pilot RUN"));
    }

    /** The plan as a table and a summary line; shared with {@code estimate}. */
    static void print(PrintWriter out, SamplePlan.Plan plan) {
        out.printf("plan from pilot %s (%,d items; the dataset has %,d)%n", plan.pilotRun(), plan.pilotItems(),
                plan.datasetItems());
        int width = Math.max(22, plan.candidates().stream().mapToInt(c -> c.id().length()).max().orElse(0));
        String row = "%-" + width + "s %-14s %8s %11s %12s %12s%n";
        out.printf(row, "candidate", "after pilot", "pilot n", "difference", "items needed", "run $");
        for (SamplePlan.Candidate c : plan.candidates()) {
            out.printf(row, c.id(), c.standing().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    c.pilotItems() == 0 ? "–" : String.format(Locale.ROOT, "%,d", c.pilotItems()),
                    c.difference().map(d -> String.format(Locale.ROOT, "%+.3f", d)).orElse("–"),
                    c.items().isPresent() ? String.format(Locale.ROOT, "%,d", c.items().getAsLong()) : "–",
                    c.cost().map(PlanCommand::usd).orElse("–"));
        }
        out.println(plan.summary());
        plan.cost().ifPresent(c -> out.printf("a full run of every candidate at %,d items: about $%s (at the pilot's "
                + "cost per request)%n", Math.min(plan.runItems().orElse(0), plan.datasetItems()), usd(c)));
    }

    private static String usd(BigDecimal v) {
        return v.setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
