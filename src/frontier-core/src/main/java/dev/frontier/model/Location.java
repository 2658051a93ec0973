package dev.frontier.model;

import java.nio.file.Path;

/** A position in an input file; line and column are 1-based, 0 when unknown. */
public record Location(Path file, int line, int column) {
    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }
}
