package dev.frontier.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo suites' records render to the very page and summary they rendered to when they were written. The page's
 * script ({@code report.js}, inlined, and its hash in the Content-Security-Policy) is left out of the comparison: it
 * is the same file whatever the record, and the golden pages then need not repeat it.
 */
class ReportGoldenTest {

    private final ReportWriter writer = new ReportWriter();

    /** The page with the inlined script and its CSP hash replaced by the placeholders the golden pages carry. */
    private static String withoutScript(String html) throws IOException {
        String js = resource("/report/report.js");
        String hash;
        try {
            hash = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(js.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        assertThat(html).contains("<script>" + js + "</script>", hash);
        return html.replace("<script>" + js + "</script>", "<script>/* report.js */</script>")
                .replace(hash, "REPORT-JS-SHA256");
    }

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
        assertThat(withoutScript(rendered.html())).isEqualTo(resource("/report-golden/" + name + ".html"));
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
