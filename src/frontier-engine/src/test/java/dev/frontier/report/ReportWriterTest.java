package dev.frontier.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.results.RunResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rendered files without a browser: chart geometry, escaping, the embedded data, summary.md, size. */
class ReportWriterTest {

    private final ReportWriter writer = new ReportWriter();

    @ParameterizedTest
    @ValueSource(ints = {2, 30})
    void theChartHasOnePointPerCandidateAndFiniteCoordinates(int n) {
        RunResult run = RunFixture.many(n).items(20).build();
        String html = writer.render(run).html();
        String svg = html.substring(html.indexOf("<svg viewBox"), html.indexOf("</svg>"));

        assertThat(count(svg, "<g class=\"pt")).isEqualTo(n);
        for (RunResult.CandidateResult c : run.candidates()) {
            assertThat(svg).contains("data-candidate=\"" + c.id() + "\"");
        }
        assertThat(svg).doesNotContainIgnoringCase("nan").doesNotContainIgnoringCase("infinity");
        Matcher numbers = Pattern.compile("\\b(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height)=\"([^\"]*)\"").matcher(svg);
        int seen = 0;
        while (numbers.find()) {
            double v = Double.parseDouble(numbers.group(1));
            assertThat(v).isBetween(-1.0, 800.0);
            seen++;
        }
        assertThat(seen).isGreaterThan(n * 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 7, 30})
    void labelsNeverOverlapAndStayInTheChart(int n) {
        RunResult run = RunFixture.many(n).items(5).build();
        Verdict verdict = HeuristicVerdict.of(run);
        ParetoChart chart = ParetoChart.of(run, verdict);

        assertThat(chart.points()).hasSize(n);
        List<ParetoChart.Box> boxes = new ArrayList<>();
        for (ParetoChart.Point p : chart.points()) {
            if (p.label().isEmpty()) {
                continue;
            }
            double w = p.label().length() * ParetoChart.CHAR_WIDTH;
            double left = switch (p.anchor()) {
                case "start" -> p.labelX();
                case "end" -> p.labelX() - w;
                default -> p.labelX() - w / 2;
            };
            ParetoChart.Box box = new ParetoChart.Box(left, p.labelY() - 10, left + w, p.labelY() + 3);
            assertThat(box.left()).isGreaterThanOrEqualTo(chart.plot().left());
            assertThat(box.right()).isLessThanOrEqualTo(chart.width());
            for (ParetoChart.Box other : boxes) {
                assertThat(box.overlaps(other)).as("label %s overlaps another", p.label()).isFalse();
            }
            boxes.add(box);
        }
        long hidden = chart.points().stream().filter(p -> p.label().isEmpty()).count();
        assertThat(chart.hiddenLabels()).isEqualTo(hidden);
        if (n == 2) {
            assertThat(hidden).isZero();
        }
        // the incumbent is labelled first, so it always has room
        assertThat(chart.points().stream().filter(ParetoChart.Point::incumbent).findFirst().orElseThrow().label())
                .isNotEmpty();
    }

    @Test
    void aSingleCostOrEqualQualitiesStillGiveAnAxis() {
        RunResult run = RunFixture.builder()
                .incumbent("a", "m-a", "0.50", 0.7, 0.0)
                .candidate("b", "m-b", "0.50", 0.7, 0.0)
                .items(3).build();
        ParetoChart chart = ParetoChart.of(run, HeuristicVerdict.of(run));
        assertThat(chart.xTicks()).isNotEmpty();
        assertThat(chart.yTicks()).hasSizeGreaterThanOrEqualTo(2);
        for (ParetoChart.Point p : chart.points()) {
            assertThat(p.x()).isBetween((double) chart.plot().left(), chart.plot().right());
            assertThat(p.y()).isBetween(chart.plot().top(), chart.plot().bottom());
        }
    }

    @Test
    void theTicksAreRoundNumbers() {
        assertThat(ParetoChart.niceStep(0.2)).isEqualTo(0.05);
        assertThat(ParetoChart.niceStep(0.02)).isEqualTo(0.005);
        assertThat(ParetoChart.niceStep(1.0)).isEqualTo(0.2);
        assertThat(ParetoChart.niceStep(0.11)).isEqualTo(0.02);
    }

