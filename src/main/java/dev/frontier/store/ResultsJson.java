package dev.frontier.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes {@code results.json}. */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
        return r;
    }

    /** Reads a results file. */
    public static RunResult read(Path file) throws IOException {
        return fromJson(java.nio.file.Files.readString(file));
    }
}
