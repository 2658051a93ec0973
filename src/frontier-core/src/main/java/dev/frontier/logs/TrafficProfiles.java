package dev.frontier.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.frontier.model.InputLimits;
import dev.frontier.model.Location;
import dev.frontier.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@link TrafficProfile} files (JSON, schema {@value TrafficProfile#SCHEMA}). */
public final class TrafficProfiles {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private TrafficProfiles() {
    }

    /** A profile, or what is wrong with the file (at its line and column where the JSON says). */
    public sealed interface Read permits Loaded, Invalid {
    }

    /** A profile that was read. */
    public record Loaded(TrafficProfile profile) implements Read {
    }

    /** Why the file is not a profile. */
    public record Invalid(Problem problem) implements Read {
    }

    /** Reads a profile file. */
    public static Read read(Path file) {
        try {
            var tooBig = InputLimits.problem("traffic profile", Files.isRegularFile(file),
                    Files.isRegularFile(file) ? Files.size(file) : 0, InputLimits.DATA_BYTES);
            if (tooBig.isPresent()) {
                return invalid(file, 0, 0, tooBig.get());
            }
            TrafficProfile p = JSON.readValue(file.toFile(), TrafficProfile.class);
            if (!TrafficProfile.SCHEMA.equals(p.schema())) {
                return invalid(file, 1, 1, "schema is " + p.schema() + ", expected " + TrafficProfile.SCHEMA);
            }
            return new Loaded(p);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String why = e.getOriginalMessage();
            if (e.getCause() instanceof IllegalArgumentException iae) {
                why = iae.getMessage();
            }
            return invalid(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), why);
        } catch (IOException e) {
            return invalid(file, 0, 0, "cannot read it: " + e.getMessage());
        }
    }

    private static Invalid invalid(Path file, int line, int column, String why) {
        return new Invalid(Problem.error(new Location(file, Math.max(line, 0), Math.max(column, 0)), "traffic.profile",
                "not a traffic profile: " + why, "make it with `frontier logs import … --profile FILE`"));
    }

    /** The profile as JSON text. */
    public static String toJson(TrafficProfile profile) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a profile whole or not at all: to a temporary file beside {@code file}, then moved over it. */
    public static void write(Path file, TrafficProfile profile) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".traffic-", ".tmp");
            try {
                Files.writeString(tmp, toJson(profile));
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