    @Test
    void untrustedTextIsEscapedAndTheEmbeddedDataIsLossless() throws Exception {
        RunResult run = RunFixture.standard().build();
        String html = writer.render(run).html();

        assertThat(html).doesNotContain(RunFixture.SCRIPT_PAYLOAD, RunFixture.IMG_PAYLOAD, "<b>7</b>",
                "<i>dataset</i>", "onerror=\"window");
        // the only script elements are the data block and the page's own script
        assertThat(count(html, "<script")).isEqualTo(2);
        String json = between(html, "<script type=\"application/json\" id=\"item-data\">", "</script>");
        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029");

        JsonNode data = new ObjectMapper().readTree(json);
        assertThat(data.get("items")).hasSize(run.items().size());
        JsonNode hostileItem = data.get("items").get(5);
        assertThat(hostileItem.get(0).asText()).isEqualTo(RunFixture.HOSTILE_ITEM_ID);
        assertThat(hostileItem.get(2).asText()).endsWith(RunFixture.HOSTILE_FIELD);
        int risky = 3;
        assertThat(data.get("candidates").get(risky).get("id").asText()).isEqualTo("risky");
        assertThat(data.get("items").get(3).get(3).get(risky).get(0).asText())
                .isEqualTo(run.items().get(3).outputs().get("risky").text())
                .contains(RunFixture.SCRIPT_PAYLOAD, RunFixture.IMG_PAYLOAD, RunFixture.BREAKOUT_PAYLOAD);
        // the fallback for readers without scripts escapes too
        assertThat(html).contains("T-&lt;b&gt;7&lt;/b&gt;&amp;amp;");
    }

    @Test
    void theDistillationSectionShowsTheReturnAndEscapesItsText() {
        RunResult base = RunFixture.standard().build();
        String custom = base.candidates().get(1).id();
        RunResult run = base.withDistillation(new RunResult.Distillation("distillation", "sonnet",
                "model-0", "student-<i>x</i>", true, "reason " + RunFixture.SCRIPT_PAYLOAD, 120, 240_000,
                new java.math.BigDecimal("0.40"), new java.math.BigDecimal("1.20"), new java.math.BigDecimal("1.60"),
                new java.math.BigDecimal("300.00"), new java.math.BigDecimal("1.95"),
                new java.math.BigDecimal("2000.00"), new java.math.BigDecimal("1698.05"), 1.6 / 1698.05 * 40, 12,
                java.util.List.of(), "arn:aws:bedrock:us-east-1:123456789012:model-customization-job/x/abc",
                "Completed", 0.4443, 0.4976, "arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/d",
                custom));
        String html = writer.render(run).html();
        String section = between(html, "<section id=\"distillation-section\"", "</section>");
        assertThat(section).contains("data-recommended=\"true\"", "$1.60", "$1,698.05", "$300.00", "1.1 days",
                "training loss 0.4443", "custom-model-deployment/d", "<b>" + custom + "</b>", "on 120 holdout items")
                .contains("student-&lt;i&gt;x&lt;/i&gt;").doesNotContain(RunFixture.SCRIPT_PAYLOAD, "<i>x</i>");
        assertThat(writer.render(base).html()).doesNotContain("distillation-section");
        assertThat(writer.render(run).markdown()).contains("**Custom model (distillation)**: recommended — reason")
                .doesNotContain(RunFixture.SCRIPT_PAYLOAD);
    }

