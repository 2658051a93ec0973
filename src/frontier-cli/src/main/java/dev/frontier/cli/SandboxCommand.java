package dev.frontier.cli;

import dev.frontier.invoke.LocalBedrock;
import dev.frontier.invoke.SetupException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code frontier sandbox}: the local Bedrock-compatible endpoint, standalone, until interrupted. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Serve the local Bedrock-compatible endpoint (simulated models) until interrupted.")
final class SandboxCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8787", description = "port on 127.0.0.1 (0 = any free), "
            + "default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1.0",
            description = "share of the simulated latency really waited, default: ${DEFAULT-VALUE}")
    double timeScale;

    @Option(names = "--quota-rpm", paramLabel = "N", defaultValue = "0",
            description = "requests per minute each model accepts before answering 429 ThrottlingException (0 = no limit)")
    int quotaRpm;

    @Option(names = "--quota-tpm", paramLabel = "N", defaultValue = "0",
            description = "tokens per minute each model accepts (0 = no limit)")
    int quotaTpm;

    @Option(names = "--throttle-rate", paramLabel = "X", defaultValue = "0",
            description = "share of calls answered with a random ThrottlingException")
    double throttleRate;

    @Option(names = "--fault-rate", paramLabel = "X", defaultValue = "0",
            description = "share of calls answered with 500 InternalServer or 503 ServiceUnavailable (half each)")
    double faultRate;

    @Option(names = "--fault-seed", paramLabel = "N", defaultValue = "1", description = "seed of the fault draws")
    long faultSeed;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "keep S3 objects and control-plane jobs here so they survive a restart (default: memory)")
    java.nio.file.Path stateDir;

    @Option(names = "--request-log", paramLabel = "FILE", description = "append every request as a JSON line")
    java.nio.file.Path requestLog;

    @Option(names = "--demo-logs",
            description = "put a generated week of model-invocation logs into the sandbox's S3 and print their prefix")
    boolean demoLogs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CliFailure(Exit.INVALID_INPUT, "--port must be between 0 and 65535");
        }
        if (timeScale < 0 || timeScale > 10) {
            throw new CliFailure(Exit.INVALID_INPUT, "--time-scale must be between 0 and 10");
        }
        if (quotaRpm < 0 || quotaTpm < 0) {
            throw new CliFailure(Exit.INVALID_INPUT, "--quota-rpm and --quota-tpm must not be negative (0: no quota)");
        }
        if (!(throttleRate >= 0 && throttleRate <= 1) || !(faultRate >= 0 && faultRate <= 1)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--throttle-rate and --fault-rate are shares between 0 and 1");
        }
        LocalBedrock sandbox;
        try {
            LocalBedrock.Settings settings = LocalBedrock.Settings.defaults().withPort(port).withTimeScale(timeScale)
                    .withFaults(throttleRate, faultRate, faultSeed).withQuota(quotaRpm, quotaTpm).withS3(stateDir);
            sandbox = LocalBedrock.start(requestLog == null ? settings : settings.withRequestLog(requestLog));
        } catch (SetupException e) {
            throw e;   // the sandbox is not in this installation: Failures says so, exit 3 as for run --sandbox
        } catch (IllegalArgumentException e) {
            throw new CliFailure(Exit.INVALID_INPUT, e.getMessage());
        } catch (RuntimeException e) {
            throw new CliFailure(Exit.PROVIDER, "cannot start the sandbox on port " + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "frontier-sandbox-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("frontier sandbox (simulated models) listening on " + sandbox.endpoint());
        out.println("S3 (s3proxy, path-style, access key and secret \"sandbox\") on " + sandbox.s3Endpoint().orElseThrow());
        out.println("models: " + String.join(", ", sandbox.modelIds()));
        if (demoLogs) {
            out.println("invocation logs (a generated week): " + sandbox.writeDemoLogs());
        }
        out.println("try: aws bedrock-runtime converse --endpoint-url " + sandbox.endpoint()
                + " --region us-east-1 --model-id amazon.nova-lite-v1:0"
                + " --messages '[{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}]'");
        // the standard service-specific endpoint variables, which frontier reads as the AWS SDKs do
        out.println("frontier against it without --sandbox: AWS_ENDPOINT_URL_BEDROCK_RUNTIME=" + sandbox.endpoint()
                + " AWS_ENDPOINT_URL_BEDROCK=" + sandbox.endpoint() + " AWS_ENDPOINT_URL_S3="
                + sandbox.s3Endpoint().orElseThrow() + " AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox"
                + " AWS_REGION=us-east-1 frontier run SUITE");
        out.println("(the runtime accepts any credentials; Ctrl-C stops)");
        out.flush();
        stopped.await();
        return Exit.OK.code();
    }
}
