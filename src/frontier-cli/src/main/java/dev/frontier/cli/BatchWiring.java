package dev.frontier.cli;

import dev.frontier.bedrock.BedrockBatchJobs;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.bedrock.SdkS3Objects;
import dev.frontier.config.StagingSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.invoke.LocalBedrock;
import dev.frontier.model.Problem;
import dev.frontier.model.S3Uri;
import dev.frontier.run.execute.BatchSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Wires batch inference for {@code run}: the staging checks against Bedrock, the sandbox's S3 and job state next to
 * the run store (so that a killed run, resumed, polls the same job), and the {@link BatchSetup}.
 */
final class BatchWiring {

    /** The staging location batch runs on the sandbox use when the suite names none. */
    static final S3Uri SANDBOX_STAGING = S3Uri.parse("s3://frontier-staging/batch/");
    /** The role batch jobs on the sandbox run as when the suite names none. */
    static final String SANDBOX_ROLE = "arn:aws:iam::000000000000:role/frontier-sandbox-batch";

    private BatchWiring() {
    }

    /**
     * Against Bedrock, {@code execution.mode: batch} needs {@code staging.s3} and {@code staging.roleArn}.
     *
     * @throws CliFailure exit 2 naming the missing key and the fix
     */
    static void requireStaging(SuiteSpec s) {
        if (s.execution().mode() != SuiteSpec.ExecutionSpec.Mode.BATCH) {
            return;
        }
        StagingSpec staging = s.staging();
        String missing = staging.s3().isEmpty() ? "staging.s3" : staging.roleArn().isEmpty() ? "staging.roleArn"
                : null;
        if (missing != null) {
            Problem p = Problem.error(s.at(missing.equals("staging.s3") || s.locations().get("staging") == null
                    ? "execution.mode" : "staging"), missing, "execution.mode batch needs " + missing
                    + " for the job's records and outputs",
                    missing.equals("staging.s3") ? "add staging: { s3: s3://bucket/prefix/, roleArn: arn:aws:iam::"
                            + "<account>:role/<role Bedrock may assume> }, or use execution.mode: auto or --sandbox"
                            : "add staging.roleArn: the IAM role Bedrock assumes to read and write " + staging.s3()
                            .get());
            throw new CliFailure(Exit.INVALID_INPUT, p.toString());
        }
    }

    /**
     * Whether the suite (as overridden on the command line) sends work to batch jobs; against Bedrock the staging
     * it needs is checked first.
     *
     * @throws CliFailure exit 2 when batch is wanted against Bedrock without the staging it needs
     */
    static boolean wanted(SuiteSpec s, boolean sandbox) {
        boolean wanted = s.execution().mode() != SuiteSpec.ExecutionSpec.Mode.ON_DEMAND;
        if (wanted && !sandbox) {
            requireStaging(s);
        }
        return wanted;
    }

    /** The batch setup for this run, or empty when batch cannot run here (auto mode without staging). */
    static Optional<BatchSetup> setup(SuiteSpec s, LocalBedrock local, Optional<String> region, Path store,
                                      PrintWriter err) {
        StagingSpec staging = s.staging();
        Path work = store.toAbsolutePath().getParent().resolve("batch");
        BedrockSettings settings = RunWiring.settings(local, region,
                local != null ? BedrockSettings.Endpoints.none() : RunWiring.endpoints(s), 3, Duration.ofSeconds(120));
        if (local != null) {
            S3Uri prefix = staging.s3().orElse(SANDBOX_STAGING);
            local.createBucket(prefix.bucket());
            return Optional.of(new BatchSetup(new BedrockBatchJobs(CloudClients.bedrock(settings)),
                    new SdkS3Objects(CloudClients.s3(settings), Optional.empty(), Optional.empty()),
                    prefix, staging.roleArn().orElse(SANDBOX_ROLE), Optional.empty(), Optional.empty(),
                    staging.tags(), Duration.ofMillis(500), Duration.ofSeconds(2), work, line(err)));
        }
        if (staging.s3().isEmpty() || staging.roleArn().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BatchSetup(new BedrockBatchJobs(CloudClients.bedrock(settings)),
                new SdkS3Objects(CloudClients.s3(settings), staging.expectedBucketOwner(),
                        staging.kmsKeyId()),
                staging.s3().get(), staging.roleArn().get(), staging.expectedBucketOwner(), staging.kmsKeyId(),
                staging.tags(), Duration.ofSeconds(30), Duration.ofMinutes(5), work, line(err)));
    }

    private static java.util.function.Consumer<String> line(PrintWriter err) {
        return text -> {
            synchronized (err) {
                err.println(text);
                err.flush();
            }
        };
    }
}