    @Test
    void theScriptIsAllowedByItsHashAndNothingElseIs() throws Exception {
        String html = writer.render(RunFixture.standard().items(3).build()).html();
        String csp = between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
        assertThat(csp).contains("default-src 'none'");
        Matcher hash = Pattern.compile("script-src 'sha256-([A-Za-z0-9+/=]+)';").matcher(csp);
        assertThat(hash.find()).as("script-src allows exactly one hash and nothing else").isTrue();
        String script = between(html, "<script>", "</script>");
        String actual = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        assertThat(hash.group(1)).isEqualTo(actual);
        assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*\"?(https?:)?//");
    }

    @Test
    void theVerdictRecommendsTheCheapestComparableFrontierCandidate() {
        RunResult run = RunFixture.builder()
                .incumbent("inc", "m-inc", "2.00", 0.80, 0.02)
                .candidate("cheap", "m-cheap", "0.10", 0.70, 0.02) // interval [0.68, 0.72]: below 0.78
                .candidate("close", "m-close", "0.50", 0.79, 0.02) // [0.77, 0.81] overlaps [0.78, 0.82]
                .candidate("dearer", "m-dearer", "1.00", 0.795, 0.02) // comparable but dearer than close
                .candidate("worse", "m-worse", "0.60", 0.77, 0.02) // overlaps, but close is cheaper and better
                .traffic(1_000_000).items(4).build();
        Verdict v = HeuristicVerdict.of(run);

        assertThat(v.kind()).isEqualTo(Verdict.Kind.SWITCH);
        assertThat(v.recommendationId()).isEqualTo("close");
        assertThat(v.incumbentId()).isEqualTo("inc");
        assertThat(v.monthlySaving()).isEqualByComparingTo(new BigDecimal("1500.00"));
        assertThat(v.savingShare()).isEqualTo(0.75);
        assertThat(v.headline()).contains("close", "comparable", "qualification pending");
        assertThat(v.basis()).startsWith("Heuristic");
        assertThat(v.notes()).containsEntry("inc", "incumbent")
                .containsEntry("cheap", "quality interval below the incumbent's")
                .containsEntry("dearer", "comparable, but close is cheaper")
                .containsEntry("worse", "dominated by close");
    }

    @Test
    void theVerdictKeepsTheIncumbentWhenNothingCheaperIsClose() {
        RunResult run = RunFixture.builder()
                .incumbent("inc", "m-inc", "2.00", 0.80, 0.01)
                .candidate("cheap", "m-cheap", "0.10", 0.60, 0.02)
                .items(2).build();
        Verdict v = HeuristicVerdict.of(run);
        assertThat(v.kind()).isEqualTo(Verdict.Kind.KEEP);
        assertThat(v.recommendationId()).isNull();
        assertThat(v.monthlySaving()).isNull();
        assertThat(v.headline()).isEqualTo("Keep inc: no cheaper candidate looks comparable");
        assertThat(v.reason()).contains("closest, cheap, reaches 0.620");
    }

    @Test
    void withoutAnIncumbentThereIsNoRecommendation() {
        RunResult run = RunFixture.builder()
                .candidate("a", "m-a", "1.00", 0.80, 0.01)
                .candidate("b", "m-b", "0.10", 0.70, 0.02)
                .items(2).build();
        Verdict v = HeuristicVerdict.of(run);
        assertThat(v.kind()).isEqualTo(Verdict.Kind.UNDECIDED);
        assertThat(v.recommendationId()).isNull();
        assertThat(writer.render(run).html()).contains("No incumbent declared");
    }

    @Test
    void theSummaryCarriesTheSameVerdictAsThePage() {
        RunResult run = RunFixture.standard().build();
        ReportWriter.Rendered r = writer.render(run);
        Verdict v = HeuristicVerdict.of(run);

        assertThat(v.recommendationId()).isEqualTo("mid");
        assertThat(r.html()).contains("data-recommendation=\"mid\"", "$3,300.00</b> saved per month");
        assertThat(r.markdown()).contains("**Switch to mid: looks comparable to premium — qualification pending**",
                "Saves **\\$3,300.00 per month**", "| mid (recommended) ✓ |");
        assertThat(r.markdown()).startsWith("> **Simulated models**");
        for (RunResult.CandidateResult c : run.candidates()) {
            assertThat(r.markdown()).contains("| " + c.id());
        }
    }

    @Test
    void theSummaryEscapesMarkdownAndHtmlInLabels() {
        RunResult run = RunFixture.builder()
                .incumbent("a|b<i>x</i>", "m*1", "1.00", 0.80, 0.01)
                .candidate("c_d", "$x$", "0.10", 0.79, 0.02)
                .items(2).build();
        String md = writer.render(run).markdown();
        assertThat(md).contains("a\\|b&lt;i&gt;x&lt;/i&gt;", "m\\*1", "c\\_d", "\\$x\\$");
        assertThat(md).doesNotContain("<i>");
        // gate's summary.md, rendered without the page, is the same text
        assertThat(writer.markdown(run)).isEqualTo(md);
    }

    @Test
    void writeReplacesTheFolderAsAWhole(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("suite").resolve("run");
        writer.write(RunFixture.standard().items(4).build(), out);
        Files.writeString(out.resolve("junit.xml"), "<testsuite/>");
        writer.write(RunFixture.standard().items(4).build(), out);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("report.html", "results.json", "summary.md");
        }
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary folder left")
                    .containsExactly("run");
        }
    }

    @Test
    void writeDeletesOnlyFilesItWroteItself(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("suite").resolve("run");
        writer.write(RunFixture.standard().items(4).build(), out);
        String before = Files.readString(out.resolve("report.html"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> writer.write(RunFixture.standard().items(5).build(), out))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("holds files frontier did not write (notes.txt)");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(Files.readString(out.resolve("report.html"))).isEqualTo(before);
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("run");
        }
    }

    @Test
    void aReportFolderStaysUnderTheReportsFolder(@TempDir Path dir) {
        assertThat(ReportWriter.folder(dir, "suite", "20261127-183000-ab12"))
                .isEqualTo(dir.resolve("suite").resolve("20261127-183000-ab12"));
        assertThatThrownBy(() -> ReportWriter.folder(dir, "suite", "../../src"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field runId");
        assertThatThrownBy(() -> ReportWriter.folder(dir, "suite", "/etc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field runId");
        assertThatThrownBy(() -> ReportWriter.folder(dir, "..", "20261127-183000-ab12"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field suite");
    }

    @Test
    void controlAndBidiCharactersNeverReachTheHtmlOrTheMarkdown() {
        RunResult run = RunFixture.builder()
                .incumbent("inc\u001b[31m", "m\u202eevil", "1.00", 0.80, 0.01)
                .candidate("c\u0007", "x\u2066y", "0.10", 0.79, 0.02)
                .items(2).build();
        ReportWriter.Rendered r = writer.render(run);
        for (String text : List.of(r.html(), r.markdown())) {
            assertThat(text).doesNotContain("\u001b", "\u202e", "\u0007", "\u2066");
        }
        assertThat(r.markdown()).contains("inc\\[31m");
        assertThat(writer.markdown(run)).isEqualTo(r.markdown());
    }

    /** 10,000 items × 5 candidates: the page stays close to the size of the text it carries. */
    @Test
    void aLargeRunStaysCompact() {
        RunResult run = RunFixture.many(5).items(10_000).outputWords(40).build();
        long text = 0;
        for (RunResult.ItemResult it : run.items()) {
            text += it.id().length() + it.input().length();
            for (RunResult.ItemOutput o : it.outputs().values()) {
                text += o.text().length() + o.notes().values().stream().mapToInt(String::length).sum();
            }
        }
        long start = System.nanoTime();
        ReportWriter.Rendered r = writer.render(run);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long bytes = r.html().getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("report for 10,000 items x 5 candidates: report.html %,d bytes (item text %,d chars, "
                + "results.json %,d bytes), rendered in %,d ms%n", bytes, text, r.resultsJson().length(), millis);

        assertThat(count(r.html(), "data-candidate=\"candidate-")).isGreaterThanOrEqualTo(5);
        assertThat(bytes).isLessThan(text * 13 / 10 + 2_000_000);
        assertThat(bytes).isLessThan(r.resultsJson().length());
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String between(String s, String start, String end) {
        int from = s.indexOf(start);
        assertThat(from).as("missing %s", start).isNotNegative();
        from += start.length();
        return s.substring(from, s.indexOf(end, from));
    }

    @Test
    void tierPlansPromptVariantsAndSettingsAreShownAndEscaped() {
        ReportWriter.Rendered out = writer.render(RunFixture.withTiers());
        String html = out.html();

        // the candidates table: budget-terse right below budget, its settings label and the tiers that served it
        String table = html.substring(html.indexOf("<table id=\"candidates\""), html.indexOf("</table>",
                html.indexOf("<table id=\"candidates\"")));
        assertThat(table.indexOf("data-candidate=\"budget-terse\"")).isGreaterThan(
                table.indexOf("data-candidate=\"budget\"")).isLessThan(table.indexOf("data-candidate=\"risky\""));
        assertThat(table).contains("data-model-group=\"amazon.nova-micro-v1:0\"",
                "<span class=\"ci served-tiers\">served: 75% flex, 25% standard</span>",
                "flex &lt;script&gt;window.__pwned=1&lt;/script&gt;");

        // the plans table: a column per tier some candidate has, latency, exclusions, the reservation
        String plans = html.substring(html.indexOf("<table id=\"plans\""), html.indexOf("</table>",
                html.indexOf("<table id=\"plans\"")));
        assertThat(plans).contains("<button type=\"button\">flex</button>", "<button type=\"button\">priority</button>",
                "<button type=\"button\">reserved</button>",
                "data-kind=\"flex\" data-excluded=\"true\"",
                "excluded: projected p95 4,000 ms exceeds the limit of 2,000 ms",
                "<span class=\"ci plan-latency\">p95 2,000 ms</span>",
                "<span class=\"ci plan-latency\">up to 24 h</span>",
                "reserve 27,400 in / 2,740 out tokens/min", "not public");
        assertThat(html).contains("id=\"plans-tiers-note\"", "With the p95 limit of 2,000 ms");

        // the prompt variants section
        String variants = html.substring(html.indexOf("<table id=\"prompt-variants\""),
                html.indexOf("</table>", html.indexOf("<table id=\"prompt-variants\"")));
        assertThat(variants).contains("data-candidate=\"budget-terse\" data-baseline=\"budget\"", ">412<",
                "+$1,648", "-0.021", "[-0.034, -0.008]",
                "saves 412 input tokens a request &lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;");
        assertThat(html).doesNotContain(RunFixture.IMG_PAYLOAD, RunFixture.SCRIPT_PAYLOAD);

        String md = out.markdown();
        assertThat(md).contains("**Prompt variants**", "- budget-terse: saves 412 input tokens a request",
                "**Service tiers**", "- budget: flex \\$20.00, p95 4,000 ms — excluded: projected p95 4,000 ms "
                        + "exceeds the limit of 2,000 ms; priority \\$70.00, p95 2,000 ms; cheapest: priority",
                "- mid: reserved not public (reserve 27,400 input and 2,740 output tokens/min; overflow at Standard)");
        assertThat(md).doesNotContain(RunFixture.IMG_PAYLOAD, RunFixture.SCRIPT_PAYLOAD);
    }

    @Test
    void aRecordWithoutTiersOrVariantsHasNoneOfTheirParts() {
        String html = writer.render(RunFixture.standard().build()).html();
        assertThat(html).doesNotContain("prompt-variants", "plans-tiers-note", "data-model-group");
    }
    @Test
    void theTrafficSourceIsNamedBesideThePlansItPricedAndEscaped() {
        RunResult base = RunFixture.standard().build();
        List<RunResult.Plan> plans = List.of(
                new RunResult.Plan("on-demand", new java.math.BigDecimal("100.00"), "", null, null, List.of()),
                new RunResult.Plan("prompt caching", new java.math.BigDecimal("60.00"), "", null, null,
                        List.of("replayed on the arrivals of profile ../prod/traffic.json")),
                new RunResult.Plan("client cache", new java.math.BigDecimal("80.00"), "", null, null, List.of()));
        RunResult run = base.toBuilder().traffic(84_169)
                .plans(List.of(new RunResult.CandidatePlans("mid", "prompt caching", "cheapest: prompt caching", plans)))
                .trafficSource(java.util.Optional.of(new RunResult.TrafficSource("profile ../prod/traffic.json",
                        "invocation-logs", "s3://logs/" + RunFixture.SCRIPT_PAYLOAD, "2026-11-16T08:00:00Z",
                        "2026-11-16T18:00:00Z", 1153, 84_169, "2026-11-16T09:13:00Z", 29, 15.4137, 1153,
                        List.of(new RunResult.CacheRate("5m", 0.986, 1137, 16),
                                new RunResult.CacheRate("1h", 0.9991, 1152, 1)),
                        List.of(new RunResult.CandidateCache("mid", "5m", 1030.0, 1000, 0.986, "a prefix of 1030 "
                                + "tokens, cached at 5m")),
                        java.util.Optional.of(new RunResult.ClientCacheRate("1h", 5000, 0.121)))))
                .build();
        ReportWriter.Rendered out = writer.render(run);
        String para = between(out.html(), "<p class=\"muted\" id=\"traffic-source\">", "</p>");
        assertThat(para).contains("Traffic from <b>profile ../prod/traffic.json</b>: 84,169 requests per month",
                        "1,153 requests between 2026-11-16T08:00:00Z and 2026-11-16T18:00:00Z",
                        "15.41 × the average tokens per minute",
                        "<span id=\"traffic-prompt-cache\">99% at 5m, 99.9% at 1h</span>",
                        "mid 99% at 5m: a prefix of 1030 tokens, cached at 5m",
                        "<span id=\"traffic-client-cache\">12%</span>")
                .contains("s3://logs/&lt;script&gt;").doesNotContain(RunFixture.SCRIPT_PAYLOAD);
        assertThat(out.html()).contains("<button type=\"button\">client cache</button>");
        assertThat(out.markdown()).contains("**Traffic** from profile ../prod/traffic.json: 84,169 requests per "
                + "month", "- mid: prompt cache 99% at 5m; prompt caching \\$60.00, client cache \\$80.00; "
                + "cheapest: prompt caching").doesNotContain(RunFixture.SCRIPT_PAYLOAD);
        assertThat(writer.render(base).html()).doesNotContain("traffic-source", ">client cache<");
    }
}
