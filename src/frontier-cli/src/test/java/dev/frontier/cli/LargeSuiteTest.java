package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.run.prepare.ItemSampling;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite larger than the record lists item by item: 20,001 items in one batch job. Every figure uses all items;
 * the record and the report list an evenly spread sample and say so; every answer is in the run store.
 */
@Tag("e2e")
class LargeSuiteTest {

    @TempDir
    Path dir;

    @Test
    void aLargeRunListsASampleOfItemsAndComputesFiguresFromAll() throws Exception {
        int n = 20_001;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("items.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"id\":\"L" + i + "\",\"text\":\"Please refund order " + i + ", I was charged twice.\","
                        + "\"intent\":\"billing_refund\"}\n");
            }
        }
        Files.writeString(dir.resolve("suite.yaml"), """
                suite: large
                dataset: { path: items.jsonl, id: id }
                prompt: { user: "Labels:\\n- billing_refund: money back\\n- bug_report: broken\\n{{text}}" }
                inference: { maxTokens: 10 }
                candidates: [ { id: micro, model: amazon.nova-micro-v1:0 } ]
                scorers: [ { type: exact-match, expected: "{{intent}}" } ]
                execution: { mode: batch, responseCache: false, maxErrorRate: 0.2 }
                """);
        MainTest.Outcome o = MainTest.frontier("run", dir.resolve("suite.yaml").toString(), "--sandbox",
                "--sandbox-time-scale", "0", "--sandbox-job-time", "0.5", "--progress", "plain", "--store",
                dir.resolve("store.db").toString(), "--reports", dir.resolve("reports").toString());
        assertThat(o.code()).as(o.err()).isZero();
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).isTrue();
        RunResult r = ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));

        int every = ItemSampling.every(n);
        assertThat(every).isEqualTo(3);
        assertThat(r.items()).hasSize(6_667);
        assertThat(r.items().get(1).id()).isEqualTo("L3");
        assertThat(r.itemSample()).isPresent();
        assertThat(r.itemSample().get().total()).isEqualTo(n);
        assertThat(r.itemSample().get().embedded()).isEqualTo(6_667);
        RunResult.CandidateResult micro = r.candidates().get(0);
        assertThat(micro.calls()).isEqualTo(n);
        assertThat(micro.quality().orElseThrow().n()).isEqualTo(n);
        assertThat(r.calls().answers()).isEqualTo(n);
        assertThat(Files.readString(Path.of(m.group(1)).resolve("report.html"))).contains("id=\"item-sample\"",
                "20,001 items");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(source = 'batch') FROM calls")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(n);
            assertThat(rs.getInt(2)).isEqualTo(n);
        }
    }
}
