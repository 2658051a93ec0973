package dev.frontier.cli;

import dev.frontier.invoke.LocalBedrock;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options that put a command on the sandbox (a local imitation of Bedrock and S3) instead of AWS. */
final class SandboxFlags {

    @Option(names = "--sandbox",
            description = "use the local sandbox (simulated Bedrock and S3, state kept next to the run store) instead of AWS")
    boolean enabled;

    @Option(names = "--sandbox-time-scale", paramLabel = "X", defaultValue = "0.05",
            description = "share of the simulated latency the sandbox really waits, default: ${DEFAULT-VALUE}")
    double timeScale;

    @Option(names = "--sandbox-job-time", paramLabel = "SECONDS", defaultValue = "10",
            description = "how long a sandbox job (batch, customization) or resource takes, default: ${DEFAULT-VALUE}")
    double jobTimeSeconds;

    @Option(names = "--sandbox-request-log", paramLabel = "FILE",
            description = "with --sandbox: append every request the sandbox receives to FILE (JSON lines)")
    Path requestLog;

    @Option(names = "--sandbox-direct",
            description = "with --sandbox: call the sandbox's runtime in this process without HTTP or the AWS SDK: "
                    + "faster, but the SDK path is not exercised")
    boolean direct;

    /** Refuses values out of range (exit 2). */
    void check() {
        if (!(timeScale >= 0 && timeScale <= 10)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--sandbox-time-scale must be between 0 and 10");
        }
        if (!(jobTimeSeconds >= 0 && jobTimeSeconds <= 86_400)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--sandbox-job-time must be between 0 and 86400 seconds");
        }
        if (direct && !enabled) {
            throw new CliFailure(Exit.INVALID_INPUT, "--sandbox-direct calls the local sandbox: add --sandbox");
        }
    }

    Duration jobTime() {
        return Duration.ofMillis(Math.round(jobTimeSeconds * 1000));
    }

    /**
     * The sandbox's settings: with S3 and the control plane, their state in {@code <store folder>/sandbox} so that
     * jobs survive a restart, when the command needs them; the runtime alone otherwise.
     */
    LocalBedrock.Settings settings(boolean controlPlane, Path store) {
        LocalBedrock.Settings settings = LocalBedrock.Settings.defaults().withTimeScale(timeScale)
                .withJobTime(jobTime());
        if (controlPlane) {
            settings = settings.withS3(ControlPlaneAccess.sandboxState(store));
        }
        return requestLog == null ? settings : settings.withRequestLog(requestLog);
    }

    /** Starts the sandbox with {@link #settings}. */
    LocalBedrock start(boolean controlPlane, Path store) {
        return LocalBedrock.start(settings(controlPlane, store));
    }
}
