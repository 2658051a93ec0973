package dev.frontier.config;

import dev.frontier.model.Template;

/**
 * The prompt sent for each item.
 *
 * @param system system prompt template (may be empty)
 * @param user   user turn template
 * @param cache  where to place a prompt-cache checkpoint
 */
public record PromptSpec(Template system, Template user, CacheMode cache) {

    /** Prompt-cache checkpoint placement. */
    public enum CacheMode { NONE, SYSTEM }
}
