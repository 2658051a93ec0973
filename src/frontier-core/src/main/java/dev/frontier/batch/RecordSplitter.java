package dev.frontier.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes JSONL records into numbered files under a directory, starting a new file before one would pass
 * {@code maxRecords} records or {@code maxBytes} bytes, so that every file is within Bedrock's input limits. Only
 * the current line is held in memory.
 */
public final class RecordSplitter implements AutoCloseable {

    private final Path dir;
    private final String stem;
    private final int maxRecords;
    private final long maxBytes;
    private final List<Path> files = new ArrayList<>();
    private BufferedWriter out;
    private int records;
    private long bytes;

    /**
     * @param dir        where the files go
     * @param stem       file name stem: files are {@code <stem>-00001.jsonl}, {@code <stem>-00002.jsonl} …
     * @param maxRecords most records per file
     * @param maxBytes   most bytes per file
     */
    public RecordSplitter(Path dir, String stem, int maxRecords, long maxBytes) {
        if (maxRecords < 1 || maxBytes < 2) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.dir = dir;
        this.stem = stem;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /** Appends one record line (no newline). */
    public void add(String line) {
        byte[] encoded = line.getBytes(StandardCharsets.UTF_8);
        long size = encoded.length + 1L;
        if (size > maxBytes) {
            throw new IllegalArgumentException("one record is " + size + " bytes, more than a file may hold ("
                    + maxBytes + ")");
        }
        try {
            if (out == null || records >= maxRecords || bytes + size > maxBytes) {
                next();
            }
            out.write(line);
            out.write('\n');
            records++;
            bytes += size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write batch records under " + dir, e);
        }
    }

    private void next() throws IOException {
        if (out != null) {
            out.close();
        }
        Path file = dir.resolve(String.format(java.util.Locale.ROOT, "%s-%05d.jsonl", stem, files.size() + 1));
        files.add(file);
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
        records = 0;
        bytes = 0;
    }

    /** The files written so far, in order. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write batch records under " + dir, e);
            }
        }
    }
}
