package dev.frontier.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.model.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The {@code command} scorer: an external program, started without a shell from the suite file's folder, scores
 * outputs over JSON lines. For each output frontier writes one line to the program's standard input,
 * <pre>{"id": "t1", "fields": {"ticket": "...", "summary": "..."}, "output": "...", "reference": "..."}</pre>
 * ({@code reference} only when the scorer declares one) and reads one line from its standard output:
 * <pre>{"score": 0.83, "reason": "..."}   a grade in [0, 1]
 * {"pass": true, "reason": "..."}     pass (1) or fail (0)
 * {"error": "..."}                    the program cannot score this output</pre>
 * ({@code reason} is optional).
 *
 * <p>One process serves the scorer for the whole run: it is started at the first output, fed the outputs one at a
 * time in the order they arrive, and its standard input is closed when the run has scored everything
 * ({@link #finish()}). A program that loads a model or a dictionary pays for it once, not per output. It stays
 * robust because any reply that cannot be trusted ends that process: a reply that is not what is expected, no reply
 * within {@code timeout} seconds, or the process exiting each make that output {@link Score.Failed} with the reason
 * (the reply's line number, what was expected, the end of the program's standard error), and the next output starts
 * a fresh process, so one bad item cannot shift the replies of the others.
 */
final class CommandScorer implements ItemScorer {

    static final List<String> PARAMETERS = List.of("command", "timeout", "reference");
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int MAX_TIMEOUT_SECONDS = 3600;
    /** A reply line longer than this is cut off and refused. */
    static final int MAX_REPLY_CHARS = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPECTED = "one JSON object per line: {\"score\": <number from 0 to 1>} or "
            + "{\"pass\": true|false}, with an optional \"reason\"; or {\"error\": \"...\"}";

    private final List<String> command;
    private final long timeoutMillis;
    private final Optional<Template> reference;
    private final Path directory;
    private Running running;   // guarded by this

    CommandScorer(List<String> command, long timeoutMillis, Optional<Template> reference, Path directory) {
        this.command = List.copyOf(command);
        this.timeoutMillis = timeoutMillis;
        this.reference = reference;
        this.directory = directory;
    }

    static Scorer from(ParamReader r) {
        List<String> command = new ArrayList<>();
        Optional<Object> raw = r.rawValue("command");
        String example = "e.g. command: [python3, scorers/grade.py]";
        if (raw.isEmpty()) {
            r.problem("command", "is required for a command scorer", example);
        } else if (raw.get() instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(o -> o instanceof String s && !s.isBlank())) {
            list.forEach(o -> command.add((String) o));
        } else {
            r.problem("command", "must be a list of the program and its arguments (no shell), was "
                    + ParamReader.describe(raw.get()), example);
        }
        OptionalDouble timeout = r.number("timeout");
        if (timeout.isPresent() && !(timeout.getAsDouble() > 0 && timeout.getAsDouble() <= MAX_TIMEOUT_SECONDS)) {
            r.problem("timeout", "must be more than 0 and at most " + MAX_TIMEOUT_SECONDS + " seconds, was "
                    + ParamReader.describe(r.rawValue("timeout").orElse(null)), "the default is "
                    + DEFAULT_TIMEOUT_SECONDS + " seconds per reply");
        }
        Optional<Template> reference = r.template("reference");
        if (!r.ok()) {
            return null;
        }
        return new CommandScorer(command, Math.round(timeout.orElse(DEFAULT_TIMEOUT_SECONDS) * 1000), reference,
                r.directory());
    }

    @Override
    public String type() {
        return "command";
    }

    @Override
    public synchronized Score score(Item item, String output) {
        String request;
        try {
            ObjectNode line = JSON.createObjectNode().put("id", item.id());
            line.set("fields", JSON.valueToTree(item.fields()));
            line.put("output", output);
            if (reference.isPresent()) {
                line.put("reference", reference.get().render(item));
            }
            request = JSON.writeValueAsString(line) + "\n";
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return new Score.Failed(e.getMessage());
        }
        if (running == null) {
            try {
                running = Running.start(command, directory);
            } catch (IOException e) {
                return new Score.Failed("cannot start " + command.get(0) + " (command scorer, in " + directory
                        .toAbsolutePath() + "): " + e.getMessage());
            }
        }
        Running r = running;
        try {
            r.stdin.write(request.getBytes(StandardCharsets.UTF_8));
            r.stdin.flush();
        } catch (IOException e) {
            return stop("the command stopped reading before item " + item.id() + " (" + e.getMessage() + ")");
        }
        Line reply;
        try {
            reply = r.replies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stop("interrupted while waiting for the reply to item " + item.id());
        }
        if (reply == null) {
            return stop("no reply to item " + item.id() + " within " + seconds() + " s (the command is started "
                    + "again for the next item; raise 'timeout' if it needs longer)");
        }
        if (reply.text() == null) {
            return stop("the command ended before replying to item " + item.id());
        }
        Optional<String> bad = problem(reply);
        if (bad.isPresent()) {
            // a reply that cannot be trusted: the next item gets a fresh process, so the replies stay in step
            end();
            return new Score.Failed("reply line " + reply.number() + " (item " + item.id() + "): " + bad.get()
                    + "; expected " + EXPECTED);
        }
        return score(reply, item);
    }

    @Override
    public synchronized void finish() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    private String seconds() {
        return timeoutMillis % 1000 == 0 ? Long.toString(timeoutMillis / 1000) : Double.toString(timeoutMillis
                / 1000.0);
    }

    /** Ends the current process and says why, with how it ended and the end of its standard error. */
    private Score stop(String why) {
        Running r = running;
        String how = end();
        return new Score.Failed(Notes.clip(why + how + (r == null ? "" : r.stderrTail()), 400));
    }

    /** Ends the current process, if any; how it ended when it had ended by itself, else empty. */
    private String end() {
        Running r = running;
        running = null;
        return r == null ? "" : r.kill();
    }

    /** What is wrong with a reply; empty when it is one of the expected shapes. */
    private static Optional<String> problem(Line reply) {
        if (reply.cut()) {
            return Optional.of("longer than " + MAX_REPLY_CHARS + " characters");
        }
        JsonNode node = json(reply.text());
        if (node == null || !node.isObject()) {
            return Optional.of("not a JSON object: " + Notes.clip(reply.text(), 60));
        }
        JsonNode reason = node.get("reason");
        if (reason != null && !reason.isTextual() && !reason.isNull()) {
            return Optional.of("\"reason\" must be a string");
        }
        if (node.hasNonNull("error")) {
            return Optional.empty();
        }
        JsonNode score = node.get("score");
        JsonNode pass = node.get("pass");
        if (score != null && pass != null) {
            return Optional.of("it has both \"score\" and \"pass\"; give one");
        }
        if (score != null && (!score.isNumber() || !(score.asDouble() >= 0 && score.asDouble() <= 1))) {
            return Optional.of("\"score\" must be a number from 0 to 1, was " + Notes.clip(score.toString(), 40));
        }
        if (pass != null && !pass.isBoolean()) {
            return Optional.of("\"pass\" must be true or false, was " + Notes.clip(pass.toString(), 40));
        }
        return score == null && pass == null ? Optional.of("no \"score\", \"pass\" or \"error\"")
                : Optional.empty();
    }

    /** The score of a reply that {@link #problem} accepted. */
    private static Score score(Line reply, Item item) {
        JsonNode node = json(reply.text());
        JsonNode reason = node.get("reason");
        String note = reason == null || reason.isNull() ? "" : Notes.clip(reason.asText());
        if (node.hasNonNull("error")) {
            return new Score.Failed("the command could not score item " + item.id() + ": "
                    + Notes.clip(node.get("error").asText(), 200));
        }
        return node.has("score") ? new Score.Value(node.get("score").asDouble(), note)
                : Score.pass(node.get("pass").booleanValue(), note);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** One line of the program's standard output, numbered from 1; {@code text} null at the end of the output. */
    private record Line(int number, String text, boolean cut) {
    }

    /** A started process with the threads that read its output and keep the end of its standard error. */
    private static final class Running {
        final Process process;
        final OutputStream stdin;
        final BlockingQueue<Line> replies = new LinkedBlockingQueue<>();
        private final StringBuilder stderr = new StringBuilder();

        private Running(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
        }

        static Running start(List<String> command, Path directory) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toAbsolutePath().toFile());
            Running r = new Running(builder.start());
            daemon(() -> r.readReplies(new InputStreamReader(r.process.getInputStream(), StandardCharsets.UTF_8)),
                    "frontier-command-scorer-out");
            daemon(() -> r.readStderr(r.process.getErrorStream()), "frontier-command-scorer-err");
            return r;
        }

        private static void daemon(Runnable task, String name) {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        }

        private void readReplies(Reader in) {
            int number = 0;
            StringBuilder line = new StringBuilder();
            boolean cut = false;
            try {
                int c;
                while ((c = in.read()) >= 0) {
                    if (c == '\n') {
                        replies.add(new Line(++number, strip(line), cut));
                        line.setLength(0);
                        cut = false;
                    } else if (line.length() < MAX_REPLY_CHARS) {
                        line.append((char) c);
                    } else {
                        cut = true;
                    }
                }
                if (line.length() > 0) {
                    replies.add(new Line(++number, strip(line), cut));
                }
            } catch (IOException e) {
                // the process is gone: the end of the output follows
            }
            replies.add(new Line(number + 1, null, false));
        }

        private static String strip(StringBuilder line) {
            int end = line.length();
            return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
        }

        private void readStderr(InputStream err) {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = err.read(buffer)) >= 0) {
                    synchronized (stderr) {
                        stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        if (stderr.length() > 4000) {
                            stderr.delete(0, stderr.length() - 2000);
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }

        /** The last line the program wrote to its standard error, for messages; empty when none. */
        String stderrTail() {
            String text;
            synchronized (stderr) {
                text = stderr.toString().strip();
            }
            if (text.isEmpty()) {
                return "";
            }
            int nl = text.lastIndexOf('\n');
            return "; its standard error ends: " + (nl < 0 ? text : text.substring(nl + 1)).strip();
        }

        /** Ends the process at once; says how it ended, when it had ended by itself. */
        String kill() {
            boolean ended;
            try {
                stdin.close();
            } catch (IOException e) {
                // already closed by the process
            }
            try {
                // a process whose output just ended is usually exiting: give it a moment to say with what code
                ended = process.waitFor(200, TimeUnit.MILLISECONDS);
                if (!ended) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
                Thread.sleep(20);   // lets the stderr reader take the last bytes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                return "";
            }
            return ended ? " (exit code " + process.exitValue() + ")" : "";
        }

        /** Closes the program's input, so that it can finish; ends it when it has not within 5 seconds. */
        void close() {
            try {
                stdin.close();
            } catch (IOException e) {
                // already gone
            }
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
