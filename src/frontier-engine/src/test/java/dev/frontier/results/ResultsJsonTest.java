package dev.frontier.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(judged.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(judged.judging()).isPresent();
        assertThat(judged.decision()).isPresent();
        assertThat(judged.decision().orElseThrow().verdicts()).extracting(RunResult.CandidateVerdict::status)
                .contains(VerdictStatus.INCUMBENT, VerdictStatus.RECOMMENDED, VerdictStatus.NOT_SHOWN);
        assertThat(judged.candidates()).extracting(RunResult.CandidateResult::mode)
                .contains(AnswerSource.ON_DEMAND, AnswerSource.IMPORTED);
        RunResult summaries = ResultsJson.fromJson(fixture("support-summaries"));
        assertThat(summaries.judging()).isEmpty();
        assertThat(summaries.parentRunId()).isEmpty();
        assertThat(summaries.distillation()).isEmpty();
        assertThat(summaries.itemSample()).isEmpty();
        assertThat(summaries.candidates()).allSatisfy(c -> {
            assertThat(c.quality()).isPresent();
            assertThat(c.costPer1k()).isPresent();
            assertThat(c.latencyP95Ms()).isPresent();
        });
    }

    @Test
    void aRecordWrittenBeforeTheLaterSectionsExistedStillReads() throws IOException {
        RunResult r = ResultsJson.fromJson(fixture("legacy-support-summaries"));
        assertThat(r.candidates()).hasSize(7);
        assertThat(r.judging()).isEmpty();
        assertThat(r.candidates()).allSatisfy(c -> {
            assertThat(c.mode()).isEqualTo(AnswerSource.ON_DEMAND);
            assertThat(c.modeReason()).isEmpty();
            assertThat(c.promptCache()).isEmpty();
        });
        assertThat(r.humanLabels()).isEmpty();
        assertThat(r.calibration()).isEmpty();
        assertThat(r.pairwise()).isEmpty();
        assertThat(r.items()).hasSize(1);
        assertThat(r.calls().unanswered()).isZero();
    }

    @Test
    void aWordTheDocumentDoesNotKnowIsRefusedNamingTheWordsItKnows() throws IOException {
        String json = fixture("support-summaries");
        assertThatThrownBy(() -> ResultsJson.fromJson(json.replace("\"status\" : \"completed\"",
                "\"status\" : \"done\"")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("\"done\" is not a RunStatus; expected one of completed, budget-exhausted, "
                        + "failed");
        assertThatThrownBy(() -> ResultsJson.fromJson(json.replaceFirst("\"mode\" : \"on-demand\"",
                "\"mode\" : \"streaming\"")))
                .isInstanceOf(IOException.class).hasMessageContaining("expected one of on-demand, batch, imported");
    }

    @Test
    void anEmptyUnknownIsWrittenAsNullAndABuilderCopyIsTheSameRecord() throws IOException {
        RunResult r = ResultsJson.fromJson(fixture("support-summaries"));
        assertThat(r.toBuilder().build()).isEqualTo(r);
        RunResult.CandidateResult c = r.candidates().get(0);
        assertThat(c.toBuilder().build()).isEqualTo(c);
        RunResult unknown = r.toBuilder().candidates(List.of(c.toBuilder().quality(Optional.empty())
                .costPer1k(Optional.empty()).latencyP95Ms(OptionalDouble.empty()).build())).build();
        String json = ResultsJson.toJson(unknown);
        assertThat(json).contains("\"quality\" : null", "\"costPer1k\" : null", "\"latencyP95Ms\" : null",
                "\"decision\" : {", "\"judging\" : null");
        RunResult back = ResultsJson.fromJson(json);
        assertThat(back.candidates().get(0).quality()).isEmpty();
        assertThat(back.candidates().get(0).latencyP95Ms()).isEmpty();
        assertThat(back).isEqualTo(unknown);
    }

    @Test
    void aDocumentOfAnotherSchemaIsRefused() {
        assertThatThrownBy(() -> ResultsJson.fromJson("{\"schema\":\"other/v9\",\"runId\":\"x\"}"))
                .isInstanceOf(IOException.class).hasMessageContaining("not a frontier.results/v1 document");
    }
}
