package dev.frontier.run.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.Score;
import dev.frontier.model.TokenUsage;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerTableTest {

    private static final TokenUsage USAGE = new TokenUsage(10, 4, 2, 0);

    private static Answer answer(String text, Source source) {
        return new Answer(new CallResult.Completion(text, "end_turn", USAGE, 120, 130, "req-1"),
                Cost.usd(new BigDecimal("0.002")), Map.of("exact", new Score.Value(1.0, "matched")), source);
    }

    @Test
    void answersAreFoundByCandidateAndItem() {
        AnswerTable table = AnswerTable.keepingAllTexts();
        table.put("a", "i1", answer("one", Source.CALLED));
        table.put("a", "i2", answer("two", Source.CACHED));
        table.put("b", "i1", answer("uno", Source.BATCH));

        assertThat(table.size()).isEqualTo(3);
        assertThat(table.find("a", "i2").map(x -> ((CallResult.Completion) x.result()).text())).contains("two");
        assertThat(table.find("b", "i2")).isEmpty();
        assertThat(table.find("c", "i1")).isEmpty();
        assertThat(table.of("a")).containsOnlyKeys("i1", "i2");
        assertThat(table.of("c")).isEmpty();
        assertThat(table.of("b").values()).hasSize(1);
        // a later answer to the same item replaces the earlier one
        table.put("a", "i1", answer("one again", Source.CALLED));
        assertThat(table.size()).isEqualTo(3);
        assertThat(((CallResult.Completion) table.find("a", "i1").orElseThrow().result()).text()).isEqualTo("one again");
    }

    @Test
    void itemsThePolicyDropsKeepTheirFiguresButNoTexts() {
        AnswerTable table = new AnswerTable(itemId -> itemId.equals("listed"));
        table.put("a", "listed", answer("kept", Source.CALLED));
        table.put("a", "other", answer("dropped", Source.CALLED));

        Answer kept = table.find("a", "listed").orElseThrow();
        assertThat(((CallResult.Completion) kept.result()).text()).isEqualTo("kept");
        assertThat(kept.scores()).containsEntry("exact", new Score.Value(1.0, "matched"));

        Answer compact = table.find("a", "other").orElseThrow();
        CallResult.Completion c = (CallResult.Completion) compact.result();
        assertThat(c.text()).isEmpty();
        assertThat(c.requestId()).isEmpty();
        assertThat(c.usage()).isEqualTo(USAGE);
        assertThat(c.latencyMs()).isEqualTo(120);
        assertThat(c.stopReason()).isEqualTo("end_turn");
        assertThat(compact.cost()).isEqualTo(Cost.usd(new BigDecimal("0.002")));
        assertThat(compact.scores()).containsEntry("exact", new Score.Value(1.0, ""));
        assertThat(compact.source()).isEqualTo(Source.CALLED);
    }

    @Test
    void lateScoresAreAddedToTheAnswer() {
        AnswerTable table = AnswerTable.keepingAllTexts();
        table.put("a", "i1", answer("one", Source.RESUMED_CALLED));
        table.addScores("a", "i1", Map.of("judge", new Score.Value(0.75, "")));

        Answer a = table.find("a", "i1").orElseThrow();
        assertThat(a.scores()).containsOnlyKeys("exact", "judge");
        assertThat(a.source()).isEqualTo(Source.RESUMED_CALLED);
        assertThatThrownBy(() -> table.addScores("a", "i9", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'").hasMessageContaining("'i9'");
    }

    @Test
    void whatARunPaidAndWhatIsLeftUnanswered() {
        assertThat(answer("x", Source.CALLED).paid()).isEqualTo(Cost.usd(new BigDecimal("0.002")));
        assertThat(answer("x", Source.RESUMED_BATCH).paid()).isEqualTo(Cost.usd(new BigDecimal("0.002")));
        assertThat(answer("x", Source.CACHED).paid()).isEqualTo(Cost.ZERO);
        assertThat(answer("x", Source.IMPORTED).paid()).isEqualTo(Cost.ZERO);

        Answer throttled = new Answer(new CallResult.Failure("ThrottlingException", "slow down", true, 1), Cost.ZERO,
                Map.of(), Source.CALLED);
        Answer broken = new Answer(new CallResult.Failure("ModelErrorException", "broke", false, 1), Cost.ZERO,
                Map.of(), Source.CALLED);
        Answer imported = new Answer(new CallResult.Failure("ThrottlingException", "in the file", false, 0),
                Cost.ZERO, Map.of(), Source.IMPORTED);
        assertThat(throttled.unanswered()).isTrue();
        assertThat(broken.failed()).isTrue();
        assertThat(broken.unanswered()).isFalse();
        assertThat(imported.unanswered()).isFalse();
        assertThat(answer("x", Source.CALLED).unanswered()).isFalse();
    }
}
