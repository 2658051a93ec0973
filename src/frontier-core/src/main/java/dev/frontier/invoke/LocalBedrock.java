package dev.frontier.invoke;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * An imitation of Bedrock (runtime, control plane and S3) running in this process: the sandbox. It lives in its own
 * module, found on the class path through {@link ServiceLoader}, so that the jar a team runs against AWS need not
 * carry the sandbox's S3 server.
 */
public interface LocalBedrock extends AutoCloseable {

    /** The runtime and control-plane endpoint, for the SDK's {@code endpointOverride}. */
    URI endpoint();

    /**
     * A client of the runtime's Converse that calls it in this process, without HTTP or the AWS SDK: the same
     * answers, refusals, quotas, faults and request log as a call to {@link #endpoint()} through the SDK, for less
     * CPU per call, but the SDK path a run on AWS takes is not exercised. Closing it leaves the sandbox running.
     *
     * @param region    the Region the calls are made in (what a signed request names)
     * @param userAgent what the sandbox's request log records as the caller
     */
    ModelClient runtimeClient(String region, String userAgent);

    /** The S3 endpoint (path style, keys {@code sandbox}/{@code sandbox}); empty unless started with S3. */
    Optional<URI> s3Endpoint();

    /** Creates a bucket in the sandbox's S3 unless it exists, as a user would before a first run. */
    void createBucket(String bucket);

    /**
     * Puts the sandbox's generated week of model-invocation logs into its S3 (unless they are there already), in the
     * layout and schema Bedrock writes, and returns their prefix as an {@code s3://} URI.
     *
     * @throws IllegalStateException when started without S3
     */
    String writeDemoLogs();

    /** The base model ids it imitates. */
    List<String> modelIds();

    /** Stops serving. */
    @Override
    void close();

    /**
     * How to start it.
     *
     * @param port         the port, 0 for any free one
     * @param timeScale    the share of the simulated latency really waited
     * @param s3           whether to start S3 and the control plane that keeps its state there
     * @param stateDir     where S3 objects and jobs survive a restart; empty keeps them in memory
     * @param jobTime      how long a simulated job or resource takes to finish
     * @param requestLog   a file that receives every request as a JSON line, or empty
     * @param throttleRate the share of calls refused with ThrottlingException on purpose
     * @param faultRate    the share of calls failed with a 5xx on purpose
     * @param faultSeed    the seed of those draws
     * @param quotaRpm     requests per minute allowed per model, 0 for no quota
     * @param quotaTpm     tokens per minute allowed per model, 0 for no quota
     */
    record Settings(int port, double timeScale, boolean s3, Optional<Path> stateDir, Duration jobTime,
                    Optional<Path> requestLog, double throttleRate, double faultRate, long faultSeed, int quotaRpm,
                    int quotaTpm) {

        public Settings {
            Objects.requireNonNull(stateDir, "stateDir");
            Objects.requireNonNull(jobTime, "jobTime");
            Objects.requireNonNull(requestLog, "requestLog");
        }

        /** Any free port, real-time latency, no S3, jobs of 10 s, no faults, no quotas. */
        public static Settings defaults() {
            return new Settings(0, 1.0, false, Optional.empty(), Duration.ofSeconds(10), Optional.empty(), 0, 0, 0,
                    0, 0);
        }

        public Settings withPort(int newPort) {
            return new Settings(newPort, timeScale, s3, stateDir, jobTime, requestLog, throttleRate, faultRate,
                    faultSeed, quotaRpm, quotaTpm);
        }

        public Settings withTimeScale(double newTimeScale) {
            return new Settings(port, newTimeScale, s3, stateDir, jobTime, requestLog, throttleRate, faultRate,
                    faultSeed, quotaRpm, quotaTpm);
        }

        /** With S3 and the control plane; {@code dir} keeps their state across restarts, null keeps it in memory. */
        public Settings withS3(Path dir) {
            return new Settings(port, timeScale, true, Optional.ofNullable(dir), jobTime, requestLog, throttleRate,
                    faultRate, faultSeed, quotaRpm, quotaTpm);
        }

        public Settings withJobTime(Duration newJobTime) {
            return new Settings(port, timeScale, s3, stateDir, newJobTime, requestLog, throttleRate, faultRate,
                    faultSeed, quotaRpm, quotaTpm);
        }

        public Settings withRequestLog(Path file) {
            return new Settings(port, timeScale, s3, stateDir, jobTime, Optional.of(file), throttleRate, faultRate,
                    faultSeed, quotaRpm, quotaTpm);
        }

        public Settings withFaults(double newThrottleRate, double newFaultRate, long seed) {
            return new Settings(port, timeScale, s3, stateDir, jobTime, requestLog, newThrottleRate, newFaultRate,
                    seed, quotaRpm, quotaTpm);
        }

        public Settings withQuota(int requestsPerMinute, int tokensPerMinute) {
            return new Settings(port, timeScale, s3, stateDir, jobTime, requestLog, throttleRate, faultRate,
                    faultSeed, requestsPerMinute, tokensPerMinute);
        }
    }

    /** What the sandbox module registers under {@code META-INF/services}. */
    interface Provider {
        LocalBedrock start(Settings settings);
    }

    /**
     * Starts the sandbox found on the class path.
     *
     * @throws SetupException           when none is there, saying how to add it
     * @throws IllegalArgumentException when a setting is out of range
     */
    static LocalBedrock start(Settings settings) {
        Provider provider = ServiceLoader.load(Provider.class).findFirst().orElseThrow(() -> new SetupException(
                "the sandbox is not in this installation: run frontier with frontier-sandbox.jar on the class path "
                        + "(the ./frontier launcher does), or drop --sandbox to call Amazon Bedrock"));
        return provider.start(settings);
    }
}
