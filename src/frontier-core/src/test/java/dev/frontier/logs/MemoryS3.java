package dev.frontier.logs;

import dev.frontier.invoke.S3Objects;
import dev.frontier.model.S3Uri;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** S3 in memory, for the reader's tests: objects by URI, listed in key order. */
final class MemoryS3 implements S3Objects {
    final TreeMap<String, byte[]> objects = new TreeMap<>();

    @Override
    public void put(S3Uri target, Path file) {
        try {
            put(target, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(S3Uri target, byte[] bytes) {
        objects.put(target.toString(), bytes);
    }

    @Override
    public Optional<InputStream> open(S3Uri source) {
        byte[] b = objects.get(source.toString());
        return b == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(b));
    }

    @Override
    public List<S3Uri> list(S3Uri prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix.toString())).map(S3Uri::parse).toList();
    }
}
