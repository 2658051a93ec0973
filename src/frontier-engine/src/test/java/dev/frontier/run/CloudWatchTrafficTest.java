package dev.frontier.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.logs.TrafficProfile;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A traffic profile from per-minute CloudWatch sums, checked against figures worked by hand. */
class CloudWatchTrafficTest {

    private static final Instant FROM = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T08:10:00Z");

    private static SortedMap<Instant, Double> perMinute(double first, double second) {
        SortedMap<Instant, Double> m = new TreeMap<>();
        m.put(FROM, first);
        m.put(FROM.plusSeconds(60), second);
        return m;
    }

    @Test
    void twoBusyMinutesInTen() {
        TrafficProfile p = CloudWatchTraffic.of("amazon.nova-lite-v1:0", "us-east-1", FROM, TO,
                perMinute(2, 4), perMinute(200, 800), perMinute(20, 40));
        assertThat(p.source().kind()).isEqualTo("cloudwatch");
        assertThat(p.arrivals()).isEmpty();
        assertThat(p.window().minutes()).isEqualTo(10.0);
        assertThat(p.records()).isEqualTo(6);
        // 6 requests in 10 minutes, scaled to 730 hours: 0.6 × 43,800
        assertThat(p.requestsPerMonth()).isCloseTo(26_280.0, within(1e-9));
        // mean over requests 1,000 / 6; percentiles of the minute averages 100 and 200
        assertThat(p.inputTokens().mean()).isCloseTo(1000.0 / 6, within(1e-9));
        assertThat(p.inputTokens().p50()).isCloseTo(150.0, within(1e-9));
        assertThat(p.inputTokens().p90()).isCloseTo(190.0, within(1e-9));
        assertThat(p.inputTokens().p99()).isCloseTo(199.0, within(1e-9));
        assertThat(p.inputTokens().max()).isEqualTo(200);
        assertThat(p.outputTokens().mean()).isCloseTo(10.0, within(1e-9));
        assertThat(p.peak()).isEqualTo(new TrafficProfile.Peak("2026-11-23T08:01:00Z", 4, 840, 800, 40));
        assertThat(p.averageTokensPerMinute()).isCloseTo(106.0, within(1e-9));
        assertThat(p.models()).containsEntry("amazon.nova-lite-v1:0", 6L);
        assertThat(p.cacheReadShare()).isZero();
    }

    @Test
    void noTrafficIsAnEmptyProfileNotAnError() {
        TrafficProfile p = CloudWatchTraffic.of("m", "us-east-1", FROM, TO, new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>());
        assertThat(p.records()).isZero();
        assertThat(p.requestsPerMonth()).isZero();
        assertThat(p.inputTokens()).isEqualTo(new TrafficProfile.Distribution(0, 0, 0, 0, 0));
    }
}
