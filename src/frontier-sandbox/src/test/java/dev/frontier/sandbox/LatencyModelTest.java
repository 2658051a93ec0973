package dev.frontier.sandbox;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The latency options: a multiplier on the log-normal shape, or a fixed value; real waiting scaled by timeScale. */
class LatencyModelTest {

    private static final String NOTE = "Summarize: the nightly export failed twice this week because the disk was full.";

    private static List<Long> latencies(LatencyModel latency, double timeScale) {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withLatency(latency).withTimeScale(timeScale));
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            List<Long> out = new ArrayList<>();
            for (String model : List.of(Bedrock.SONNET, Bedrock.NOVA_MICRO, Bedrock.LLAMA_8B)) {
                out.add(client.converse(Bedrock.request(model, "", false, NOTE, 100)).metrics().latencyMs());
            }
            return out;
        }
    }

    @Test
    void theDefaultIsTheUnscaledLogNormalShape() {
        assertThat(SandboxOptions.defaults().latency()).isEqualTo(LatencyModel.logNormal());
        assertThat(LatencyModel.logNormal().shape()).isEqualTo(LatencyModel.Shape.LOG_NORMAL);
        assertThat(LatencyModel.logNormal().multiplier()).isEqualTo(1.0);
    }

    @Test
    void aMultiplierScalesEachDrawnLatency() {
        List<Long> plain = latencies(LatencyModel.logNormal(), 0);
        List<Long> tripled = latencies(LatencyModel.logNormal(3), 0);
        for (int i = 0; i < plain.size(); i++) {
            assertThat((double) tripled.get(i)).isCloseTo(3.0 * plain.get(i),
                    org.assertj.core.api.Assertions.within(3.0));
        }
    }

    @Test
    void aFixedLatencyIsTheSameForEveryModelAndRequest() {
        assertThat(latencies(LatencyModel.fixed(250), 0)).containsOnly(250L);
        assertThat(latencies(LatencyModel.fixed(250).withMultiplier(2), 0)).containsOnly(500L);
    }

    @Test
    void theServerWaitsTheLatencyTimesTheTimeScale() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests()
                .withLatency(LatencyModel.fixed(400)).withTimeScale(0.25));
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            ConverseRequest request = Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE, 100);
            client.converse(request); // warm up the client
            long start = System.nanoTime();
            assertThat(client.converse(request).metrics().latencyMs()).isEqualTo(400);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void theLogNormalShapeMatchesTheModelsOwnDraw() {
        ModelProfile sonnet = ModelCatalog.builtIn().resolve(Bedrock.SONNET).orElseThrow();
        assertThat(LatencyModel.logNormal().latencyMs(sonnet, 100, 500, 0, new SplittableRandom(9)))
                .isEqualTo(sonnet.latencyMs(100, 500, 0, new SplittableRandom(9)));
    }
}
