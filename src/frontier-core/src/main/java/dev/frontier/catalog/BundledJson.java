package dev.frontier.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a JSON document shipped on the class path; a missing or broken one is a build defect, not user input. */
final class BundledJson {
    private BundledJson() {
    }

    static JsonNode read(String resource, String what) {
        try (InputStream in = BundledJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + what + " missing: " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled " + what + " unreadable: " + resource, e);
        }
    }
}
