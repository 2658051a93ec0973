package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code traffic}: one figure or a profile (never both), the client cache, and each bad value at its position. */
class TrafficConfigTest {

    @TempDir
    Path dir;

    private SuiteLoader.Result load(String traffic) throws IOException {
        Files.writeString(dir.resolve("d.jsonl"), "{\"id\":\"1\",\"q\":\"x\"}\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                suite: traffic
                dataset: { path: d.jsonl, id: id }
                prompt: { user: "{{q}}" }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0 } ]
                scorers: [ { type: exact-match, expected: "x" } ]
                """ + traffic);
        return SuiteLoader.load(f);
    }

    private String problem(String traffic) throws IOException {
        SuiteLoader.Result r = load(traffic);
        assertThat(r).isInstanceOf(SuiteLoader.Invalid.class);
        assertThat(r.problems()).hasSize(1);
        return r.problems().get(0).toString();
    }

    @Test
    void aProfileIsResolvedAgainstTheSuiteFileAndCarriesItsClientCache() throws IOException {
        SuiteSpec.TrafficSpec t = ((SuiteLoader.Loaded) load(
                "traffic: { profile: ../prod/traffic.json, clientCache: { ttl: 1h, maxEntries: 10000 } }\n"))
                .suite().traffic();
        assertThat(t.profile()).hasValue(dir.resolve("../prod/traffic.json").toAbsolutePath().normalize());
        assertThat(t.clientCache()).hasValue(new SuiteSpec.ClientCacheSpec("1h", 3_600_000, 10_000));
        assertThat(t.requestsPerMonth()).isZero();
        assertThat(t.measured(42)).isEqualTo(new SuiteSpec.TrafficSpec(42, t.profile(), t.clientCache()));
    }

    @Test
    void oneFigureStaysAsItWas() throws IOException {
        assertThat(((SuiteLoader.Loaded) load("traffic: { requestsPerMonth: 1000 }\n")).suite().traffic())
                .isEqualTo(new SuiteSpec.TrafficSpec(1000, Optional.empty(), Optional.empty()));
    }

    @Test
    void aProfileAndAFigureTogetherIsAnErrorAtTheProfile() throws IOException {
        assertThat(problem("traffic: { requestsPerMonth: 1000, profile: t.json }\n"))
                .contains("s.yaml:6:45").contains("traffic.profile")
                .contains("give traffic.profile or traffic.requestsPerMonth, not both");
    }

    @Test
    void eachBadClientCacheValueIsAnErrorAtItsPosition() throws IOException {
        assertThat(problem("traffic: { profile: t.json, clientCache: { ttl: 5 minutes, maxEntries: 10 } }\n"))
                .contains("s.yaml:6:49").contains("traffic.clientCache.ttl").contains("not a duration: '5 minutes'");
        assertThat(problem("traffic: { profile: t.json, clientCache: { ttl: 5m, maxEntries: 0 } }\n"))
                .contains("s.yaml:6:65").contains("traffic.clientCache.maxEntries");
        assertThat(problem("traffic: { profile: t.json, clientCache: { ttl: 5m } }\n"))
                .contains("traffic.clientCache.maxEntries: missing");
        assertThat(problem("traffic: { requestsPerMonth: 5, clientCache: { ttl: 5m, maxEntries: 3 } }\n"))
                .contains("traffic.clientCache").contains("a client cache needs traffic.profile");
        assertThat(problem("traffic: { profile: t.json, clientCache: { ttl: 5m, maxEntries: 3, size: 1 } }\n"))
                .contains("size");
    }
}
