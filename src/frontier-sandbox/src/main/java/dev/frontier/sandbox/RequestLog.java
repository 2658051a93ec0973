package dev.frontier.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request the sandbox answered, in memory and optionally as JSON lines in a file (one object per line,
 * flushed as it is written). Records are kept in the order answers were decided. Thread-safe.
 */
final class RequestLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private final ObjectMapper json;
    private final Path file;
    /** Guarded by {@code this}. */
    private final List<RequestRecord> records = new ArrayList<>();
    /** Guarded by {@code this}; null without a file or once closed. */
    private BufferedWriter writer;

    private RequestLog(ObjectMapper json, Path file, BufferedWriter writer) {
        this.json = json;
        this.file = file;
        this.writer = writer;
    }

    /**
     * Opens the log; with a file, appends to it (creating it if missing).
     *
     * @throws UncheckedIOException when the file cannot be opened
     */
    static RequestLog open(ObjectMapper json, Path file) {
        if (file == null) {
            return new RequestLog(json, null, null);
        }
        try {
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new RequestLog(json, file, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the request log " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void append(RequestRecord record) {
        records.add(record);
        if (writer == null) {
            return;
        }
        try {
            writer.write(json.writeValueAsString(toJson(record)));
            writer.newLine();
            writer.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        } catch (IOException e) {
            // the in-memory log stays complete; the file is best effort once open
            LOG.warn("cannot append to the request log {}: {}", file, e.getMessage());
        }
    }

    synchronized List<RequestRecord> snapshot() {
        return List.copyOf(records);
    }

    ObjectNode toJson(RequestRecord record) {
        ObjectNode node = json.createObjectNode();
        node.put("sequence", record.sequence());
        node.put("time", record.time().toString());
        node.put("operation", record.operation());
        node.put("modelId", record.modelId());
        node.put("requestHash", record.requestHash());
        node.put("status", record.status());
        node.put("outcome", record.outcome());
        node.put("inputTokens", record.inputTokens());
        node.put("outputTokens", record.outputTokens());
        node.put("cacheReadInputTokens", record.cacheReadInputTokens());
        node.put("cacheWriteInputTokens", record.cacheWriteInputTokens());
        node.put("billed", record.billed());
        node.put("userAgent", record.userAgent());
        // the dials, only when sent, so lines of requests without them are as before
        putIfSent(node, "serviceTier", record.serviceTier());
        putIfSent(node, "latency", record.latency());
        putIfSent(node, "reasoning", record.reasoning());
        putIfSent(node, "cacheTtl", record.cacheTtl());
        return node;
    }

    private static void putIfSent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    @Override
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warn("cannot close the request log {}: {}", file, e.getMessage());
        }
        writer = null;
    }
}
