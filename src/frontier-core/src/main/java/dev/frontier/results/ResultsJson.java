package dev.frontier.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.frontier.model.Ids;
import dev.frontier.model.InputLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and writes {@code results.json}. */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new Jdk8Module());

    private ResultsJson() {
    }

    public static String toJson(RunResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run result not serialisable", e);
        }
    }

    /**
     * Parses a results document.
     *
     * @throws IOException when it is not a {@value RunResult#SCHEMA} document
     */
    public static RunResult fromJson(String json) throws IOException {
        RunResult r = MAPPER.readValue(json, RunResult.class);
        if (r == null || !RunResult.SCHEMA.equals(r.schema())) {
            throw new IOException("not a " + RunResult.SCHEMA + " document");
        }
        checkIds(r);
        return r;
    }

    /**
     * Checks the ids that become folder and file names against {@link Ids}: a record's {@code runId} and
     * {@code suite} name its report folder, so a record that says {@code ../../src} is refused before anything is
     * written or deleted.
     */
    private static void checkIds(RunResult r) throws IOException {
        check("runId", Ids.runProblem(r.runId()));
        check("suite", Ids.suiteProblem(r.suite()));
        if (r.parentRunId().isPresent()) {
            check("parentRunId", Ids.runProblem(r.parentRunId().get()));
        }
        if (r.candidates() != null) {
            for (int i = 0; i < r.candidates().size(); i++) {
                RunResult.CandidateResult c = r.candidates().get(i);
                check("candidates[" + i + "].id", c == null ? Optional.of("missing") : Ids.nameProblem(c.id()));
            }
        }
        if (r.scorers() != null) {
            for (int i = 0; i < r.scorers().size(); i++) {
                RunResult.ScorerInfo s = r.scorers().get(i);
                check("scorers[" + i + "].id", s == null ? Optional.of("missing") : Ids.nameProblem(s.id()));
            }
        }
    }

    private static void check(String field, Optional<String> problem) throws IOException {
        if (problem.isPresent()) {
            throw new IOException("field " + field + ": " + problem.get());
        }
    }

    /** Reads a results file. */
    public static RunResult read(Path file) throws IOException {
        Optional<String> unreadable = InputLimits.problem("results file", Files.isRegularFile(file),
                Files.isRegularFile(file) ? Files.size(file) : 0, InputLimits.RESULTS_BYTES);
        if (unreadable.isPresent()) {
            throw new IOException(unreadable.get());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) InputLimits.RESULTS_BYTES + 1);
        }
        if (bytes.length > InputLimits.RESULTS_BYTES) {
            throw new IOException(InputLimits.problem("results file", true, bytes.length, InputLimits.RESULTS_BYTES)
                    .orElseThrow());
        }
        return fromJson(new String(bytes, StandardCharsets.UTF_8));
    }
}
