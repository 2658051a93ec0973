package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production demo on the sandbox: a suite priced on its traffic profile records where its traffic came from,
 * the month the profile measured, the hit rates replayed on its arrivals (Nova's prefix reaches Nova's minimum,
 * Claude's does not reach Claude's) and the plans priced with them; the report, summary.md and the terminal say so.
 * A profile that is not one is bad input (exit 2) at its line and column.
 */
@Tag("e2e")
class TrafficProfileRunTest {

    @TempDir
    static Path dir;

    private static RunResult result;
    private static String out;
    private static Path report;

    /** The demo suite and its files in the same layout as in the repository, so its relative paths hold. */
    private static Path suite(String profileText) throws IOException {
        Path configs = Files.createDirectories(dir.resolve("eval-configs"));
        Path production = Files.createDirectories(dir.resolve("datasets/production"));
        Files.copy(Path.of("datasets/production/summaries.jsonl"), production.resolve("summaries.jsonl"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(production.resolve("traffic.json"), profileText);
        Path suite = configs.resolve("support-summaries-production.yaml");
        Files.copy(Path.of("eval-configs/support-summaries-production.yaml"), suite,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return suite;
    }

    private static MainTest.Outcome frontier(String... args) {
        return MainTest.frontierIn(dir, args);
    }

    @BeforeAll
    static void run() throws IOException {
        Path suite = suite(Files.readString(Path.of("datasets/production/traffic.json")));
        MainTest.Outcome f = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--no-cache");
        out = f.out() + f.err();
        assertThat(f.code()).as(out).isZero();
        Matcher m = Pattern.compile("report: (.*/report\\.html)").matcher(f.out());
        assertThat(m.find()).as(out).isTrue();
        report = Path.of(m.group(1));
        result = ResultsJson.read(report.resolveSibling("results.json"));
    }

    @Test
    void theRecordSaysWhereItsTrafficCameFromAndPricesTheMonthAtIt() {
        RunResult.TrafficSource t = result.trafficSource().orElseThrow();
        assertThat(t.provenance()).isEqualTo("profile ../datasets/production/traffic.json");
        assertThat(t.kind()).isEqualTo("invocation-logs");
        assertThat(t.records()).isEqualTo(27_203);
        // 27,203 requests in 10,078 minutes (the first to the last minute of the week), scaled to 730 hours
        assertThat(t.requestsPerMonth()).isEqualTo(118_227).isEqualTo(result.traffic());
        assertThat(t.peakAt()).isEqualTo("2026-11-24T15:22:00Z");
        assertThat(t.peakFactor()).isGreaterThan(1);
        assertThat(t.arrivals()).isEqualTo(27_203);
        assertThat(t.promptCache()).extracting(RunResult.CacheRate::ttl).containsExactly("5m", "1h");
        double fiveMinutes = t.promptCache().get(0).hitRate();
        double hour = t.promptCache().get(1).hitRate();
        // one system prompt for every request: an hour-long entry misses only at the first request and after
        // gaps of an hour; five minutes misses after every quiet spell
        assertThat(hour).isGreaterThan(fiveMinutes).isGreaterThan(0.5);
        assertThat(t.clientCache().orElseThrow().hitRate()).isBetween(0.05, 0.2);
    }

    @Test
    void theMinimumTokenRuleDecidesWhichCandidatesCache() {
        RunResult.TrafficSource t = result.trafficSource().orElseThrow();
        RunResult.CandidateCache lite = t.candidates().stream().filter(c -> c.candidate().equals("nova-lite"))
                .findFirst().orElseThrow();
        assertThat(lite.minTokens()).isEqualTo(1000);
        assertThat(lite.prefixTokens()).isGreaterThan(1000.0);
        assertThat(lite.hitRate()).isEqualTo(t.promptCache().get(0).hitRate());
        RunResult.CandidateCache haiku = t.candidates().stream().filter(c -> c.candidate().equals("haiku"))
                .findFirst().orElseThrow();
        assertThat(haiku.minTokens()).isEqualTo(4096);
        // the sandbox, as Bedrock, ignores a checkpoint below the model's minimum: no cache tokens, nothing cached
        assertThat(haiku.prefixTokens()).isNull();
        assertThat(haiku.hitRate()).isZero();
        assertThat(haiku.note()).contains("below its minimum of 4,096 tokens per checkpoint");

        RunResult.Plan caching = plan("nova-lite", "prompt caching");
        assertThat(caching.monthly()).isNotNull();
        assertThat(caching.notes().get(0)).startsWith("replayed on the arrivals of profile "
                + "../datasets/production/traffic.json");
        assertThat(plan("haiku", "prompt caching").monthly()).isNull();
        RunResult.Plan client = plan("haiku", "client cache");
        assertThat(client.monthly()).isLessThan(plan("haiku", "on-demand").monthly());
        RunResult.Plan pt = plan("nova-lite", "provisioned throughput");
        assertThat(pt.notes()).anyMatch(n -> n.startsWith("sized for the measured peak"));
    }

    @Test
    void theReportTheSummaryAndTheTerminalNameTheProfile() throws IOException {
        String html = Files.readString(report);
        assertThat(html).contains("id=\"traffic-source\"")
                .contains("Traffic from <b>profile ../datasets/production/traffic.json</b>: 118,227 requests per month")
                .contains("s3://sandbox-invocation-logs/demo/")
                .contains("<th scope=\"col\"").contains("client cache");
        String summary = Files.readString(report.resolveSibling("summary.md"));
        assertThat(summary).contains("**Traffic** from profile ../datasets/production/traffic.json: 118,227 "
                + "requests per month");
        assertThat(out).containsPattern("traffic: 118,227 requests a month from profile "
                + "\\.\\./datasets/production/traffic\\.json \\(peak [0-9.]+ × the average\\); prompt cache "
                + "[0-9.]+ % at 5m, [0-9.]+ % at 1h; client cache [0-9.]+ %");
    }

    @Test
    void theEstimateNamesTheProfilesMonth() throws IOException {
        MainTest.Outcome f = frontier("estimate", dir.resolve("eval-configs/support-summaries-production.yaml")
                .toString());
        assertThat(f.code()).as(f.out() + f.err()).isZero();
        assertThat(f.out()).contains("traffic: 118,227 requests a month from the profile traffic.json (27,203 requests "
                + "from 2026-11-23T00:01:00Z to 2026-11-29T23:59:00Z); a run prices its plans at it");
    }

    @Test
    void aProfileThatIsNotOneIsBadInputAtItsLine() throws IOException {
        Path other = dir.resolve("bad");
        Files.createDirectories(other.resolve("eval-configs"));
        Files.createDirectories(other.resolve("datasets/production"));
        Files.copy(Path.of("datasets/production/summaries.jsonl"),
                other.resolve("datasets/production/summaries.jsonl"));
        Files.copy(Path.of("eval-configs/support-summaries-production.yaml"),
                other.resolve("eval-configs/s.yaml"));
        Files.writeString(other.resolve("datasets/production/traffic.json"),
                "{\n  \"schema\": \"frontier.traffic/v1\",\n  \"records\": \"many\"\n}\n");
        MainTest.Outcome f = frontier("run", other.resolve("eval-configs/s.yaml").toString(), "--sandbox",
                "--sandbox-time-scale", "0");
        assertThat(f.code()).as(f.out() + f.err()).isEqualTo(2);
        assertThat(f.err()).contains("traffic.json:3:").contains("not a traffic profile");
    }

    private static RunResult.Plan plan(String candidate, String kind) {
        return result.plans().stream().filter(cp -> cp.candidate().equals(candidate)).findFirst().orElseThrow()
                .plans().stream().filter(p -> p.kind().equals(kind)).findFirst().orElseThrow();
    }
}
