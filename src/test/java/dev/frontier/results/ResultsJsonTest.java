package dev.frontier.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * results.json as runs of the demo suites wrote it (the record's items cut to three) reads and writes back byte for
 * byte, and a record written before the later sections existed still reads.
 */
class ResultsJsonTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = ResultsJsonTest.class.getResourceAsStream("/results/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"support-summaries", "support-judged", "intent-distillation"})
    void aDemoRecordReadsAndWritesBackUnchanged(String name) throws IOException {
        String json = fixture(name);
        RunResult r = ResultsJson.fromJson(json);
        assertThat(ResultsJson.toJson(r)).isEqualTo(json);
        assertThat(ResultsJson.fromJson(ResultsJson.toJson(r))).isEqualTo(r);
    }

    @Test
    void theDemoRecordsCarryTheirSections() throws IOException {
        RunResult judged = ResultsJson.fromJson(fixture("support-judged"));
        assertThat(judged.status()).isEqualTo("completed");
        assertThat(judged.judging()).isNotNull();
        assertThat(judged.decision()).isNotNull();
        assertThat(judged.decision().verdicts()).extracting(RunResult.CandidateVerdict::status)
                .contains("INCUMBENT", "RECOMMENDED", "NOT_SHOWN");
        assertThat(judged.candidates()).extracting(RunResult.CandidateResult::mode).contains("on-demand", "imported");
        RunResult summaries = ResultsJson.fromJson(fixture("support-summaries"));
        assertThat(summaries.judging()).isNull();
        assertThat(summaries.parentRunId()).isNull();
        assertThat(summaries.distillation()).isNull();
        assertThat(summaries.itemSample()).isNull();
    }

    @Test
    void aRecordWrittenBeforeTheLaterSectionsExistedStillReads() throws IOException {
        RunResult r = ResultsJson.fromJson(fixture("legacy-support-summaries"));
        assertThat(r.candidates()).hasSize(7);
        assertThat(r.judging()).isNull();
        assertThat(r.humanLabels()).isEmpty();
        assertThat(r.calibration()).isEmpty();
        assertThat(r.pairwise()).isEmpty();
        assertThat(r.items()).hasSize(1);
        assertThat(r.calls().unanswered()).isZero();
    }

    @Test
    void aDocumentOfAnotherSchemaIsRefused() {
        assertThatThrownBy(() -> ResultsJson.fromJson("{\"schema\":\"other/v9\",\"runId\":\"x\"}"))
                .isInstanceOf(IOException.class).hasMessageContaining("not a frontier.results/v1 document");
    }
}
