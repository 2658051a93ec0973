package dev.frontier.sandbox;

import dev.frontier.invoke.LocalBedrock;

/** Starts the sandbox for {@link LocalBedrock#start}: registered in {@code META-INF/services}. */
public final class SandboxProvider implements LocalBedrock.Provider {

    @Override
    public LocalBedrock start(LocalBedrock.Settings settings) {
        return Sandbox.start(options(settings));
    }

    /** The sandbox's options for the settings. */
    static SandboxOptions options(LocalBedrock.Settings s) {
        SandboxOptions options = SandboxOptions.defaults().withPort(s.port()).withTimeScale(s.timeScale())
                .withJobTime(s.jobTime());
        if (s.throttleRate() > 0 || s.faultRate() > 0) {
            options = options.withFaults(FaultRates.none().withThrottling(s.throttleRate())
                    .withInternalServer(s.faultRate() / 2).withServiceUnavailable(s.faultRate() / 2), s.faultSeed());
        }
        if (s.quotaRpm() > 0 || s.quotaTpm() > 0) {
            options = options.withQuota(SandboxOptions.ALL_MODELS, s.quotaRpm(), s.quotaTpm());
        }
        if (s.requestLog().isPresent()) {
            options = options.withRequestLog(s.requestLog().get());
        }
        return s.s3() ? options.withS3(s.stateDir().orElse(null)) : options;
    }
}
