package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.model.RunId;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontier export} of a 100,000-item run (two candidates: 200,000 rows) in a child JVM with a 64 MB heap:
 * the rows are streamed from the store, never held, so the export succeeds and every row arrives. The store is
 * written directly through {@code RunStore.recordCalls}, in batches ({@link LargeStore}).
 */
@Tag("e2e")
class ExportLargeRunTest {

    static final int ITEMS = 100_000;
    static final RunId RUN = LargeStore.RUN;

    @TempDir
    static Path dir;

    @BeforeAll
    static void store() {
        LargeStore.write(dir.resolve("store.db"), ITEMS);
    }

    private static Process export(String format, Path out, Path log) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "dev.frontier.cli.Main", "export",
                RUN.value(), "--format", format, "--out", out.toString(), "--store", dir.resolve("store.db").toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void csvOfTwoHundredThousandRowsIn64Megabytes() throws Exception {
        Path out = dir.resolve("rows.csv");
        Path log = dir.resolve("csv.log");
        Process child = export("csv", out, log);
        assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("exported 200000 rows of run " + RUN);
        try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            assertThat(header).endsWith(",performance,score.exact,score.exact.note,score.exact.failure,"
                    + "score.judge,score.judge.note,score.judge.failure");
            assertThat(header).doesNotContain("holdout"); // the store alone does not know the split
            // every answer holds one line break inside its quotes: two physical lines a row
            assertThat(r.lines().count()).isEqualTo(2L * 2 * ITEMS - 2L * (ITEMS / 1000));
        }
    }

    @Test
    void jsonLinesOfTwoHundredThousandRowsIn64Megabytes() throws Exception {
        Path out = dir.resolve("rows.jsonl");
        Path log = dir.resolve("jsonl.log");
        Process child = export("jsonl", out, log);
        assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isZero();
        ObjectMapper json = new ObjectMapper();
        long rows = 0;
        long failed = 0;
        try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (rows % 9973 == 0 || line.contains("ThrottlingException")) {
                    JsonNode row = json.readTree(line);
                    if (row.get("error_code").isNull()) {
                        assertThat(row.get("scores").get("judge").get("note").asText()).contains("both judges agree");
                        assertThat(row.get("output").asText()).contains("\n");
                    } else {
                        failed++;
                        assertThat(row.get("output").isNull()).isTrue();
                    }
                }
                rows++;
            }
        }
        assertThat(rows).isEqualTo(2L * ITEMS);
        assertThat(failed).isEqualTo(2L * (ITEMS / 1000));
    }
}
