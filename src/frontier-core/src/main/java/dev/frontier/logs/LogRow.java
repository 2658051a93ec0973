package dev.frontier.logs;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One dataset item made from the logs: a distinct prompt (system prompt and user turns) with how often it was sent.
 *
 * @param id        stable: from a hash of the raw system prompt and prompt, so the same prompt keeps its id across
 *                  imports and redaction cannot merge two prompts into one id
 * @param prompt    the user turns' text
 * @param system    the system prompt, empty when there is none
 * @param reference the logged response of the first request with this prompt (with {@code --responses})
 * @param count     requests with this exact prompt in the whole filtered log
 * @param model     the model the first such request named
 * @param time      when the first such request was logged
 * @param metadata  that request's {@code requestMetadata}, by its own keys (see {@link LogDataset#fieldName})
 */
public record LogRow(String id, String prompt, String system, Optional<String> reference, long count, String model,
                     Instant time, Map<String, String> metadata) {

    public LogRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(time, "time");
        metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** This row with its texts replaced (what a redaction returns). */
    public LogRow withTexts(String newPrompt, String newSystem, Optional<String> newReference,
                            Map<String, String> newMetadata) {
        return new LogRow(id, newPrompt, newSystem, newReference, count, model, time, newMetadata);
    }
}
