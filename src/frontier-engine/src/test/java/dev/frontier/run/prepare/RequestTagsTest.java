package dev.frontier.run.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.RunId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request-metadata pairs of eval calls, inside Bedrock's character set and lengths. */
class RequestTagsTest {

    private static final RunId RUN = new RunId("20261203-120000-0001");

    @Test
    void aCandidateAndAJudgeAreNamed() {
        assertThat(RequestTags.candidate("support", RUN, "lite")).isEqualTo(Map.of("frontier-suite", "support",
                "frontier-run", "20261203-120000-0001", "frontier-candidate", "lite"));
        assertThat(RequestTags.judge("support", RUN, "judge")).containsEntry("frontier-candidate", "judge:judge");
    }

    @Test
    void charactersBedrockRefusesBecomeDashesAndLongValuesAreCut() {
        assertThat(RequestTags.value("tone (pro)")).isEqualTo("tone -pro-");
        assertThat(RequestTags.value("naïve/é")).isEqualTo("na-ve/-");
        // what a filter can match: Converse would take # and , but requestMetadataFilters would not
        assertThat(RequestTags.value("a:b_c@d$e#f=g/h+i,j-k.l m")).isEqualTo("a:b_c@d$e-f=g/h+i-j-k.l m");
        assertThat(RequestTags.value("x".repeat(300))).hasSize(256);
    }
}
