package dev.frontier.run.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.catalog.Catalog;
import dev.frontier.config.SuiteLoader;
import dev.frontier.config.SuiteSpec;
import dev.frontier.logs.TrafficProfile;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's arrivals replayed for a suite's candidates: the rates by hand, the minimum rule, the record. */
class TrafficReplayTest {

    @TempDir
    Path dir;

    private static final long MIN = 60_000;

    private SuiteSpec suite() throws IOException {
        Files.writeString(dir.resolve("d.jsonl"), "{\"id\":\"1\",\"q\":\"x\"}\n");
        Path f = dir.resolve("suites/s.yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, """
                suite: traffic
                dataset: { path: ../d.jsonl, id: id }
                prompt: { system: "long", user: "{{q}}", cache: system }
                candidates:
                  - { id: lite, model: amazon.nova-lite-v1:0 }
                  - { id: sonnet, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0, prompt: { cacheTtl: 1h } }
                  - { id: plain, model: amazon.nova-micro-v1:0, prompt: { cache: none } }
                scorers: [ { type: exact-match, expected: "x" } ]
                traffic: { profile: ../prod/traffic.json, clientCache: { ttl: 5m, maxEntries: 1 } }
                """);
        return ((SuiteLoader.Loaded) SuiteLoader.load(f)).suite();
    }

    /** Arrivals at 0:00, 4:59, 9:58 and 15:00 with one system prompt; prompts a, a, b, a. */
    private static TrafficProfile profile() {
        int[] deltas = {0, (int) (4 * MIN + 59_000), (int) (4 * MIN + 59_000), (int) (5 * MIN + 2_000)};
        return new TrafficProfile(TrafficProfile.SCHEMA, new TrafficProfile.Source("invocation-logs", "s3://b/p/", 0,
                Map.of()), new TrafficProfile.Window("2026-11-16T08:00:00Z", "2026-11-16T08:20:00Z", 20), 4,
                4 / 20.0 * TrafficProfile.MINUTES_PER_MONTH, Map.of(),
                new TrafficProfile.Distribution(2000, 2000, 2000, 2000, 2000),
                new TrafficProfile.Distribution(50, 50, 50, 50, 50), 0,
                new TrafficProfile.Peak("2026-11-16T08:00:00Z", 1, 4100, 4000, 100), 2050 * 4 / 20.0,
                Optional.of(new TrafficProfile.Arrivals(1_794_816_000_000L, deltas, new int[] {0, 0, 1, 0},
                        new int[] {0, 0, 0, 0})));
    }

    private static RunResult.CandidateResult candidate(String id, String model, long read, long write) {
        return RunResult.CandidateResult.builder().id(id).model(model).calls(10)
                .usage(new RunResult.Usage(1000, 500, read, write)).build();
    }

    @Test
    void eachCandidateIsReplayedAtItsTtlUnderItsModelsMinimum() throws IOException {
        TrafficReplay replay = TrafficReplay.of(suite(), profile(), Catalog.bundled(), List.of(
                candidate("lite", "amazon.nova-lite-v1:0", 9000, 3000),
                candidate("sonnet", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", 0, 0),
                candidate("plain", "amazon.nova-micro-v1:0", 0, 0)));
        RunResult.TrafficSource t = replay.section();
        assertThat(t.provenance()).isEqualTo("profile ../prod/traffic.json");
        assertThat(t.requestsPerMonth()).isEqualTo(8760);
        assertThat(t.peakFactor()).isEqualTo(10); // 4,100 tokens in the busiest minute, 410 on average
        // 5 minutes: hits at 4:59 and 9:58 (each moves the expiry), a write at 15:00; an hour: three hits
        assertThat(t.promptCache()).containsExactly(new RunResult.CacheRate("5m", 0.5, 2, 2),
                new RunResult.CacheRate("1h", 0.75, 3, 1));
        // lite: a prefix of 1,200 tokens ≥ Nova's 1,000; sonnet: a checkpoint the model ignored (below 4,096), at
        // its 1-hour TTL; plain: no checkpoint, the system prompt's rate shown
        assertThat(t.candidates()).extracting(RunResult.CandidateCache::candidate, RunResult.CandidateCache::ttl,
                RunResult.CandidateCache::prefixTokens, RunResult.CandidateCache::minTokens,
                RunResult.CandidateCache::hitRate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lite", "5m", 1200.0, 1000L, 0.5),
                org.assertj.core.groups.Tuple.tuple("sonnet", "1h", null, 4096L, 0.0),
                org.assertj.core.groups.Tuple.tuple("plain", "5m", null, 1000L, 0.5));
        // the client cache: a stored at 0:00, hit at 4:59; b evicts a (one entry); a stored again at 15:00
        assertThat(t.clientCache().orElseThrow().hitRate()).isEqualTo(0.25);

        assertThat(replay.byCandidate().get("lite").promptHitRate()).hasValue(0.5);
        assertThat(replay.byCandidate().get("sonnet").ttl()).isEqualTo("1h");
        assertThat(replay.byCandidate().get("sonnet").promptHitRate()).hasValue(0.0);
        assertThat(replay.byCandidate().get("plain").clientCache().orElseThrow().hitRate()).isEqualTo(0.25);
        assertThat(replay.byCandidate().get("plain").peakFactor()).isEqualTo(10);
    }

    @Test
    void aProfileWithoutArrivalsReplaysNothing() throws IOException {
        TrafficProfile p = profile();
        TrafficProfile metrics = new TrafficProfile(p.schema(), p.source(), p.window(), p.records(),
                p.requestsPerMonth(), p.models(), p.inputTokens(), p.outputTokens(), 0, p.peak(),
                p.averageTokensPerMinute(), Optional.empty());
        TrafficReplay replay = TrafficReplay.of(suite(), metrics, Catalog.bundled(),
                List.of(candidate("lite", "amazon.nova-lite-v1:0", 9000, 3000)));
        assertThat(replay.section().promptCache()).isEmpty();
        assertThat(replay.section().candidates()).isEmpty();
        assertThat(replay.section().clientCache()).isEmpty();
        assertThat(replay.byCandidate().get("lite").promptHitRate()).isEmpty();
    }
}
