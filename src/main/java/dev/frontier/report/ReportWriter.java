package dev.frontier.report;

import dev.frontier.store.ResultsJson;
import dev.frontier.store.RunResult;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's report folder: {@code results.json}, {@code report.html} and {@code summary.md}. Files are
 * written to a temporary folder and moved into place together, so a folder is never half-written.
 */
public final class ReportWriter {

    /** Most items shown in the HTML explorer; the rest are in results.json. */
    static final int MAX_ITEMS_IN_HTML = 500;

    private final Configuration freemarker;

    public ReportWriter() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassForTemplateLoading(ReportWriter.class, "/report");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setRecognizeStandardFileExtensions(true); // .ftlh = HTML auto-escaping
        freemarker.setNumberFormat("computer");
    }

    /** The files of a report, rendered in memory. */
    public record Rendered(String resultsJson, String html, String markdown) {
    }

    /** Renders without writing. */
    public Rendered render(RunResult result) {
        Map<String, Object> model = new HashMap<>();
        model.put("r", result);
        model.put("chart", ParetoChart.of(result));
        model.put("fmt", new Formats());
        List<RunResult.ItemResult> items = result.items();
        model.put("items", items.size() > MAX_ITEMS_IN_HTML ? items.subList(0, MAX_ITEMS_IN_HTML) : items);
        model.put("itemsOmitted", Math.max(0, items.size() - MAX_ITEMS_IN_HTML));
        return new Rendered(ResultsJson.toJson(result), render("report.ftlh", model), render("summary.ftlmd", model));
    }

    private String render(String name, Map<String, Object> model) {
        try {
            Template t = freemarker.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("report template " + name + " unreadable", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template " + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the report into {@code dir} (created, or replaced as a whole).
     *
     * @return {@code dir}
     */
    public Path write(RunResult result, Path dir) throws IOException {
        Rendered r = render(result);
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".tmp");
        try {
            Files.writeString(tmp.resolve("results.json"), r.resultsJson(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), r.html(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("summary.md"), r.markdown(), StandardCharsets.UTF_8);
            if (Files.exists(dir)) {
                try (var old = Files.list(dir)) {
                    for (Path p : old.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(dir);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
            return dir;
        } finally {
            if (Files.exists(tmp)) {
                try (var left = Files.list(tmp)) {
                    for (Path p : left.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(tmp);
            }
        }
    }
}
