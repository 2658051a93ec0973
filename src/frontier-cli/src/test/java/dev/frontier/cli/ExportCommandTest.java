package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontier export} of the smoke suite's run on the sandbox: every candidate × item row, in CSV and JSON Lines,
 * equal to what the run's results.json says of each answer; slices of the dataset; bad input.
 */
@Tag("e2e")
class ExportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static String runId;
    private static RunResult recorded;

    @BeforeAll
    static void run() throws IOException {
        MainTest.Outcome run = MainTest.frontier(args("run", "eval-configs/smoke.yaml", "--sandbox",
                "--sandbox-time-scale", "0"));
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        Matcher m = Pattern.compile("report: (.*/([0-9]{8}-[0-9]{6}-[0-9a-f]{4}))/report\\.html").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        runId = m.group(2);
        recorded = ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));
        assertThat(recorded.itemSample()).isEmpty(); // the record holds every item: the reference for every row
    }

    private static String[] args(String... a) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of("--store", dir.resolve("store.db").toString(), "--reports",
                dir.resolve("reports").toString()));
        return all.toArray(String[]::new);
    }

    private static List<Map<String, String>> csv(String text) throws Exception {
        try (CSVReader reader = new CSVReader(new StringReader(text))) {
            List<String[]> lines = reader.readAll();
            String[] header = lines.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String[] line : lines.subList(1, lines.size())) {
                assertThat(line).hasSameSizeAs(header);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], line[i]);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static List<JsonNode> jsonl(String text) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    @Test
    void csvHasOneRowPerCandidateAndItemEqualToTheRecord() throws Exception {
        MainTest.Outcome export = MainTest.frontier(args("export", runId, "--format", "csv"));
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.err()).contains("exported 36 rows of run " + runId);
        String header = export.out().lines().findFirst().orElseThrow();
        assertThat(header).isEqualTo("run_id,candidate_id,model_id,item_id,holdout,source,output,stop_reason,"
                + "error_code,error_message,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,"
                + "latency_ms,client_latency_ms,cost_usd,invoked_model_id,service_tier,performance,"
                + "score.exact-match,score.exact-match.note,score.exact-match.failure");
        List<Map<String, String>> rows = csv(export.out());
        assertThat(rows).hasSize(recorded.candidates().size() * recorded.items().size()).hasSize(36);
        for (Map<String, String> row : rows) {
            RunResult.ItemResult item = recorded.items().stream().filter(i -> i.id().equals(row.get("item_id")))
                    .findFirst().orElseThrow();
            RunResult.ItemOutput o = item.outputs().get(row.get("candidate_id"));
            assertThat(row.get("run_id")).isEqualTo(runId);
            assertThat(row.get("holdout")).isEqualTo(Boolean.toString(item.holdout()));
            assertThat(row.get("output")).isEqualTo(o.text());
            assertThat(row.get("stop_reason")).isEqualTo(o.stopReason());
            assertThat(Long.parseLong(row.get("input_tokens"))).isEqualTo(o.usage().inputTokens());
            assertThat(Long.parseLong(row.get("output_tokens"))).isEqualTo(o.usage().outputTokens());
            assertThat(Long.parseLong(row.get("latency_ms"))).isEqualTo(o.latencyMs());
            assertThat(new BigDecimal(row.get("cost_usd"))).isEqualByComparingTo(o.costUsd());
            assertThat(Double.parseDouble(row.get("score.exact-match"))).isEqualTo(o.scores().get("exact-match"));
            assertThat(row.get("source")).isEqualTo("called");
            assertThat(row.get("model_id")).isEqualTo(recorded.candidates().stream()
                    .filter(c -> c.id().equals(row.get("candidate_id"))).findFirst().orElseThrow().model());
        }
        // ordered by candidate, then item
        List<String> keys = rows.stream().map(r -> r.get("candidate_id") + "\u0000" + r.get("item_id")).toList();
        assertThat(keys).isSorted();
    }

    @Test
    void jsonLinesHoldTheSameRowsWithTheScoresAsAnObject() throws Exception {
        MainTest.Outcome export = MainTest.frontier(args("export", runId));
        assertThat(export.code()).as(export.err()).isZero();
        List<JsonNode> rows = jsonl(export.out());
        assertThat(rows).hasSize(36);
        for (JsonNode row : rows) {
            RunResult.ItemResult item = recorded.items().stream().filter(i -> i.id().equals(row.get("item_id")
                    .asText())).findFirst().orElseThrow();
            RunResult.ItemOutput o = item.outputs().get(row.get("candidate_id").asText());
            assertThat(row.get("output").asText()).isEqualTo(o.text());
            assertThat(row.get("holdout").asBoolean()).isEqualTo(item.holdout());
            assertThat(row.get("cost_usd").decimalValue()).isEqualByComparingTo(o.costUsd());
            assertThat(row.get("output_tokens").asLong()).isEqualTo(o.usage().outputTokens());
            assertThat(row.get("scores").get("exact-match").get("value").asDouble())
                    .isEqualTo(o.scores().get("exact-match"));
            assertThat(row.get("error_code").isNull()).isTrue();
            assertThat(row.has("score.exact-match")).isFalse();
        }
    }

    @Test
    void withoutARunTheNewestFinishedRunIsExportedAndOutWritesAFileWhole() throws Exception {
        Path out = dir.resolve("rows.csv");
        Files.writeString(out, "old");
        MainTest.Outcome export = MainTest.frontier(args("export", "--format", "CSV", "--out", out.toString()));
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).isEmpty();
        assertThat(export.err()).contains("exported 36 rows of run " + runId + " to " + out);
        assertThat(csv(Files.readString(out))).hasSize(36);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aSliceKeepsTheItemsWhoseDatasetFieldHasTheValue() throws Exception {
        // intents-smoke.csv: the items whose intent is billing_refund or account_login
        List<String> wanted = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("datasets/intents-smoke.csv"))) {
            if (line.endsWith(",billing_refund") || line.endsWith(",account_login")) {
                wanted.add(line.substring(0, line.indexOf(',')));
            }
        }
        assertThat(wanted).isNotEmpty();
        MainTest.Outcome export = MainTest.frontier(args("export", runId, "--format", "csv",
                "--slice", "intent=billing_refund", "--slice", "intent=account_login"));
        assertThat(export.code()).as(export.err()).isZero();
        List<Map<String, String>> rows = csv(export.out());
        assertThat(rows).hasSize(3 * wanted.size());
        assertThat(rows).allMatch(r -> wanted.contains(r.get("item_id")));
        // fields that must all match: none is both
        MainTest.Outcome none = MainTest.frontier(args("export", runId, "--format", "csv",
                "--slice", "intent=billing_refund", "--slice", "id=" + "no-such-item", "--config",
                "eval-configs/smoke.yaml"));
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(csv(none.out())).isEmpty();
        assertThat(none.err()).contains("exported 0 rows");
    }

    @Test
    void badInputExitsTwoWithAMessage() {
        assertBad(args("export", "20200101-000000-abcd"), "run 20200101-000000-abcd is not in");
        assertBad(args("export", "not-a-run"), "'not-a-run' is not a run id");
        assertBad(args("export", runId, "--format", "xml"), "--format xml is not a format; give jsonl or csv");
        assertBad(args("export", runId, "--slice", "intent"), "--slice 'intent' is not FIELD=VALUE");
        assertBad(args("export", runId, "--slice", "colour=red"), "--slice names colour, not a field of");
        assertBad(args("export", runId, "--out", dir.resolve("missing/rows.csv").toString()),
                "the folder " + dir.resolve("missing") + " does not exist");
        assertBad(args("export", runId, "--out", dir.toString()), "is a folder");
        MainTest.Outcome noStore = MainTest.frontier("export", runId, "--store", dir.resolve("none.db").toString());
        assertThat(noStore.code()).isEqualTo(2);
        assertThat(noStore.err()).contains("no run store at");
    }

    private static void assertBad(String[] args, String message) {
        MainTest.Outcome o = MainTest.frontier(args);
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains(message).doesNotContain("Exception", "\tat ");
        assertThat(o.out()).isEmpty();
    }
}
