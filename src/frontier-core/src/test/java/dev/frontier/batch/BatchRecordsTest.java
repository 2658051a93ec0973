package dev.frontier.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.model.CallResult;
import dev.frontier.model.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRecordsTest {

    @Test
    void recordIdsRoundTripAndForeignIdsAreRejected() {
        assertThat(BatchRecords.recordId(42)).isEqualTo("00000000042");
        assertThat(BatchRecords.index("00000000042")).isEqualTo(42);
        assertThat(BatchRecords.index("CALL0000001")).isEqualTo(-1);
        assertThat(BatchRecords.index("42")).isEqualTo(-1);
        assertThat(BatchRecords.index(null)).isEqualTo(-1);
        assertThat(BatchRecords.index("99999999999")).isEqualTo(-1);
    }

    @Test
    void jobsAreSizedEvenlyWithinTheMaximum() {
        assertThat(BatchRecords.jobSizes(0, 50_000)).isEmpty();
        assertThat(BatchRecords.jobSizes(120, 50_000)).containsExactly(120);
        assertThat(BatchRecords.jobSizes(50_000, 50_000)).containsExactly(50_000);
        // 100,050 would leave 50 records (below the minimum of 100) in a third job if cut greedily
        assertThat(BatchRecords.jobSizes(100_050, 50_000)).containsExactly(33_350, 33_350, 33_350);
        assertThat(BatchRecords.jobSizes(7, 3)).containsExactly(3, 2, 2);
    }

    @Test
    void theSplitterStartsANewFileAtTheRecordOrByteLimit(@TempDir Path dir) throws Exception {
        try (RecordSplitter s = new RecordSplitter(dir, "r", 3, 1000)) {
            for (int i = 0; i < 7; i++) {
                s.add("{\"n\":" + i + "}");
            }
            assertThat(s.files()).extracting(p -> p.getFileName().toString())
                    .containsExactly("r-00001.jsonl", "r-00002.jsonl", "r-00003.jsonl");
        }
        assertThat(Files.readAllLines(dir.resolve("r-00003.jsonl"))).containsExactly("{\"n\":6}");
        Path bytes = Files.createDirectory(dir.resolve("bytes"));
        try (RecordSplitter s = new RecordSplitter(bytes, "r", 100, 20)) {
            s.add("123456789"); // 10 bytes with the newline
            s.add("123456789"); // 20: still fits
            s.add("1");         // would pass 20: new file
            assertThat(s.files()).hasSize(2);
            assertThatThrownBy(() -> s.add("x".repeat(20))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.size(bytes.resolve("r-00001.jsonl"))).isEqualTo(20);
        assertThat(Files.readString(bytes.resolve("r-00002.jsonl"), StandardCharsets.UTF_8)).isEqualTo("1\n");
    }

    @Test
    void outputLinesBecomeCompletionsOrErrors() {
        BatchOutput.Record ok = BatchOutput.parse("{\"recordId\":\"00000000001\",\"modelInput\":{},\"modelOutput\":"
                + "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"a\"},{\"text\":\"b\"}]}},"
                + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":10,\"outputTokens\":3,\"totalTokens\":13}}}");
        assertThat(ok.recordId()).isEqualTo("00000000001");
        CallResult.Completion c = (CallResult.Completion) ok.result();
        assertThat(c.text()).isEqualTo("ab");
        assertThat(c.stopReason()).isEqualTo("end_turn");
        assertThat(c.usage()).isEqualTo(new TokenUsage(10, 3, 0, 0));
        assertThat(c.latencyMs()).isZero();

        BatchOutput.Record err = BatchOutput.parse("{\"recordId\":\"x\",\"modelInput\":{},\"error\":"
                + "{\"errorCode\":400,\"errorMessage\":\"Malformed input request\"}}");
        assertThat(err.result()).isEqualTo(new CallResult.Failure("BatchRecordError-400", "Malformed input request",
                true, 0));
        assertThat(BatchOutput.parse("{\"recordId\":\"y\"}").result()).isInstanceOf(CallResult.Failure.class);
        assertThatThrownBy(() -> BatchOutput.parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theManifestIsCheckedAgainstTheRecords() {
        Manifest m = Manifest.parse(("{\"totalRecordCount\":5,\"processedRecordCount\":5,\"successRecordCount\":4,"
                + "\"errorRecordCount\":1,\"inputTokenCount\":400,\"outputTokenCount\":40}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(m.disagreements(4, 1, 400, 40)).isEmpty();
        assertThat(m.disagreements(3, 2, 400, 41)).containsExactly("successful records: manifest 4, records 3",
                "error records: manifest 1, records 2", "output tokens: manifest 40, records 41");
        assertThatThrownBy(() -> Manifest.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JobStatus.isTerminal("PartiallyCompleted")).isTrue();
        assertThat(JobStatus.isTerminal("Stopping")).isFalse();
        assertThat(List.of("Submitted", "Validating", "Scheduled", "InProgress")).noneMatch(JobStatus::isTerminal);
    }
}
