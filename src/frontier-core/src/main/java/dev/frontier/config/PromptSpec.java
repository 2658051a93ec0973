package dev.frontier.config;

import dev.frontier.model.Template;
import java.util.Objects;
import java.util.Optional;

/**
 * The prompt sent for each item.
 *
 * @param system   system prompt template (may be empty)
 * @param user     user turn template
 * @param cache    where to place a prompt-cache checkpoint
 * @param cacheTtl the checkpoint's time to live ({@code 5m} or {@code 1h}); empty sends none (Bedrock's 5 minutes)
 */
public record PromptSpec(Template system, Template user, CacheMode cache, Optional<String> cacheTtl) {

    public PromptSpec {
        Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    /** A prompt whose checkpoint, if any, has Bedrock's default TTL. */
    public PromptSpec(Template system, Template user, CacheMode cache) {
        this(system, user, cache, Optional.empty());
    }

    /** Prompt-cache checkpoint placement. */
    public enum CacheMode { NONE, SYSTEM }
}
