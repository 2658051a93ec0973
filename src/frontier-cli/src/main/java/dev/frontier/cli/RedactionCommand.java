package dev.frontier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.logs.LogRow;
import dev.frontier.logs.RowRedactor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code --redact-command "CMD ARGS"}: an external program, started without a shell in the current folder, redacts the
 * items. It reads one JSON object a line on standard input,
 * <pre>{"id": "p…", "prompt": "…", "system": "…", "reference": "…", "metadata": {"team": "…"}}</pre>
 * ({@code reference} only with {@code --responses}, {@code metadata} only when the request had some) and writes one
 * line for each, in the same order, with the same id and every field it was given, redacted; then exits 0. Anything
 * else (a missing field, another id, fewer lines, a non-zero exit, no end within {@link #TIMEOUT}) fails the import
 * before anything is written, with the end of the program's standard error.
 *
 * <p>Unlike a {@code command} scorer, which serves a run for hours and is restarted after a bad reply, this program
 * sees the sample once, so one process and one failure rule are enough.
 */
final class RedactionCommand implements RowRedactor {
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int STDERR_TAIL = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> command;
    private final Path directory;
    private final Duration timeout;

    RedactionCommand(List<String> command, Path directory, Duration timeout) {
        if (command.isEmpty()) {
            throw new CliFailure(Exit.INVALID_INPUT, "--redact-command names no program");
        }
        this.command = List.copyOf(command);
        this.directory = directory;
        this.timeout = timeout;
    }

    /** The words of a command line: split at spaces, except inside single or double quotes (which are removed). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new CliFailure(Exit.INVALID_INPUT, "--redact-command: an unclosed " + quote + " quote");
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    @Override
    public List<LogRow> redact(List<LogRow> rows) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).start();
        } catch (IOException e) {
            throw new RedactionFailed("cannot start " + command.get(0) + ": " + e.getMessage());
        }
        try {
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> tail(process.getErrorStream()));
            CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> feed(process, rows));
            CompletableFuture<List<String>> replies = CompletableFuture.supplyAsync(() -> lines(process));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RedactionFailed(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            List<String> out = replies.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            feed.exceptionally(e -> null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String err = stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0) {
                throw new RedactionFailed(command.get(0) + " exited with " + process.exitValue() + ended(err));
            }
            if (out.size() != rows.size()) {
                throw new RedactionFailed(command.get(0) + " wrote " + out.size() + " lines for " + rows.size()
                        + " items" + ended(err));
            }
            List<LogRow> redacted = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                redacted.add(reply(rows.get(i), out.get(i), i + 1));
            }
            return redacted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedactionFailed("interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new RedactionFailed(command.get(0) + ": " + e.getMessage());
        } finally {
            process.destroyForcibly();
        }
    }

    private static String ended(String stderr) {
        return stderr.isBlank() ? "" : "; its standard error ended with: " + stderr.strip();
    }

    private static void feed(Process process, List<LogRow> rows) {
        try (Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            for (LogRow r : rows) {
                w.write(JSON.writeValueAsString(request(r)));
                w.write('\n');
            }
        } catch (IOException e) {
            // the program closed its input early: its exit and its replies say what happened
        }
    }

    private static ObjectNode request(LogRow r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.put("prompt", r.prompt());
        o.put("system", r.system());
        r.reference().ifPresent(ref -> o.put("reference", ref));
        if (!r.metadata().isEmpty()) {
            ObjectNode m = o.putObject("metadata");
            r.metadata().forEach(m::put);
        }
        return o;
    }

    private static List<String> lines(Process process) {
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended: what was read is checked
        }
        return out;
    }

    private static String tail(InputStream in) {
        StringBuilder tail = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                tail.append(line).append('\n');
                if (tail.length() > 2 * STDERR_TAIL) {
                    tail.delete(0, tail.length() - STDERR_TAIL);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return tail.length() > STDERR_TAIL ? tail.substring(tail.length() - STDERR_TAIL) : tail.toString();
    }

    /** The program's line for {@code row}: an object with its id and every field it was sent, as texts. */
    private LogRow reply(LogRow row, String line, int n) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new RedactionFailed("line " + n + " of " + command.get(0) + "'s output is not JSON");
        }
        if (o == null || !o.isObject() || !row.id().equals(o.path("id").asText(null))) {
            throw new RedactionFailed("line " + n + " of " + command.get(0) + "'s output is not the item " + row.id()
                    + " (each line must be the item it was given, in order, with its id)");
        }
        String prompt = text(o, "prompt", n);
        String system = text(o, "system", n);
        Optional<String> reference = row.reference().isPresent() ? Optional.of(text(o, "reference", n))
                : Optional.empty();
        Map<String, String> metadata = new LinkedHashMap<>();
        if (!row.metadata().isEmpty()) {
            JsonNode m = o.get("metadata");
            if (m == null || !m.isObject()) {
                throw new RedactionFailed("line " + n + " of " + command.get(0) + "'s output has no metadata object");
            }
            for (String key : row.metadata().keySet()) {
                metadata.put(key, text(m, key, n));
            }
        }
        return row.withTexts(prompt, system, reference, metadata);
    }

    private String text(JsonNode o, String field, int n) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new RedactionFailed("line " + n + " of " + command.get(0) + "'s output has no text '" + field
                    + "' (every field sent must come back)");
        }
        return v.asText();
    }
}
