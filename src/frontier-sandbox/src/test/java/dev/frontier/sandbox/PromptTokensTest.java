package dev.frontier.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptTokensTest {

    @Test
    void aboutFourCharactersPerToken() {
        assertThat(PromptTokens.of("")).isZero();
        assertThat(PromptTokens.of("a")).isEqualTo(1);
        assertThat(PromptTokens.of("abcd")).isEqualTo(1);
        assertThat(PromptTokens.of("abcde")).isEqualTo(2);
    }

    @Test
    void checkpointsRecordThePrefixBeforeThem() {
        ConverseCall call = Json.call("""
                {"system":[{"text":"abcdefgh"},{"cachePoint":{"type":"default"}}],
                 "messages":[{"role":"user","content":[{"text":"abcd"},{"cachePoint":{"type":"default","ttl":"1h"}},
                                                       {"text":"xyz"}]}]}""");
        PromptTokens tokens = PromptTokens.count(call);
        assertThat(tokens.total()).isEqualTo(2 + 3 + 1 + 1);
        assertThat(tokens.checkpoints()).extracting(PromptTokens.Checkpoint::prefixTokens).containsExactly(2L, 6L);
        assertThat(tokens.checkpoints().get(1).ttl()).hasHours(1);
        assertThat(tokens.checkpoints().get(0).digest()).isNotEqualTo(tokens.checkpoints().get(1).digest());
    }

    @Test
    void theDigestDependsOnContentNotOnWhatFollows() {
        PromptTokens a = PromptTokens.count(Json.call("""
                {"system":[{"text":"same"},{"cachePoint":{"type":"default"}}],
                 "messages":[{"role":"user","content":[{"text":"one"}]}]}"""));
        PromptTokens b = PromptTokens.count(Json.call("""
                {"system":[{"text":"same"},{"cachePoint":{"type":"default"}}],
                 "messages":[{"role":"user","content":[{"text":"two"}]}]}"""));
        assertThat(a.checkpoints().get(0).digest()).isEqualTo(b.checkpoints().get(0).digest());
    }
}
