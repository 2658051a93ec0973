package dev.frontier.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.CallResult;
import dev.frontier.model.Problem;
import dev.frontier.model.TokenUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imported outputs: plain JSONL, Bedrock batch output and Bedrock evaluation records. */
class OutputsReaderTest {

    private static final Path BATCH = Path.of("src/frontier-core/src/test/resources/batch");

    @TempDir
    Path dir;

    private static Map<String, OutputsReader.Imported> loaded(OutputsReader.Result r) {
        assertThat(r).as(String.valueOf(r)).isInstanceOf(OutputsReader.Loaded.class);
        return ((OutputsReader.Loaded) r).outputs();
    }

    @Test
    void batchOutputIsJoinedOnRecordIdWhateverItsOrderAndErrorRecordsAreFailedItems() {
        Map<String, OutputsReader.Imported> out = loaded(OutputsReader.read(BATCH.resolve("summaries.jsonl.out"),
                OutputsReader.Format.BEDROCK_BATCH, "ticket_id", Optional.empty()));
        assertThat(out.keySet()).containsExactlyInAnyOrder("T-1", "T-2", "T-3", "T-4");
        assertThat(out.get("T-1").result()).isEqualTo(new CallResult.Completion("First summary.", "end_turn",
                new TokenUsage(100, 6, 0, 0), 510, 0, ""));
        assertThat(out.get("T-3").line()).isEqualTo(1);
        assertThat(out.get("T-2").result()).isInstanceOf(CallResult.Failure.class);
        CallResult.Failure f = (CallResult.Failure) out.get("T-2").result();
        assertThat(f.errorCode()).isEqualTo("BatchRecordError 400");
        assertThat(f.message()).isEqualTo("Malformed input request");
        // an InvokeModel (Anthropic Messages) body
        assertThat(out.get("T-4").result()).isEqualTo(new CallResult.Completion("Fourth, from InvokeModel.",
                "end_turn", new TokenUsage(90, 7, 0, 0), 0, 0, ""));
        assertThat(out.get("T-4").usageKnown()).isTrue();
    }

    @Test
    void aBatchOutputFolderIsReadWithoutItsManifest() {
        Map<String, OutputsReader.Imported> out = loaded(OutputsReader.read(BATCH, OutputsReader.Format.BEDROCK_BATCH,
                "id", Optional.empty()));
        assertThat(out).hasSize(4);
    }

    @Test
    void badLinesAreReportedWithFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.jsonl.out"), String.join("\n",
                "{\"recordId\": \"T-1\", \"modelOutput\": {\"output\": {\"message\": {\"content\": [{\"text\": \"a\"}]}}}}",
                "{\"recordId\": \"T-1\", \"modelOutput\": {\"output\": {\"message\": {\"content\": [{\"text\": \"b\"}]}}}}",
                "{\"modelOutput\": {}}",
                "not json",
                "{\"recordId\": \"T-5\"}") + "\n");
        OutputsReader.Result r = OutputsReader.read(file, OutputsReader.Format.BEDROCK_BATCH, "id", Optional.empty());
        assertThat(((OutputsReader.Invalid) r).problems()).extracting(Problem::line).containsExactly(2, 3, 4, 5);
        assertThat(((OutputsReader.Invalid) r).problems().get(0).toString())
                .startsWith(file + ":2 duplicate id 'T-1' (first on line 1)");
    }

    @Test
    void plainJsonlTakesUsageAndLatencyWhenKnown() throws IOException {
        Path file = Files.writeString(dir.resolve("vendor.jsonl"), String.join("\n",
                "{\"id\": \"a\", \"output\": \"one\", \"usage\": {\"inputTokens\": 10, \"outputTokens\": 2}, \"latencyMs\": 300}",
                "{\"ticket_id\": \"b\", \"output\": \"two\"}",
                "{\"id\": \"c\", \"error\": \"timed out\"}") + "\n");
        Map<String, OutputsReader.Imported> out = loaded(OutputsReader.read(file, OutputsReader.Format.JSONL,
                "ticket_id", Optional.empty()));
        assertThat(out.get("a").result()).isEqualTo(new CallResult.Completion("one", "imported",
                new TokenUsage(10, 2, 0, 0), 300, 0, ""));
        assertThat(out.get("b").usageKnown()).isFalse();
        assertThat(out.get("c").result()).isInstanceOf(CallResult.Failure.class);
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": \"a\", \"output\": 3}\n"
                + "{\"id\": \"b\", \"output\": \"x\", \"usage\": {\"inputTokens\": -1, \"outputTokens\": 2}}\n");
        assertThat(((OutputsReader.Invalid) OutputsReader.read(bad, OutputsReader.Format.JSONL, "id",
                Optional.empty())).problems()).extracting(Problem::line).containsExactly(1, 2);
    }

    @Test
    void evaluationRecordsAreKeyedByPromptAndPickTheNamedResponse() throws IOException {
        Path file = Files.writeString(dir.resolve("byoi.jsonl"),
                "{\"prompt\": \"Summarize: A\", \"referenceResponse\": \"r\", \"modelResponses\": ["
                        + "{\"response\": \"from x\", \"modelIdentifier\": \"x\"},"
                        + "{\"response\": \"from y\", \"modelIdentifier\": \"y\"}]}\n");
        Map<String, OutputsReader.Imported> out = loaded(OutputsReader.read(file, OutputsReader.Format.BEDROCK_EVAL,
                "id", Optional.of("y")));
        assertThat(((CallResult.Completion) out.get("Summarize: A").result()).text()).isEqualTo("from y");
        assertThat(OutputsReader.read(file, OutputsReader.Format.BEDROCK_EVAL, "id", Optional.of("z")))
                .isInstanceOf(OutputsReader.Invalid.class);
    }
}
