package dev.frontier.cli;

import dev.frontier.config.SuiteSpec;
import dev.frontier.bedrock.BedrockBatchJobs;
import dev.frontier.bedrock.BedrockCustomizationJobs;
import dev.frontier.bedrock.BedrockPromptRouters;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.bedrock.SdkS3Objects;
import dev.frontier.invoke.BatchJobClient;
import dev.frontier.invoke.CustomizationJobs;
import dev.frontier.invoke.LocalBedrock;
import dev.frontier.invoke.PromptRouters;
import dev.frontier.invoke.S3Objects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The control plane and S3 for {@code distill} and {@code jobs}: Bedrock with the default credential chain, or the
 * local sandbox with S3 and its job state in {@code sandbox/} next to the run store, so that jobs submitted by one
 * command are still there for the next.
 */
final class ControlPlaneAccess implements AutoCloseable {

    private final LocalBedrock sandbox;
    private final BedrockSettings settings;

    private ControlPlaneAccess(LocalBedrock sandbox, BedrockSettings settings) {
        this.sandbox = sandbox;
        this.settings = settings;
    }

    /** The sandbox's state folder for a run store. */
    static Path sandboxState(Path store) {
        Path parent = store.toAbsolutePath().getParent();
        return (parent == null ? Path.of(".") : parent).resolve("sandbox");
    }

    /**
     * The sandbox (started here, with S3) or AWS.
     *
     * @param endpoints where the control plane and S3 are on AWS (ignored on the sandbox)
     */
    static ControlPlaneAccess open(SandboxFlags sandbox, Path store, Optional<String> region,
                                   BedrockSettings.Endpoints endpoints) {
        if (sandbox.enabled) {
            LocalBedrock local = sandbox.start(true, store);
            return new ControlPlaneAccess(local, RunWiring.settings(local, Optional.of("us-east-1"), endpoints, 3,
                    Duration.ofSeconds(60)));
        }
        return new ControlPlaneAccess(null, RunWiring.settings(null, region, endpoints, 3,
                Duration.ofSeconds(120)));
    }

    LocalBedrock sandbox() {
        return sandbox;
    }

    CustomizationJobs jobs() {
        return new BedrockCustomizationJobs(CloudClients.bedrock(settings));
    }

    /** Prompt routers, through the same control plane. */
    PromptRouters promptRouters() {
        return new BedrockPromptRouters(CloudClients.bedrock(settings));
    }

    /** Batch inference jobs, through the same control plane. */
    BatchJobClient batchJobs() {
        return new BedrockBatchJobs(CloudClients.bedrock(settings));
    }

    /** S3 with the suite's expected bucket owner and KMS key; on the sandbox, the staging bucket is created. */
    S3Objects s3(SuiteSpec suite) {
        if (sandbox != null) {
            suite.staging().s3().ifPresent(u -> sandbox.createBucket(u.bucket()));
        }
        return new SdkS3Objects(CloudClients.s3(settings), suite.staging().expectedBucketOwner(),
                suite.staging().kmsKeyId());
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
