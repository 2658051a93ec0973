package dev.frontier.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo suites' records render to the very page and summary they rendered to when they were written. */
class ReportGoldenTest {

    private final ReportWriter writer = new ReportWriter();

    private static String resource(String path) throws IOException {
        try (InputStream in = ReportGoldenTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"support-summaries", "support-judged", "intent-distillation"})
    void aDemoRecordRendersAsBefore(String name) throws IOException {
        RunResult r = ResultsJson.fromJson(resource("/results/" + name + ".json"));
        ReportWriter.Rendered rendered = writer.render(r);
        assertThat(rendered.html()).isEqualTo(resource("/report-golden/" + name + ".html"));
        assertThat(rendered.markdown()).isEqualTo(resource("/report-golden/" + name + ".md"));
    }

    @Test
    void aRecordWrittenBeforeTheLaterSectionsExistedRenders() throws IOException {
        RunResult r = ResultsJson.fromJson(resource("/results/legacy-support-summaries.json"));
        ReportWriter.Rendered rendered = writer.render(r);
        assertThat(rendered.html()).contains("data-mode=\"on-demand\"", "support-summaries");
        assertThat(rendered.markdown()).contains("support-summaries");
    }
}
