package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real mode with an endpoint nothing answers on: the circuit breaker stops the run after a few failed connections
 * with exit 3, the host and the error in the message, and a run that can be resumed. No traffic leaves the machine:
 * a closed port on 127.0.0.1, and a name under {@code .invalid}, which never resolves (RFC 2606).
 */
@Tag("e2e")
class UnreachableEndpointTest {

    @TempDir
    Path dir;

    private String stopped(String endpoint) throws Exception {
        String smoke = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("../datasets/intents-smoke.csv",
                        Path.of("datasets/intents-smoke.csv").toAbsolutePath().toString())
                .replace("execution:\n  concurrency: 4", "execution:\n  concurrency: 4\n  region: us-east-1\n"
                        + "  endpoint: " + endpoint);
        Path suite = dir.resolve("smoke.yaml");
        Files.writeString(suite, smoke);
        Path log = dir.resolve("run.log");
        Path db = dir.resolve("store.db");
        Process child = ChildRun.start(log, Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"),
                List.of(suite.toString(), "--progress", "plain", "--store", db.toString(), "--reports",
                        dir.resolve("reports").toString()));
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(child.exitValue()).as(out).isEqualTo(3);
        assertThat(out).contains("5 attempts in a row could not connect and none ever did")
                .contains("resume with 'frontier run " + suite + " --resume ").doesNotContain("\tat ");
        // resumable: the run is in the store, its lease given back, no call left possibly billed
        assertThat(ChildRun.count(db, "SELECT COUNT(*) FROM runs WHERE status = 'failed'")).isEqualTo(1);
        assertThat(ChildRun.count(db, "SELECT COUNT(*) FROM run_leases")).isZero();
        assertThat(ChildRun.count(db, "SELECT COUNT(*) FROM call_intents")).isZero();
        return out;
    }

    @Test
    void aClosedPortStopsTheRunNamingTheHostAndTheError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        assertThat(stopped("http://127.0.0.1:" + port)).contains("run stopped: cannot reach 127.0.0.1:" + port
                + ": ConnectException");
    }

    @Test
    void aHostThatDoesNotResolveStopsTheRunNamingTheHostAndTheError() throws Exception {
        assertThat(stopped("https://bedrock-runtime.invalid")).contains("run stopped: cannot reach "
                + "bedrock-runtime.invalid: UnknownHostException");
    }
}
