package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A candidate appended to a suite's text: copied from its source entry, or from a matrix candidate's settings. */
class CandidateAppendTest {

    private static final String SUITE = """
            suite: s
            # the candidates
            candidates:
              - { id: a, model: amazon.nova-pro-v1:0, inference: { serviceTier: flex } }
              - matrix: { model: [amazon.nova-lite-v1:0], serviceTier: [standard, flex] }
            # after
            scorers: []
            """;

    @Test
    void anEntryOfItsOwnIsCopiedButItsIdRoleAndPrompt() throws CandidateAppend.NotEditable {
        String out = CandidateAppend.append(SUITE, new CandidateAppend.Entry("a-optimized", "a", "", "{{x}}",
                PromptSpec.CacheMode.NONE, List.of("written"), List.of("model: ignored")));
        assertThat(out).contains("""
                  # written
                  - id: a-optimized
                    model: amazon.nova-pro-v1:0
                    inference: {serviceTier: flex}
                    prompt:
                """).contains("# after").startsWith("suite: s\n# the candidates\n");
        assertThat(out).doesNotContain("ignored");
    }

    @Test
    void aMatrixCandidateIsWrittenFromItsEffectiveSettings() throws CandidateAppend.NotEditable {
        String out = CandidateAppend.append(SUITE, new CandidateAppend.Entry("nova-lite-flex-optimized",
                "nova-lite-flex", "", "{{x}}", PromptSpec.CacheMode.NONE, List.of(),
                List.of("model: amazon.nova-lite-v1:0", "inference: { maxTokens: 20, serviceTier: flex }")));
        assertThat(out).contains("""
                  - id: nova-lite-flex-optimized
                    model: amazon.nova-lite-v1:0
                    inference: { maxTokens: 20, serviceTier: flex }
                """);
        assertThatThrownBy(() -> CandidateAppend.append(SUITE, new CandidateAppend.Entry("x", "missing", "", "u",
                PromptSpec.CacheMode.NONE, List.of(), List.of()))).hasMessage("no candidate 'missing'");
    }
}
