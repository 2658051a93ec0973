package dev.frontier.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogImportTest {

    @TempDir
    Path dir;

    private static InvocationLogRecord rec(String time, String model, String system, String prompt, long in, long out,
                                           long cacheRead, Map<String, String> metadata) {
        return new InvocationLogRecord(Instant.parse(time), "r", "Converse", model, metadata, system, prompt, 1,
                Optional.of("answer to " + prompt), in, out, cacheRead, 0);
    }

    private static LogImport.Options options(int sample, long seed) {
        return new LogImport.Options(LogImport.Filters.none(), sample, Optional.empty(), false, seed);
    }

    private static LogImport.Result run(LogImport.Options options, List<InvocationLogRecord> records) {
        LogImport.Pass pass = new LogImport.Pass(options, "test");
        for (InvocationLogRecord r : records) {
            pass.record(r, "x", 1);
        }
        return pass.finish(1);
    }

    /** Ten requests over ten minutes, read out of time order; the figures below are worked by hand. */
    private static List<InvocationLogRecord> tenRequests() {
        return List.of(
                rec("2026-11-23T08:00:10Z", "m", "S", "a", 100, 10, 0, Map.of()),
                rec("2026-11-23T08:00:50Z", "m", "S", "b", 200, 20, 0, Map.of()),
                rec("2026-11-23T08:01:05Z", "m", "", "a", 100, 10, 0, Map.of()),
                rec("2026-11-23T08:00:30Z", "m", "S", "a", 100, 10, 50, Map.of()),
                rec("2026-11-23T08:05:00Z", "n", "T", "c", 300, 30, 0, Map.of()),
                rec("2026-11-23T08:05:20Z", "m", "S", "b", 200, 20, 0, Map.of()),
                rec("2026-11-23T08:02:00Z", "m", "", "d", 50, 5, 0, Map.of()),
                rec("2026-11-23T08:09:59Z", "n", "T", "c", 300, 30, 0, Map.of()),
                rec("2026-11-23T08:03:00Z", "m", "S", "a", 100, 10, 0, Map.of()),
                rec("2026-11-23T08:00:40Z", "m", "", "a", 100, 10, 0, Map.of()));
    }

    @Test
    void theProfileOfTenRequestsWorkedByHand() {
        TrafficProfile p = run(options(100, 1), tenRequests()).profile().orElseThrow();
        assertEquals(new TrafficProfile.Window("2026-11-23T08:00:00Z", "2026-11-23T08:10:00Z", 10), p.window());
        assertEquals(10, p.records());
        assertEquals(43_800, p.requestsPerMonth(), 1e-9);      // 10 requests in 10 minutes, 43,800 minutes a month
        assertEquals(Map.of("m", 8L, "n", 2L), p.models());
        // input with cache reads: 50 100 100 100 100 150 200 200 300 300
        assertEquals(new TrafficProfile.Distribution(160, 125, 300, 300, 300), p.inputTokens());
        // output: 5 10 10 10 10 10 20 20 30 30; R-7 p90 at h = 8.1, between 30 and 30
        assertEquals(new TrafficProfile.Distribution(15.5, 10, 30, 30, 30), p.outputTokens());
        assertEquals(50.0 / 1600, p.cacheReadShare(), 1e-12);
        assertEquals(new TrafficProfile.Peak("2026-11-23T08:00:00Z", 4, 600, 550, 50), p.peak());
        assertEquals(175.5, p.averageTokensPerMinute(), 1e-12);
        TrafficProfile.Arrivals a = p.arrivals().orElseThrow();
        assertEquals(Instant.parse("2026-11-23T08:00:10Z").toEpochMilli(), a.startEpochMs());
        assertArrayEquals(new int[] {0, 20_000, 10_000, 10_000, 15_000, 55_000, 60_000, 120_000, 20_000, 279_000},
                a.deltasMs());
        assertArrayEquals(new int[] {0, 0, 1, 2, 1, 3, 0, 4, 2, 4}, a.prompts());
        assertArrayEquals(new int[] {0, 0, -1, 0, -1, -1, 0, 1, 0, 1}, a.prefixes());
        assertEquals("invocation-logs", p.source().kind());
    }

    @Test
    void theWindowIsTheFiltersWhenGivenAndTheProfileRoundTrips() throws IOException {
        var filters = new LogImport.Filters(Optional.of(Instant.parse("2026-11-23T08:00:00Z")),
                Optional.of(Instant.parse("2026-11-23T09:00:00Z")), Set.of("m"), Map.of());
        TrafficProfile p = run(new LogImport.Options(filters, 10, Optional.empty(), false, 1), tenRequests())
                .profile().orElseThrow();
        assertEquals(60, p.window().minutes(), 1e-12);
        assertEquals(8, p.records());
        assertEquals(8 * 730.0, p.requestsPerMonth(), 1e-9);
        assertEquals(Map.of("since", "2026-11-23T08:00:00Z", "until", "2026-11-23T09:00:00Z", "model", "m"),
                p.source().filters());
        Path file = dir.resolve("traffic.json");
        TrafficProfiles.write(file, p);
        assertEquals(new TrafficProfiles.Loaded(p), TrafficProfiles.read(file));
    }

    @Test
    void filtersKeepWhatTheySay() {
        Map<String, String> support = Map.of("team", "support", "feature", "summaries");
        List<InvocationLogRecord> records = List.of(
                rec("2026-11-23T07:59:59Z", "us.amazon.nova-lite-v1:0", "", "early", 1, 1, 0, support),
                rec("2026-11-23T08:00:00Z", "us.amazon.nova-lite-v1:0", "", "first", 1, 1, 0, support),
                rec("2026-11-23T08:30:00Z", "amazon.nova-pro-v1:0", "", "other model", 1, 1, 0, support),
                rec("2026-11-23T08:40:00Z", "amazon.nova-lite-v1:0", "", "other team", 1, 1, 0,
                        Map.of("team", "sales", "feature", "summaries")),
                rec("2026-11-23T08:50:00Z", "amazon.nova-lite-v1:0", "", "no metadata", 1, 1, 0, Map.of()),
                rec("2026-11-23T08:59:59Z", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0", "",
                        "last", 1, 1, 0, support),
                rec("2026-11-24T00:00:00Z", "amazon.nova-lite-v1:0", "", "late", 1, 1, 0, support));
        var filters = new LogImport.Filters(Optional.of(Instant.parse("2026-11-23T08:00:00Z")),
                Optional.of(Instant.parse("2026-11-24T00:00:00Z")), Set.of("amazon.nova-lite-v1:0"),
                Map.of("team", "support"));
        LogImport.Result r = run(new LogImport.Options(filters, 10, Optional.empty(), false, 1), records);
        assertEquals(List.of("first", "last"), r.sample().stream().map(LogRow::prompt).toList());
        assertEquals(7, r.read());
        assertEquals(2, r.kept());
        assertThrows(IllegalArgumentException.class, () -> new LogImport.Filters(Optional.of(Instant.EPOCH),
                Optional.of(Instant.EPOCH), Set.of(), Map.of()));
    }

    @Test
    void exactDuplicatesCollapseWithTheirCountOverTheWholeLog() {
        List<InvocationLogRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(rec("2026-11-23T08:0" + i + ":00Z", "m", "S", "same", 1, 1, 0, Map.of("team", "t" + i)));
        }
        records.add(rec("2026-11-23T09:00:00Z", "m", "", "same", 1, 1, 0, Map.of()));
        records.add(rec("2026-11-23T09:01:00Z", "m", "", "same", 1, 1, 0, Map.of()));
        records.add(rec("2026-11-23T10:00:00Z", "m", "S", "different", 1, 1, 0, Map.of()));
        LogImport.Result r = run(new LogImport.Options(LogImport.Filters.none(), 10, Optional.empty(), true, 3),
                records);
        assertEquals(3, r.distinctPrompts());
        assertEquals(List.of(5L, 2L, 1L), r.sample().stream().map(LogRow::count).toList());
        LogRow first = r.sample().get(0);
        assertEquals(Map.of("team", "t0"), first.metadata());   // the first request's
        assertEquals(Instant.parse("2026-11-23T08:00:00Z"), first.time());
        assertEquals(Optional.of("answer to same"), first.reference());
        assertEquals(LogImport.id(0).length(), first.id().length());
        assertNotEquals(r.sample().get(0).id(), r.sample().get(1).id());
        // without --responses no reference is kept
        LogImport.Result plain = run(options(10, 3), records);
        assertTrue(plain.sample().stream().allMatch(row -> row.reference().isEmpty()));
        assertEquals(r.sample().stream().map(LogRow::id).toList(), plain.sample().stream().map(LogRow::id).toList());
    }

    /** 600 prompts of model a in 00-06h, 200 of a in 12-18h, 200 of b in 06-12h; some sent twice. */
    private static List<InvocationLogRecord> threeStrata() {
        List<InvocationLogRecord> records = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            records.add(rec(String.format("2026-11-23T%02d:%02d:00Z", i % 6, i % 60), "a", "", "a-early-" + i, 1, 1,
                    0, Map.of("team", i % 3 == 0 ? "x" : "y")));
        }
        for (int i = 0; i < 200; i++) {
            records.add(rec(String.format("2026-11-23T%02d:00:00Z", 12 + i % 6), "a", "", "a-late-" + i, 1, 1, 0,
                    Map.of()));
            records.add(rec(String.format("2026-11-23T%02d:30:00Z", 6 + i % 6), "b", "", "b-" + i, 1, 1, 0,
                    Map.of()));
        }
        return records;
    }

    @Test
    void theSampleIsStratifiedProportionallyAndSeeded() {
        LogImport.Result r = run(options(50, 7), threeStrata());
        // one each, then 47 by requests 600:200:200 = 28.2, 9.4, 9.4; the last one to the first .4
        assertEquals(Map.of("a / 00-06h", new LogImport.Stratum(600, 600, 29),
                "a / 12-18h", new LogImport.Stratum(200, 200, 11),
                "b / 06-12h", new LogImport.Stratum(200, 200, 10)), r.strata());
        assertEquals(50, r.sample().size());
        Map<String, Long> byModel = r.sample().stream().collect(Collectors.groupingBy(LogRow::model,
                Collectors.counting()));
        assertEquals(Map.of("a", 40L, "b", 10L), byModel);
        List<String> ids = r.sample().stream().map(LogRow::id).toList();
        assertEquals(ids, run(options(50, 7), threeStrata()).sample().stream().map(LogRow::id).toList());
        List<InvocationLogRecord> reversed = new ArrayList<>(threeStrata());
        java.util.Collections.reverse(reversed);
        assertEquals(Set.copyOf(ids), run(options(50, 7), reversed).sample().stream().map(LogRow::id)
                .collect(Collectors.toSet()), "a bottom-k sample does not depend on the reading order");
        assertNotEquals(Set.copyOf(ids), run(options(50, 8), threeStrata()).sample().stream().map(LogRow::id)
                .collect(Collectors.toSet()));
    }

    @Test
    void aMetadataKeyStratifiesToo() {
        LogImport.Result r = run(new LogImport.Options(LogImport.Filters.none(), 6, Optional.of("team"), false, 1),
                threeStrata());
        // one each, then 2 by 200:400:200:200 = .4, .8, .4, .4: to y, then to the first .4 in key order (no team
        // sorts first)
        assertEquals(Map.of("a / team=x / 00-06h", new LogImport.Stratum(200, 200, 1),
                "a / team=y / 00-06h", new LogImport.Stratum(400, 400, 2),
                "a / team=(none) / 12-18h", new LogImport.Stratum(200, 200, 2),
                "b / team=(none) / 06-12h", new LogImport.Stratum(200, 200, 1)), r.strata());
        assertEquals(6, r.sample().size());
    }

    @Test
    void allocation() {
        // fewer items than strata: the busiest strata, one each
        assertArrayEquals(new int[] {0, 1, 1}, LogImport.allocate(new long[] {1, 5, 5}, new int[] {3, 3, 3}, 2));
        // enough for all: all of them
        assertArrayEquals(new int[] {3, 1, 0}, LogImport.allocate(new long[] {1, 5, 0}, new int[] {3, 1, 0}, 9));
        // a stratum that cannot take its share passes the rest on
        assertArrayEquals(new int[] {2, 8}, LogImport.allocate(new long[] {90, 10}, new int[] {2, 50}, 10));
        // proportional: 1 + 1 + 1, then 7 by 1:2:7 = 0.7, 1.4, 4.9 → 0, 1, 4 and two by remainder (.9, .7)
        assertArrayEquals(new int[] {2, 2, 6}, LogImport.allocate(new long[] {1, 2, 7}, new int[] {10, 10, 10}, 10));
    }

    @Test
    void redactionIsAppliedBeforeAnythingIsWritten() throws IOException {
        List<InvocationLogRecord> records = List.of(
                rec("2026-11-23T08:00:00Z", "m", "Agent for jane@example.com", "Mail bob@example.org about 4111",
                        1, 1, 0, Map.of("user", "bob@example.org")));
        LogImport.Result r = run(new LogImport.Options(LogImport.Filters.none(), 5, Optional.empty(), true, 1),
                records);
        RedactionRules rules = new RedactionRules(List.of(
                RedactionRules.Rule.of("[\\w.]+@[\\w.]+", "<email>"),
                RedactionRules.Rule.of("\\b\\d{4}\\b", "$1 <n>")));
        Path out = dir.resolve("data.jsonl");
        LogImport.writeDataset(out, r.sample(), rules);
        String text = Files.readString(out);
        assertFalse(text.contains("@example"), text);
        assertFalse(text.contains("4111"), text);
        JsonNode row = new ObjectMapper().readTree(text);
        assertEquals("Mail <email> about $1 <n>", row.get("prompt").asText());
        assertEquals("Agent for <email>", row.get("system").asText());
        assertEquals("answer to Mail <email> about $1 <n>", row.get("reference").asText());
        assertEquals("<email>", row.get("meta.user").asText());
        assertEquals(1, row.get("count").asInt());
        assertEquals("m", row.get("model").asText());
        assertEquals("2026-11-23T08:00:00Z", row.get("time").asText());
        assertEquals(r.sample().get(0).id(), row.get("id").asText());
        assertThrows(PatternSyntaxException.class, () -> RedactionRules.Rule.of("(unclosed", "x"));
    }

    @Test
    void aFailedRedactionWritesNothing() throws IOException {
        LogImport.Result r = run(options(10, 1), tenRequests());
        Path out = dir.resolve("data.jsonl");
        Files.writeString(out, "before\n");
        assertThrows(RowRedactor.RedactionFailed.class, () -> LogImport.writeDataset(out, r.sample(), rows -> {
            throw new RowRedactor.RedactionFailed("the program exited with 1");
        }));
        assertThrows(RowRedactor.RedactionFailed.class, () -> LogImport.writeDataset(out, r.sample(),
                rows -> rows.subList(1, rows.size())));
        assertThrows(RowRedactor.RedactionFailed.class, () -> LogImport.writeDataset(out, r.sample(),
                rows -> { List<LogRow> swapped = new ArrayList<>(rows); java.util.Collections.swap(swapped, 0, 1);
                    return swapped; }));
        assertEquals("before\n", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void metadataFieldsAreNamedForTemplates() {
        assertEquals("meta.team", LogDataset.fieldName("team"));
        assertEquals("meta.cost_center", LogDataset.fieldName("cost center"));
        assertEquals("meta.a_b_c", LogDataset.fieldName("a:b@c"));
        assertTrue(new dev.frontier.model.Template("{{" + LogDataset.fieldName("x y/z") + "}}").unclosedPlaceholder()
                .isEmpty());
        LogRow row = new LogRow("p1", "q", "", Optional.empty(), 1, "m", Instant.EPOCH,
                Map.of("a b", "1", "a_b", "2", "a:b", "3"));
        assertEquals(Map.of("a b", "meta.a_b", "a:b", "meta.a_b_2", "a_b", "meta.a_b_3"),
                LogDataset.fieldNames(List.of(row)));
    }

    @Test
    void timeOrderSortsStablyAndFallsBackForLongSpans() {
        assertArrayEquals(new int[] {1, 3, 0, 2}, TrafficTally.timeOrder(new long[] {5, 1, 5, 2}));
        assertArrayEquals(new int[] {1, 0}, TrafficTally.timeOrder(new long[] {Long.MAX_VALUE / 2, -5}));
    }
}
