package dev.frontier.cli;

import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
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
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(SandboxOptions.defaults().withPort(port).withTimeScale(timeScale));
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
        out.println("models: " + String.join(", ", Sandbox.modelIds()));
        out.println("try: aws bedrock-runtime converse --endpoint-url " + sandbox.endpoint()
                + " --region us-east-1 --model-id amazon.nova-lite-v1:0"
                + " --messages '[{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}]'");
        out.println("(any credentials are accepted; Ctrl-C stops)");
        out.flush();
        stopped.await();
        return Exit.OK.code();
    }
}
