package dev.frontier.cli;

import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.config.DistillationSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.distill.Distiller;
import dev.frontier.distill.LogCopy;
import dev.frontier.distill.TrainingData;
import dev.frontier.distill.Workflow;
import dev.frontier.invoke.CustomizationJobs;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.S3Objects;
import dev.frontier.model.Problem;
import dev.frontier.model.RunId;
import dev.frontier.run.Runner;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code frontier distill SUITE}: whether a distilled or fine-tuned model would pay for itself, the exact job request
 * (a dry run by default), and with {@code --launch} / {@code --wait} / {@code --serve} / {@code --evaluate} the job,
 * its serving resource and the custom model's evaluation on the holdout items.
 */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Decide whether a distilled or fine-tuned model pays for itself; launch, follow, serve and "
                + "evaluate it when asked.")
final class DistillCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file (YAML) with a distillation section")
    Path suite;

    @Mixin
    SandboxFlags sandbox;

    @Option(names = "--launch", description = "upload the training data and submit the job (once)")
    boolean launch;

    @Option(names = "--wait", description = "with --launch: poll the job until it ends")
    boolean await;

    @Option(names = "--serve", description = "with --wait: create the serving resource and wait until it serves")
    boolean serve;

    @Option(names = "--evaluate", description = "with --serve: evaluate the custom model on the holdout items")
    boolean evaluate;

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
        if ((await && !launch) || (serve && !await) || (evaluate && !serve)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--wait needs --launch, --serve needs --wait, --evaluate needs "
                    + "--serve (e.g. 'frontier distill SUITE --launch --wait --serve --evaluate')");
        }
        sandbox.check();
        PreparedSuite prepared = SuiteInput.prepare(suite, err, scorerCode, sandbox.enabled);
        SuiteSpec s = prepared.suite();
        InstantSource clock = InstantSource.system();
        if (launch) {
            storage.checkWritable();
        }
        Optional<String> region = RunWiring.region(s, null);
        boolean fromLogs = s.distillation().map(d -> d.source() instanceof DistillationSpec.FromInvocationLogs)
                .orElse(false);
        // the logs are read (not written) for a dry run too: the plan says what the job would train on
        try (RunStore store = RunStore.open(storage.store);
             ControlPlaneAccess access = launch || fromLogs ? ControlPlaneAccess.open(sandbox, storage.store, region,
                     sandbox.enabled ? BedrockSettings.Endpoints.none() : RunWiring.endpoints(s)) : null) {
            Distiller distiller = new Distiller(store, clock, Distiller.Sleeper.REAL);
            Distiller.Plan plan = plan(distiller, prepared, access == null ? null : access.s3(s), err);
            print(plan, out);
            if (!launch) {
                out.println("dry run: nothing was sent; add --launch to upload the training data and submit the job");
                out.flush();
                return Exit.OK.code();
            }
            Workflow.checkLaunchable(plan, suite.toString());
            Workflow.Stage until = evaluate ? Workflow.Stage.EVALUATE : serve ? Workflow.Stage.SERVE
                    : await ? Workflow.Stage.WAIT : Workflow.Stage.LAUNCH;
            try (CustomizationJobs jobs = access.jobs()) {
                Duration jobTime = sandbox.jobTime();
                Distiller.Polling polling = sandbox.enabled ? new Distiller.Polling(Duration.ofMillis(
                        Math.max(200, jobTime.toMillis() / 20)), Duration.ofSeconds(Math.max(1, jobTime.toSeconds() / 4)))
                        : Distiller.Polling.bedrock();
                Workflow.Outcome outcome = new Workflow(distiller).run(plan, until, access.s3(s), jobs, polling,
                        listener(out, err), (decision, servingArn) -> evaluate(distiller, plan, decision, servingArn,
                                access, region, store, clock, err));
                if (outcome.evaluation().isPresent()) {
                    report(outcome.evaluation().get(), plan, out);
                } else if (until == Workflow.Stage.LAUNCH) {
                    out.println("follow it with 'frontier jobs show " + outcome.launch().jobArn() + " --wait"
                            + (sandbox.enabled ? " --sandbox" : "") + "'");
                }
                out.flush();
                return Exit.OK.code();
            }
        } catch (Workflow.NotLaunchable e) {
            throw new CliFailure(Exit.INVALID_INPUT, e.getMessage());
        } catch (Workflow.JobFailed e) {
            throw new CliFailure(Exit.PROVIDER, e.getMessage());
        } catch (Runner.Aborted e) {
            throw new CliFailure(Exit.PROVIDER, "evaluation stopped: " + e.getMessage());
        }
    }

    private static Workflow.Listener listener(PrintWriter out, PrintWriter err) {
        return new Workflow.Listener() {
            @Override
            public void launched(Distiller.Launch launched) {
                out.println((launched.submitted() ? "launched " : "already launched (same suite and training data): ")
                        + launched.jobArn());
                out.flush();
            }

            @Override
            public void completed(CustomizationJobs.JobState state) {
                out.println("custom model: " + state.outputModelArn().orElse("?"));
                out.flush();
            }

            @Override
            public void serving(String servingArn) {
                out.println("serving: " + servingArn);
                out.flush();
            }

            @Override
            public void line(String text) {
                err.println(text);
                err.flush();
            }
        };
    }

    private Distiller.Plan plan(Distiller distiller, PreparedSuite prepared, S3Objects logs, PrintWriter err) {
        try {
            return distiller.plan(prepared, launch, logs);
        } catch (Distiller.Invalid e) {
            SuiteInput.print(e.problems(), err);
            throw new CliFailure(Exit.INVALID_INPUT, e.getMessage());
        } catch (TrainingData.LimitException e) {
            SuiteSpec s = prepared.suite();
            String at = s.distillation().map(d -> d.source() instanceof DistillationSpec.FromInvocationLogs)
                    .orElse(false) ? "distillation.invocationLogs" : "dataset";
            SuiteInput.print(List.of(Problem.error(s.at(at), at, e.getMessage(), "")), err);
            throw new CliFailure(Exit.INVALID_INPUT, "the training data breaks a Bedrock limit; nothing was sent");
        }
    }

    private RunResult evaluate(Distiller distiller, Distiller.Plan plan, RunResult.Distillation d, String servingArn,
                               ControlPlaneAccess access, Optional<String> region, RunStore store,
                               InstantSource clock, PrintWriter err) throws InterruptedException {
        SuiteSpec s = plan.suite().suite();
        Optional<String> runtimeRegion = access.sandbox() != null ? Optional.of("us-east-1") : region;
        RunId id = RunWiring.newRunId(clock);
        err.printf("run %s: %s, the custom model and %d candidates on %d holdout items%n", id, s.name(),
                s.candidates().size(), plan.suite().dataset().items().stream().filter(plan.suite().split()::isHoldout)
                        .count());
        err.flush();
        // the suite's own prompt routers are candidates here too: the same routers, found again by their tokens
        Distiller.Plan routed = new Distiller.Plan(RunWiring.promptRouters(plan.suite(), store, id, access.sandbox(),
                runtimeRegion, err), plan.spec(), plan.baseRun(), plan.data(), plan.decision(), plan.plan());
        try (ModelClient client = RunWiring.client(s, access.sandbox(), runtimeRegion, sandbox.direct)) {
            Runner.Options options = RunWiring.options(false, false, s, store, access.sandbox(), runtimeRegion,
                    s.budget().maxUsd());
            return distiller.evaluate(routed, d, servingArn, client, id,
                    RunWiring.context(access.sandbox(), runtimeRegion), options);
        }
    }

    private void report(RunResult result, Distiller.Plan plan, PrintWriter out) throws IOException {
        Path dir = storage.writeReport(result);
        Summary.print(result, out);
        String custom = Distiller.customCandidateId(plan.spec());
        result.decision().stream().flatMap(decision -> decision.verdicts().stream())
                .filter(v -> v.id().equals(custom)).findFirst()
                .ifPresent(v -> out.println(custom + ": " + v.status() + " — " + v.reason()));
        out.printf("report: %s%n", dir.resolve("report.html"));
    }

    private static void print(Distiller.Plan plan, PrintWriter out) {
        RunResult.Distillation d = plan.decision();
        out.printf(Locale.ROOT, "%s: %s (%s) → %s, decided from run %s%n", d.method(), d.teacher(), d.teacherModel(),
                d.student(), plan.baseRun().runId());
        RunResult.Provenance from = plan.baseRun().provenance();
        if (from != null && !from.suiteSha256().equals(plan.suite().suite().sha256())) {
            out.println("  note: that run used an earlier version of the suite file; run the suite again for "
                    + "figures that match it");
        }
        if (plan.data() instanceof TrainingData file) {
            out.printf(Locale.ROOT, "  training data: %d records from the non-holdout items, %d with the teacher's "
                    + "answer; ~%,d training tokens%n", file.records(), file.withAnswer(), d.trainingTokens());
        } else {
            LogCopy logs = (LogCopy) plan.data();
            out.printf(Locale.ROOT, "  training data: invocation logs under %s: %d records read, %d dropped as "
                    + "holdout items, %d copied in %d objects (%d selected by the request-metadata filters, %s); "
                    + "%d unusable lines not copied; ~%,d training tokens%n", logs.source(), logs.read(),
                    logs.dropped(), logs.copied(), logs.objects().size(), logs.records(), logs.usePromptResponse() ? "the logged answers are the "
                            + "targets" : "the teacher answers the logged prompts", logs.unusable(), d.trainingTokens());
        }
        out.printf(Locale.ROOT, "  one-off: teacher inference %s + training %s = %s%n", usd(d.teacherInference()),
                usd(d.training()), usd(d.oneOff()));
        out.printf(Locale.ROOT, "  monthly: serving %s + storage %s, against the incumbent's %s: saves %s a month%n",
                usd(d.servingMonthly()), usd(d.storageMonthly()), usd(d.incumbentMonthly()), usd(d.monthlySavings()));
        out.printf(Locale.ROOT, "  payback: %s (horizon %d months)%n", dev.frontier.distill.Payback.period(d.paybackMonths()), d.horizonMonths());
        out.printf("  decision: %s — %s%n", d.recommended() ? "RECOMMENDED" : "NOT RECOMMENDED", d.reason());
        if (plan.plan().isPresent()) {
            out.println("CreateModelCustomizationJob request (training data to " + plan.plan().get().trainingUri()
                    + "):");
            out.println(plan.plan().get().requestJson());
        } else {
            out.println("(add staging.s3 and staging.roleArn to the suite to see the job request)");
        }
        out.flush();
    }

    private static String usd(BigDecimal v) {
        return v == null ? "unknown" : String.format(Locale.ROOT, "$%,.2f", v);
    }
}
