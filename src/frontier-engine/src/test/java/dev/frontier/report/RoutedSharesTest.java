package dev.frontier.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The share each model served a prompt-router candidate, in the candidates table and summary.md, escaped. */
class RoutedSharesTest {

    private final ReportWriter writer = new ReportWriter();

    private static RunResult withShares(Map<String, Double> servedBy) {
        RunResult base = RunFixture.standard().build();
        List<RunResult.CandidateResult> cs = new ArrayList<>(base.candidates());
        cs.set(1, cs.get(1).toBuilder().servedBy(servedBy).build());
        return base.toBuilder().runId("20261127-100000-ab12").candidates(cs).build();
    }

    @Test
    void sharesAreWholePercentagesOfShortModelNamesLargestFirst() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("amazon.nova-lite-v1:0", 0.62);
        shares.put("us.amazon.nova-pro-v1:0", 0.38);
        assertThat(Formats.routedShares(shares)).isEqualTo("routed: 62 % nova-lite, 38 % nova-pro");
        assertThat(Formats.routedShares(Map.of("anthropic.claude-3-haiku-20240307-v1:0", 1.0)))
                .isEqualTo("routed: 100 % claude-3-haiku-20240307");
        assertThat(Formats.routedShares(Map.of())).isEmpty();
    }

    @Test
    void theTableAndTheSummaryShowThemNextToTheCostAndOnlyForARouter() throws Exception {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("amazon.nova-lite-v1:0", 0.62);
        shares.put("amazon.nova-pro-v1:0", 0.38);
        ReportWriter.Rendered r = writer.render(withShares(shares));
        assertThat(r.html()).containsOnlyOnce("<span class=\"ci routed\">routed: 62 % nova-lite, 38 % nova-pro</span>");
        assertThat(r.markdown()).containsOnlyOnce("(routed: 62 % nova-lite, 38 % nova-pro)");
        // the record reads back with its shares in order
        assertThat(dev.frontier.results.ResultsJson.fromJson(r.resultsJson()).candidates().get(1).servedBy())
                .containsExactlyEntriesOf(shares);
        ReportWriter.Rendered plain = writer.render(RunFixture.standard().build());
        assertThat(plain.html()).doesNotContain("routed:");
        assertThat(plain.markdown()).doesNotContain("routed:");
        assertThat(plain.resultsJson()).doesNotContain("servedBy", "invokedModel");
    }

    @Test
    void aServedModelIdIsEscapedLikeAnyOtherText() {
        ReportWriter.Rendered r = writer.render(withShares(Map.of(RunFixture.SCRIPT_PAYLOAD, 1.0)));
        assertThat(r.html()).doesNotContain(RunFixture.SCRIPT_PAYLOAD).contains("&lt;script&gt;");
        assertThat(r.markdown()).doesNotContain(RunFixture.SCRIPT_PAYLOAD);
    }
}
