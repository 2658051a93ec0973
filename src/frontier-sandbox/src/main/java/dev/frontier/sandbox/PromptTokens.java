package dev.frontier.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The simulated tokenizer: about four characters per token, plus a few tokens of framing per message. The input of
 * a request is walked in Bedrock's cache order (system, then messages), noting the size and content digest of the
 * prefix before each cache checkpoint.
 *
 * @param total       all input tokens of the request
 * @param checkpoints the cache checkpoints in prompt order
 */
record PromptTokens(long total, List<Checkpoint> checkpoints) {

    static final int CHARS_PER_TOKEN = 4;
    static final int MESSAGE_OVERHEAD = 3;

    PromptTokens {
        checkpoints = List.copyOf(checkpoints);
    }

    /**
     * The content before one cache checkpoint.
     *
     * @param prefixTokens tokens from the start of the prompt up to the checkpoint
     * @param digest       identifies the prefix's content
     * @param ttl          how long an unused cache entry lives
     */
    record Checkpoint(long prefixTokens, String digest, Duration ttl) {
    }

    /** Estimated tokens of one text: ceil(chars / 4). */
    static long of(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    static PromptTokens count(ConverseCall call) {
        long running = 0;
        StringBuilder prefix = new StringBuilder();
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (ConverseCall.Block block : call.system()) {
            if (block instanceof ConverseCall.Text text) {
                running += of(text.text());
                prefix.append("system\u0000").append(text.text()).append('\u0000');
            } else if (block instanceof ConverseCall.CachePoint point) {
                checkpoints.add(new Checkpoint(running, sha256(prefix), point.ttl()));
            }
        }
        for (ConverseCall.Message message : call.messages()) {
            running += MESSAGE_OVERHEAD;
            prefix.append(message.role()).append('\u0000');
            for (ConverseCall.Block block : message.content()) {
                if (block instanceof ConverseCall.Text text) {
                    running += of(text.text());
                    prefix.append("text\u0000").append(text.text()).append('\u0000');
                } else if (block instanceof ConverseCall.CachePoint point) {
                    checkpoints.add(new Checkpoint(running, sha256(prefix), point.ttl()));
                }
            }
        }
        return new PromptTokens(running, checkpoints);
    }

    private static String sha256(CharSequence text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
