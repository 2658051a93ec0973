package dev.frontier.run.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.logs.TrafficProfile;
import dev.frontier.logs.TrafficProfiles;
import dev.frontier.model.Problem;
import dev.frontier.score.ScorerRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code traffic.profile} is read with the dataset: its month replaces the suite's; a bad file is an error there. */
class TrafficProfileCheckTest {

    @TempDir
    Path dir;

    private SuitePreparation.Result prepare(String clientCache) throws IOException {
        Files.writeString(dir.resolve("d.jsonl"), "{\"id\":\"1\",\"q\":\"x\"}\n");
        Files.writeString(dir.resolve("suite.yaml"), """
                suite: traffic
                dataset: { path: d.jsonl, id: id }
                prompt: { user: "{{q}}" }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0 } ]
                scorers: [ { type: exact-match, expected: "x" } ]
                traffic: { profile: traffic.json%s }
                """.formatted(clientCache));
        SuiteLoader.Result loaded = SuiteLoader.load(dir.resolve("suite.yaml"));
        assertThat(loaded).as(loaded.problems().toString()).isInstanceOf(SuiteLoader.Loaded.class);
        return SuitePreparation.prepare(((SuiteLoader.Loaded) loaded).suite(), PriceCatalog.bundled(),
                ScorerRegistry.standard());
    }

    private static TrafficProfile profile(Optional<TrafficProfile.Arrivals> arrivals) {
        return new TrafficProfile(TrafficProfile.SCHEMA, new TrafficProfile.Source("cloudwatch", "us-east-1", 0,
                Map.of()), new TrafficProfile.Window("2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z", 1440), 1000,
                1000 / 1440.0 * TrafficProfile.MINUTES_PER_MONTH, Map.of(),
                new TrafficProfile.Distribution(1, 1, 1, 1, 1), new TrafficProfile.Distribution(1, 1, 1, 1, 1), 0,
                new TrafficProfile.Peak("2026-11-16T09:00:00Z", 3, 6, 3, 3), 1.4, arrivals);
    }

    @Test
    void theProfilesMonthReplacesTheSuitesAndTheProfileIsKept() throws IOException {
        TrafficProfiles.write(dir.resolve("traffic.json"), profile(Optional.empty()));
        SuitePreparation.Result r = prepare("");
        assertThat(r).as(r.toString()).isInstanceOf(SuitePreparation.Ready.class);
        PreparedSuite p = ((SuitePreparation.Ready) r).suite();
        // 1,000 requests a day × 730 / 24 = 30,416.67 → 30,417
        assertThat(p.suite().traffic().requestsPerMonth()).isEqualTo(30_417);
        assertThat(p.traffic()).hasValue(profile(Optional.empty()));
        assertThat(p.sampled(1).traffic()).isEqualTo(p.traffic());
    }

    @Test
    void aMissingOrBadProfileIsAnErrorNamingTheFile() throws IOException {
        SuitePreparation.Result missing = prepare("");
        assertThat(missing).isInstanceOf(SuitePreparation.Invalid.class);
        assertThat(((SuitePreparation.Invalid) missing).problems()).extracting(Problem::toString)
                .anyMatch(s -> s.contains("suite.yaml:6:12 traffic.profile: traffic profile not found: ")
                        && s.contains("traffic.json"));
        Files.writeString(dir.resolve("traffic.json"), "{\n  \"schema\": \"frontier.traffic/v0\"\n}\n");
        SuitePreparation.Result bad = prepare("");
        assertThat(((SuitePreparation.Invalid) bad).problems()).extracting(Problem::toString)
                .anyMatch(s -> s.contains("traffic.json:") && s.contains("not a traffic profile"));
    }

    @Test
    void aClientCacheOnAProfileWithoutArrivalsIsAWarning() throws IOException {
        TrafficProfiles.write(dir.resolve("traffic.json"), profile(Optional.empty()));
        SuitePreparation.Result r = prepare(", clientCache: { ttl: 1h, maxEntries: 10 }");
        assertThat(r).isInstanceOf(SuitePreparation.Ready.class);
        assertThat(((SuitePreparation.Ready) r).suite().warnings()).extracting(Problem::toString)
                .anyMatch(s -> s.contains("has no arrivals (made from metrics): the client cache is not priced"));
    }
}
