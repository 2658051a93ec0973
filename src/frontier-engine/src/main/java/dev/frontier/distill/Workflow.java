package dev.frontier.distill;

import dev.frontier.invoke.CustomizationJobs;
import dev.frontier.invoke.S3Objects;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A planned customization taken as far as asked: launch it once, wait for the job, serve the custom model, evaluate
 * it as one more candidate. Each step needs the one before; the listener hears of each as it ends, so that a
 * command can print while a job runs for hours.
 */
public final class Workflow {

    /** How far to go. */
    public enum Stage { LAUNCH, WAIT, SERVE, EVALUATE }

    /** What the workflow reports as it goes. */
    public interface Listener extends Distiller.Progress {
        /** The job was submitted, or found submitted before (same suite and training data). */
        void launched(Distiller.Launch launch);

        /** The job completed; its custom model is known. */
        void completed(CustomizationJobs.JobState state);

        /** The custom model serves through {@code servingArn}. */
        void serving(String servingArn);
    }

    /** Runs the evaluation on the served model; the caller owns the model client it calls through. */
    @FunctionalInterface
    public interface Evaluator {
        RunResult evaluate(RunResult.Distillation decision, String servingArn) throws IOException, InterruptedException;
    }

    /** The plan cannot be launched: its return is unknown, or the decision is against it. Bad input (exit 2). */
    public static final class NotLaunchable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotLaunchable(String message) {
            super(message, null, false, false);
        }
    }

    /** The job ended without a model ({@code Failed}, {@code Stopped}): a provider failure. */
    public static final class JobFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobFailed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What was reached.
     *
     * @param launch     the job
     * @param job        its final state, when waited for
     * @param servingArn the serving resource, when served
     * @param evaluation the evaluation run, when evaluated
     */
    public record Outcome(Distiller.Launch launch, Optional<CustomizationJobs.JobState> job, Optional<String> servingArn,
                          Optional<RunResult> evaluation) {
    }

    private final Distiller distiller;

    public Workflow(Distiller distiller) {
        this.distiller = Objects.requireNonNull(distiller, "distiller");
    }

    /**
     * Refuses a plan whose return is unknown or not worth it.
     *
     * @throws NotLaunchable with what to give or why not
     */
    public static void checkLaunchable(Distiller.Plan plan, String suiteFile) {
        RunResult.Distillation d = plan.decision();
        if (!d.unknownPrices().isEmpty()) {
            throw new NotLaunchable("cannot launch while the return is unknown: give "
                    + String.join(", ", d.unknownPrices()) + " in " + suiteFile);
        }
        if (!d.recommended()) {
            throw new NotLaunchable("not launching: " + d.reason());
        }
    }

    /**
     * Launches (once) and goes on to {@code until}.
     *
     * @throws JobFailed when the job ends without a model
     */
    public Outcome run(Distiller.Plan plan, Stage until, S3Objects s3, CustomizationJobs jobs,
                       Distiller.Polling polling, Listener listener, Evaluator evaluator)
            throws IOException, InterruptedException {
        Distiller.Launch launched = distiller.launch(plan, s3, jobs);
        listener.launched(launched);
        if (until == Stage.LAUNCH) {
            return new Outcome(launched, Optional.empty(), Optional.empty(), Optional.empty());
        }
        CustomizationJobs.JobState state = distiller.await(launched.jobArn(), jobs, polling, listener);
        if (!state.status().equals("Completed")) {
            throw new JobFailed("the job ended " + state.status()
                    + (state.failureMessage().isEmpty() ? "" : ": " + state.failureMessage()));
        }
        listener.completed(state);
        if (until == Stage.WAIT) {
            return new Outcome(launched, Optional.of(state), Optional.empty(), Optional.empty());
        }
        String servingArn = distiller.serve(plan, launched.jobArn(), state.outputModelArn().orElseThrow(), jobs,
                polling, listener);
        listener.serving(servingArn);
        if (until == Stage.SERVE) {
            return new Outcome(launched, Optional.of(state), Optional.of(servingArn), Optional.empty());
        }
        RunResult.Distillation d = plan.decision().withJob(launched.jobArn(), state.status(),
                state.trainingLoss().map(Double::valueOf).orElse(null),
                state.validationLoss().map(Double::valueOf).orElse(null), null, null);
        return new Outcome(launched, Optional.of(state), Optional.of(servingArn),
                Optional.of(evaluator.evaluate(d, servingArn)));
    }
}
