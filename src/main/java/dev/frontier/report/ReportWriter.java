package dev.frontier.report;

import dev.frontier.store.ResultsJson;
import dev.frontier.store.RunResult;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a run's report folder: {@code results.json}, {@code report.html} and {@code summary.md}. Files are
 * written to a temporary folder and moved into place together, so a folder is never half-written.
 *
 * <p>The page's one script ({@code report.js}) is allowed by its SHA-256 in the Content-Security-Policy, so no other
 * script, inline event handler or injected markup could run even if some text escaped the template's escaping.
 */
public final class ReportWriter {

    private final Configuration freemarker;
    private final String script;
    private final String scriptHash;

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
        try (InputStream in = ReportWriter.class.getResourceAsStream("/report/report.js")) {
            if (in == null) {
                throw new IllegalStateException("report script /report/report.js missing from the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            scriptHash = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("report script unreadable", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The files of a report, rendered in memory. */
    public record Rendered(String resultsJson, String html, String markdown) {
    }

    /** Renders without writing. */
    public Rendered render(RunResult result) {
        // the one place that decides where the verdict comes from
        // records without a decision (no incumbent, or written before decisions existed) get the heuristic view
        Verdict verdict = result.decision() != null ? StatisticalVerdict.of(result) : HeuristicVerdict.of(result);
        ReportView view = ReportView.of(result, verdict);
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("r", result);
        model.put("verdict", verdict);
        model.put("chart", view.chart());
        model.put("fmt", new Formats());
        model.put("script", script);
        model.put("scriptHash", scriptHash);
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
