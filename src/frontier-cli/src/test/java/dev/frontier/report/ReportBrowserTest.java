package dev.frontier.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens generated reports in Debian's headless Chromium through its chromedriver (both given by path, so Selenium
 * Manager never runs and nothing is downloaded) and checks what a reader sees and does. Every test also fails on
 * any SEVERE browser console entry (script errors, Content-Security-Policy violations). Screenshots go to
 * {@code target/report-screenshots/}.
 */
@Tag("browser")
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    static final int WIDTH = 1366;
    static final int HEIGHT = 768;

    @TempDir
    static Path dir;

    private static ChromeDriver driver;
    private static RunResult run;
    private static Path report;

    @BeforeAll
    static void startBrowser() throws IOException {
        // a browser test that cannot see a browser fails: passing with zero checks would hide it
        if (!(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))) {
            throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run installs them), or leave out the "
                    + "browser tag: mvn test -Dfrontier.tests=fast");
        }
        run = RunFixture.standard().build();
        report = new ReportWriter().write(run, dir.resolve("fixture-suite").resolve(run.runId()))
                .resolve("report.html");

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"),
                "--window-size=" + WIDTH + "," + HEIGHT);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        if (driver == null) {
            return;
        }
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(e.getMessage());
            }
        }
        assertThat(severe).as("browser console errors").isEmpty();
    }

    private static void open(Path page) {
        driver.get(page.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#item-list article.item")).isEmpty()
                        || d.findElement(By.id("item-status")).getText().startsWith("no matching"));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void theVerdictAndTheChartAreAboveTheFold() throws IOException {
        open(report);
        assertThat(driver.findElement(By.id("simulated-banner")).getText()).contains("Simulated models");
        assertThat(driver.findElement(By.id("verdict-title")).getText())
                .isEqualTo("Switch to mid: looks comparable to premium — qualification pending");
        assertThat(driver.findElement(By.id("verdict-saving")).getText()).startsWith("$3,300.00 saved per month");
        long viewport = ((Number) js("return window.innerHeight;")).longValue();
        assertThat(bottom("#verdict-saving")).isLessThanOrEqualTo(viewport);
        assertThat(bottom("#pareto svg")).isLessThanOrEqualTo(viewport);

        Files.write(SCREENSHOTS.resolve("report-viewport.png"), driver.getScreenshotAs(OutputType.BYTES));
        fullPage("report-full.png");
    }

    @Test
    void theChartHasOnePointPerCandidateAndATooltip() {
        open(report);
        List<WebElement> points = driver.findElements(By.cssSelector("#pareto svg g.pt"));
        assertThat(points).extracting(p -> p.getAttribute("data-candidate"))
                .containsExactlyInAnyOrderElementsOf(run.candidates().stream().map(RunResult.CandidateResult::id)
                        .toList());
        assertThat(driver.findElement(By.cssSelector("#pareto svg")).getAttribute("role")).isEqualTo("img");
        assertThat(driver.findElement(By.id("chart-desc")).getAttribute("textContent"))
                .contains("Pareto frontier from cheapest", "Recommended: mid");

        WebElement mark = driver.findElement(By.cssSelector("#pareto g.pt[data-candidate='budget'] .mark"));
        new Actions(driver).moveToElement(mark).perform();
        WebElement tip = driver.findElement(By.cssSelector("#pareto .tip"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> tip.isDisplayed());
        assertThat(tip.getText()).contains("budget", "cost: $0.0200 per 1,000 requests", "quality: 0.610",
                "latency p50 / p95: 700 / 1500 ms", "tokens per call in / out: 300 / 60");
    }

    @Test
    void clickingAHeadingSortsTheCandidatesTable() {
        open(report);
        assertThat(candidateOrder()).containsExactly("premium", "mid", "budget", "risky");
        clickHeading("$ / 1k req");
        assertThat(candidateOrder()).containsExactly("budget", "risky", "mid", "premium");
        clickHeading("$ / 1k req");
        assertThat(candidateOrder()).containsExactly("premium", "mid", "risky", "budget");
        clickHeading("quality");
        assertThat(candidateOrder()).containsExactly("risky", "budget", "mid", "premium");
        clickHeading("candidate");
        assertThat(candidateOrder()).containsExactly("budget", "mid", "premium", "risky");
        assertThat(driver.findElement(By.xpath("//table[@id='candidates']//th[.//button[.='candidate']]"))
                .getAttribute("aria-sort")).isEqualTo("ascending");
    }

    @Test
    void hostileOutputsShowAsTextAndNothingRuns() {
        open(report);
        assertThat(js("return typeof window.__pwned;")).isEqualTo("undefined");
        assertThat(driver.findElements(By.cssSelector("#item-list img, #item-list script, #item-list b")))
                .isEmpty();

        String expected = run.items().get(3).outputs().get("risky").text();
        WebElement output = driver.findElement(
                By.cssSelector("article[data-item='T-00004'] .output[data-candidate='risky'] pre"));
        assertThat(output.getText()).isEqualTo(expected).contains(RunFixture.SCRIPT_PAYLOAD);
        assertThat(output.isDisplayed()).isTrue();

        WebElement hostileItem = driver.findElements(By.cssSelector("#item-list article.item")).get(5);
        assertThat(hostileItem.getAttribute("data-item")).isEqualTo(RunFixture.HOSTILE_ITEM_ID);
        assertThat(hostileItem.findElement(By.cssSelector(".item-id")).getText())
                .isEqualTo(RunFixture.HOSTILE_ITEM_ID);
        assertThat(hostileItem.findElement(By.cssSelector(".prompt pre")).getText()).contains("<i>dataset</i>");

        search("__pwned=2");
        assertThat(items()).hasSize(12);
        assertThat(js("return typeof window.__pwned;")).isEqualTo("undefined");
    }

    @Test
    void searchingForAUniqueWordShowsExactlyOneItem() {
        open(report);
        search(RunFixture.UNIQUE_WORD);
        List<WebElement> shown = items();
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).getAttribute("data-item"))
                .isEqualTo(run.items().get(RunFixture.UNIQUE_ITEM).id());
        assertThat(shown.get(0).findElement(By.tagName("mark")).getText()).isEqualTo(RunFixture.UNIQUE_WORD);
        assertThat(status()).contains("1 matching (120 in all)");

        search("");
        assertThat(items()).hasSize(50);
    }

    @Test
    void lowestScoresAndLargestDisagreementComeFirst() {
        open(report);
        new Select(driver.findElement(By.id("item-order"))).selectByValue("lowest");
        List<Double> lows = items().stream().map(a -> qualities(a).stream().min(Double::compare).orElseThrow())
                .toList();
        assertThat(lows).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(items().get(0).getAttribute("data-item")).isEqualTo(expectedFirst(true));

        new Select(driver.findElement(By.id("item-order"))).selectByValue("spread");
        List<Double> spreads = items().stream().map(a -> {
            List<Double> q = qualities(a);
            return q.stream().max(Double::compare).orElseThrow() - q.stream().min(Double::compare).orElseThrow();
        }).toList();
        assertThat(spreads).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(items().get(0).getAttribute("data-item")).isEqualTo(expectedFirst(false));
    }

    @Test
    void theExplorerPagesFiftyItemsAtATime() {
        open(report);
        assertThat(items()).hasSize(50);
        assertThat(status()).isEqualTo("items 1–50 of 120 · page 1 of 3");
        assertThat(driver.findElement(By.id("page-prev")).isEnabled()).isFalse();

        driver.findElement(By.id("page-next")).click();
        assertThat(items()).hasSize(50);
        assertThat(items().get(0).getAttribute("data-item")).isEqualTo(run.items().get(50).id());
        driver.findElement(By.id("page-next")).click();
        assertThat(items()).hasSize(20);
        assertThat(status()).isEqualTo("items 101–120 of 120 · page 3 of 3");
        assertThat(driver.findElement(By.id("page-next")).isEnabled()).isFalse();

        new Select(driver.findElement(By.id("item-filter"))).selectByValue("holdout");
        assertThat(status()).startsWith("items 1–30 of 30 matching");
    }

    @Test
    void thirtyCandidatesStillGiveOnePointEach() throws IOException {
        RunResult crowded = RunFixture.many(30).items(60).build();
        Path page = new ReportWriter().write(crowded, dir.resolve("crowded").resolve(crowded.runId()))
                .resolve("report.html");
        open(page);
        assertThat(driver.findElements(By.cssSelector("#pareto svg g.pt"))).hasSize(30);
        // the explorer starts with the incumbent, the recommendation and the frontier, not all thirty
        long compared = crowded.candidates().stream().filter(c -> c.incumbent() || c.onFrontier()
                || c.id().equals(HeuristicVerdict.of(crowded).recommendationId())).count();
        assertThat(items().get(0).findElements(By.cssSelector(".output"))).hasSize((int) compared);
        Files.write(SCREENSHOTS.resolve("report-30-candidates-viewport.png"),
                driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The demo suites' own reports, made by `frontier run --sandbox`, pass the same checks. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"support-summaries", "intent-classification",
            "support-judged", "support-dials"})
    void theDemoSuitesReportsWork(String suite) throws IOException {
        Path out = dir.resolve("demo-" + suite);
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        int code = dev.frontier.cli.Main.run(new java.io.PrintStream(stdout, true, "UTF-8"),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), "run",
                "eval-configs/" + suite + ".yaml", "--sandbox", "--sandbox-time-scale", "0", "--store",
                out.resolve("store.db").toString(), "--reports", out.toString());
        assertThat(code).as(stdout.toString("UTF-8")).isZero();
        Path page;
        try (var runs = Files.list(out.resolve(suite))) {
            page = runs.findFirst().orElseThrow().resolve("report.html");
        }
        RunResult demo = dev.frontier.results.ResultsJson.read(page.resolveSibling("results.json"));
        open(page);
        assertThat(driver.findElement(By.id("verdict-title")).getText()).isNotBlank();
        long viewport = ((Number) js("return window.innerHeight;")).longValue();
        assertThat(bottom("#verdict-title")).isLessThanOrEqualTo(viewport);
        assertThat(bottom("#pareto svg")).isLessThanOrEqualTo(viewport);
        assertThat(driver.findElements(By.cssSelector("#pareto svg g.pt"))).hasSize(demo.candidates().size());
        assertThat(driver.findElements(By.cssSelector("#qualification tbody tr"))).hasSize(demo.candidates().size());
        assertThat(driver.findElements(By.cssSelector("#plans tbody tr"))).hasSize(demo.candidates().size());
        clickHeading("$ / 1k req");
        List<String> byCost = demo.candidates().stream()
                .sorted(java.util.Comparator.comparing(c -> c.costPer1k().orElseThrow()))
                .map(RunResult.CandidateResult::id).toList();
        assertThat(candidateOrder()).containsExactlyElementsOf(byCost);
        long variants = demo.candidates().stream().filter(c -> c.promptSaving().isPresent()).count();
        if (variants > 0) {
            // every prompt variant with a baseline: its saving and the quality it costs, in words
            assertThat(driver.findElements(By.cssSelector("#prompt-variants tbody tr"))).hasSize((int) variants);
        }
        if (demo.candidates().stream().anyMatch(c -> c.settings().isPresent())) {
            // each candidate's settings under its id, the variants of one model together
            assertThat(driver.findElement(By.id("candidates")).getText()).contains("flex").contains("priority");
        }
        if (demo.judging().isPresent()) {
            // judges' agreement with the humans at three levels, win rates, judge spend, reasons in the explorer
            assertThat(driver.findElements(By.cssSelector("#calibration tbody tr")))
                    .hasSize(3 * demo.calibration().size());
            assertThat(driver.findElements(By.cssSelector("#pairwise tbody tr"))).hasSize(demo.pairwise().size());
            assertThat(driver.findElement(By.id("judge-spend")).getText()).startsWith("$");
            assertThat((String) js("return document.getElementById('items-section').textContent;"))
                    .contains("nova-pro-v1:0: ");
        }
        if (demo.routing().isPresent()) {
            // every policy in the routing table, the routed ones as marks on the chart, sortable by cost
            RunResult.Routing routing = demo.routing().get();
            assertThat(driver.findElements(By.cssSelector("#routing tbody tr"))).hasSize(routing.policies().size());
            assertThat(driver.findElements(By.cssSelector("#pareto svg g.route"))).hasSize((int) routing.policies()
                    .stream().filter(p -> !p.kind().equals("single") && p.costPer1k() != null).count());
            assertThat(driver.findElement(By.cssSelector("#routing-section p")).getText())
                    .startsWith(routing.recommendation().substring(0, 1).toUpperCase(java.util.Locale.ROOT));
            driver.findElement(By.xpath("//table[@id='routing']//th/button[text()='$ / 1k']")).click();
            List<Double> costs = driver.findElements(By.cssSelector("#routing tbody tr td:nth-child(5)")).stream()
                    .map(td -> td.getAttribute("data-sort")).filter(v -> !v.isEmpty()).map(Double::parseDouble)
                    .toList();
            assertThat(costs).isSorted();
        }
        if (demo.slices().isPresent()) {
            // one row per slice with a cell per cheaper candidate; the explorer's slice filter keeps that slice only
            RunResult.SliceResults slices = demo.slices().get();
            assertThat(driver.findElements(By.cssSelector("#slices tbody tr"))).hasSize(slices.slices().size());
            RunResult.Slice first = slices.slices().get(0);
            assertThat(driver.findElements(By.cssSelector("#slices tbody tr:first-child td.slice-cell")))
                    .hasSize(first.comparisons().size());
            long inSlice = demo.items().stream().filter(i -> first.value().equals(i.slices().get(first.field())))
                    .count();
            new Select(driver.findElement(By.id("item-slice"))).selectByValue(first.field() + "=" + first.value());
            assertThat(status()).contains(" of " + inSlice + " matching");
            assertThat(items()).isNotEmpty();
            js("document.getElementById('slices-section').scrollIntoView();");
            Files.write(SCREENSHOTS.resolve("demo-" + suite + "-slices.png"),
                    driver.getScreenshotAs(OutputType.BYTES));
            new Select(driver.findElement(By.id("item-slice"))).selectByValue("");
            assertThat(status()).doesNotContain("matching");
        }
        Files.write(SCREENSHOTS.resolve("demo-" + suite + "-viewport.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private String expectedFirst(boolean lowest) {
        List<String> ids = run.candidates().stream().map(RunResult.CandidateResult::id).toList();
        Comparator<Integer> order = Comparator.comparingDouble(i -> {
            RunResult.ItemResult it = run.items().get(i);
            List<Double> q = ids.stream().map(id -> round(it.outputs().get(id).quality())).toList();
            double min = q.stream().min(Double::compare).orElseThrow();
            return lowest ? min : min - q.stream().max(Double::compare).orElseThrow();
        });
        int first = IntStream.range(0, run.items().size()).boxed().min(order.thenComparing(i -> i)).orElseThrow();
        return run.items().get(first).id();
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static List<Double> qualities(WebElement article) {
        return article.findElements(By.cssSelector(".output")).stream()
                .map(o -> Double.parseDouble(o.getAttribute("data-quality"))).toList();
    }

    private static List<WebElement> items() {
        return driver.findElements(By.cssSelector("#item-list article.item"));
    }

    private static String status() {
        return driver.findElement(By.id("item-status")).getText();
    }

    private static void search(String text) {
        WebElement box = driver.findElement(By.id("item-search"));
        String before = status();
        box.clear();
        if (text.isEmpty()) {
            // clear() sends no input event
            js("arguments[0].dispatchEvent(new Event('input'));", box);
        } else {
            box.sendKeys(text);
        }
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !status().equals(before));
    }

    private static List<String> candidateOrder() {
        return driver.findElements(By.cssSelector("#candidates tbody tr")).stream()
                .map(r -> r.getAttribute("data-candidate")).toList();
    }

    private static void clickHeading(String label) {
        driver.findElement(By.xpath("//table[@id='candidates']//th/button[.='" + label + "']")).click();
    }

    private static long bottom(String css) {
        return ((Number) js("return Math.ceil(document.querySelector(arguments[0]).getBoundingClientRect().bottom);",
                css)).longValue();
    }

    private static void fullPage(String name) throws IOException {
        long width = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
