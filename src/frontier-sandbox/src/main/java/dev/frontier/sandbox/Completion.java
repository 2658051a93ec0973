package dev.frontier.sandbox;

/**
 * A generated text after the request's stop sequences and token limit are applied, as Bedrock would return it.
 *
 * @param text         the answer text
 * @param stopReason   {@code end_turn}, {@code stop_sequence} or {@code max_tokens}
 * @param outputTokens estimated tokens of {@code text}
 */
record Completion(String text, String stopReason, long outputTokens) {

    static final String END_TURN = "end_turn";
    static final String STOP_SEQUENCE = "stop_sequence";
    static final String MAX_TOKENS = "max_tokens";

    /**
     * Ends the text at the earliest stop sequence (which is not returned), then cuts it to {@code maxTokens}, at a
     * word boundary where one is close.
     */
    static Completion of(String generated, Iterable<String> stopSequences, int maxTokens) {
        String text = generated;
        String reason = END_TURN;
        int earliest = -1;
        for (String stop : stopSequences) {
            int at = text.indexOf(stop);
            if (at >= 0 && (earliest < 0 || at < earliest)) {
                earliest = at;
            }
        }
        if (earliest >= 0) {
            text = text.substring(0, earliest);
            reason = STOP_SEQUENCE;
        }
        if (PromptTokens.of(text) > maxTokens) {
            int limit = maxTokens * PromptTokens.CHARS_PER_TOKEN;
            int cut = text.lastIndexOf(' ', limit);
            text = (cut > limit / 2 ? text.substring(0, cut) : text.substring(0, limit)).stripTrailing();
            reason = MAX_TOKENS;
        }
        return new Completion(text, reason, PromptTokens.of(text));
    }
}
