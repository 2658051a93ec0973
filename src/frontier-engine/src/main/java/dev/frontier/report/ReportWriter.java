package dev.frontier.report;

import dev.frontier.model.UntrustedText;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
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
import java.util.Optional;
import java.util.OptionalDouble;

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
        // the record's explicit unknowns (Optional, OptionalDouble) reach the templates as a value or as missing,
        // so that the templates keep testing them with ?? and !
        freemarker.setObjectWrapper(new OptionalUnwrapping(Configuration.VERSION_2_3_34));
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

    /** The object wrapper of the templates: an empty optional is missing, a present one is its value. */
    private static final class OptionalUnwrapping extends DefaultObjectWrapper {
        OptionalUnwrapping(Version version) {
            super(version);
        }

        @Override
        public TemplateModel wrap(Object obj) throws TemplateModelException {
            if (obj instanceof Optional<?> o) {
                return super.wrap(o.orElse(null));
            }
            if (obj instanceof OptionalDouble d) {
                return super.wrap(d.isPresent() ? d.getAsDouble() : null);
            }
            return super.wrap(obj);
        }
    }

    /** The files of a report, rendered in memory. */
    public record Rendered(String resultsJson, String html, String markdown) {
    }

    /** Renders without writing. */
    public Rendered render(RunResult result) {
        Map<String, Object> model = model(result);
        // the templates escape markup; control and bidi-override characters go here, whatever field held them
        return new Rendered(ResultsJson.toJson(result), UntrustedText.strip(render("report.ftlh", model)),
                UntrustedText.strip(render("summary.ftlmd", model)));
    }

    /** summary.md alone, as {@link #render} makes it: what {@code gate} adds its gates to, without the HTML. */
    public String markdown(RunResult result) {
        return UntrustedText.strip(render("summary.ftlmd", model(result)));
    }

    private Map<String, Object> model(RunResult result) {
        // the one place that decides where the verdict comes from
        // records without a decision (no incumbent, or written before decisions existed) get the heuristic view
        Verdict verdict = result.decision().isPresent() ? StatisticalVerdict.of(result) : HeuristicVerdict.of(result);
        ReportView view = ReportView.of(result, verdict);
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("r", result);
        model.put("verdict", verdict);
        model.put("chart", view.chart());
        model.put("fmt", new Formats());
        model.put("script", script);
        model.put("scriptHash", scriptHash);
        return model;
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

    /** The files a report folder holds; the writer deletes these and nothing else. */
    public static final java.util.Set<String> FILES = java.util.Set.of("results.json", "report.html", "summary.md",
            "junit.xml", "recheck.json", "recheck.md", "routing-policy.json", "prompt-router.json");

    /**
     * The report folder of a run under {@code reports}: {@code <reports>/<suite>/<run id>}. The ids are checked again
     * here (they come from the run record, which may be a file someone handed over), and the folder must stay under
     * {@code reports}.
     *
     * @throws IllegalArgumentException naming the field whose value would leave {@code reports}
     */
    public static Path folder(Path reports, String suite, String runId) {
        dev.frontier.model.Ids.suiteProblem(suite).ifPresent(p -> {
            throw new IllegalArgumentException("field suite: " + p);
        });
        dev.frontier.model.Ids.runProblem(runId).ifPresent(p -> {
            throw new IllegalArgumentException("field runId: " + p);
        });
        Path root = reports.toAbsolutePath().normalize();
        Path dir = root.resolve(suite).resolve(runId).normalize();
        if (!dir.startsWith(root) || dir.getNameCount() != root.getNameCount() + 2) {
            throw new IllegalArgumentException("field runId: the report folder " + dir + " would leave " + root);
        }
        return reports.resolve(suite).resolve(runId);
    }

    /**
     * Writes the report into {@code dir}, replacing the folder as a whole: the files are written to a temporary
     * folder beside it, the old folder is moved aside and the new one moved into its place, then the old one's files
     * (only those in {@link #FILES}) are deleted. A folder that holds anything else is left alone and refused.
     *
     * @return {@code dir}
     * @throws IOException when the folder cannot be written, or holds files frontier did not write
     */
    public Path write(RunResult result, Path dir) throws IOException {
        Rendered r = render(result);
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            foreign(dir); // before anything is written
        }
        Path tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".tmp");
        Path old = null;
        try {
            Files.writeString(tmp.resolve("results.json"), r.resultsJson(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), r.html(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("summary.md"), r.markdown(), StandardCharsets.UTF_8);
            if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                foreign(dir);
                old = parent.resolve("." + dir.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
                move(dir, old);
            }
            move(tmp, dir);
            return dir;
        } finally {
            deleteOwn(tmp);
            if (old != null) {
                deleteOwn(old);
            }
        }
    }

    /** Refuses a folder that is a link, not a folder, or holds anything frontier does not write there. */
    private static void foreign(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a report folder (a file or a link); move it away or choose another "
                    + "--reports");
        }
        java.util.List<String> others = new java.util.ArrayList<>();
        try (var entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                if (!FILES.contains(p.getFileName().toString())
                        || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    others.add(p.getFileName().toString());
                }
            }
        }
        if (!others.isEmpty()) {
            java.util.Collections.sort(others);
            throw new IOException(dir + " holds files frontier did not write (" + String.join(", ",
                    others.subList(0, Math.min(5, others.size()))) + (others.size() > 5 ? ", …" : "")
                    + "); move them away or choose another --reports");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes the report files in {@code dir}, then {@code dir} if that left it empty. */
    private static void deleteOwn(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (String name : FILES) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(p);
            }
        }
        try (var left = Files.list(dir)) {
            if (left.findAny().isPresent()) {
                return;
            }
        }
        Files.delete(dir);
    }
}
