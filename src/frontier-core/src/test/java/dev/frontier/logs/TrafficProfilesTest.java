package dev.frontier.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficProfilesTest {

    @TempDir
    Path dir;

    static TrafficProfile sample() {
        var arrivals = new TrafficProfile.Arrivals(1_764_000_000_000L, new int[] {0, 1000, 250}, new int[] {0, 1, 0},
                new int[] {0, 0, -1});
        return new TrafficProfile(TrafficProfile.SCHEMA,
                new TrafficProfile.Source("invocation-logs", "s3://logs/prefix/", 2, Map.of("model", "amazon.nova-pro-v1:0")),
                new TrafficProfile.Window("2026-11-23T00:00:00Z", "2026-11-23T00:01:00Z", 1), 3, 3 * 43_800,
                Map.of("amazon.nova-pro-v1:0", 3L), new TrafficProfile.Distribution(100, 90, 150, 199, 200),
                new TrafficProfile.Distribution(40, 38, 60, 70, 71), 0.25,
                new TrafficProfile.Peak("2026-11-23T00:00:00Z", 3, 420, 300, 120), 420, Optional.of(arrivals));
    }

    @Test
    void aProfileReadsBackAsWritten() {
        Path file = dir.resolve("traffic.json");
        TrafficProfiles.write(file, sample());
        var read = TrafficProfiles.read(file);
        assertThat(read).isInstanceOf(TrafficProfiles.Loaded.class);
        TrafficProfile back = ((TrafficProfiles.Loaded) read).profile();
        assertThat(back).isEqualTo(sample());
        assertThat(back.monthlyRequests()).isEqualTo(131_400);
        assertThat(back.arrivals().orElseThrow().epochMs()).containsExactly(1_764_000_000_000L, 1_764_000_001_000L,
                1_764_000_001_250L);
        assertThat(back.peakFactor()).isEqualTo(1.0);
    }

    @Test
    void aBadFileIsAProblemAtItsLine() throws Exception {
        Path file = dir.resolve("traffic.json");
        String text = TrafficProfiles.toJson(sample()).replace("\"cacheReadShare\" : 0.25", "\"cacheReadShare\" : 7");
        Files.writeString(file, text);
        var read = TrafficProfiles.read(file);
        assertThat(read).isInstanceOf(TrafficProfiles.Invalid.class);
        var problem = ((TrafficProfiles.Invalid) read).problem();
        assertThat(problem.line()).isGreaterThan(1);
        assertThat(problem.problem()).contains("cacheReadShare");
        Files.writeString(file, "{\"schema\": \"other\"}");
        assertThat(TrafficProfiles.read(file)).isInstanceOf(TrafficProfiles.Invalid.class);
        assertThat(TrafficProfiles.read(dir.resolve("missing.json"))).isInstanceOf(TrafficProfiles.Invalid.class);
    }
}
