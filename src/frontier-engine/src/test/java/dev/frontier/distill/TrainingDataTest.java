package dev.frontier.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.DistillationSpec;
import dev.frontier.config.InferenceSpec;
import dev.frontier.config.PromptSpec;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.model.Item;
import dev.frontier.model.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TrainingDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CandidateSpec TEACHER = new CandidateSpec("pro", "amazon.nova-pro-v1:0", true,
            new PromptSpec(new Template("Sort tickets."), new Template("Ticket:\n{{text}}"), PromptSpec.CacheMode.NONE),
            new InferenceSpec(20, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));

    private static DistillationSpec spec(DistillationSpec.Method method, OptionalDouble golden) {
        return new DistillationSpec(method, "pro", "amazon.nova-lite-v1:0:300k", 100, Map.of(), golden,
                Optional.empty(), Optional.empty(), 12, new DistillationSpec.Serving(
                DistillationSpec.Mode.ON_DEMAND_DEPLOYMENT, OptionalInt.empty(), "none", Optional.empty()),
                new DistillationSpec.FromDataset());
    }

    private static List<Item> items(int n) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Item("t-" + i, Map.of("text", "message number " + i + " about item " + i)));
        }
        return items;
    }

    @Test
    void noHoldoutItemLeaksIntoTheTrainingFile() throws Exception {
        List<Item> items = items(400);
        HoldoutSplit split = new HoldoutSplit(0.3, 11);
        TrainingData data = TrainingData.export(items, split, TEACHER, Map.of(),
                spec(DistillationSpec.Method.DISTILLATION, OptionalDouble.empty()));
        List<String> holdout = items.stream().filter(split::isHoldout).map(Item::id).toList();
        List<String> training = items.stream().filter(i -> !split.isHoldout(i)).map(Item::id).toList();
        assertThat(holdout).isNotEmpty();
        assertThat(data.itemIds()).containsExactlyElementsOf(training).doesNotContainAnyElementsOf(holdout);
        List<String> lines = data.text().lines().toList();
        assertThat(lines).hasSize(training.size());
        for (Item held : items.stream().filter(split::isHoldout).toList()) {
            assertThat(data.text()).doesNotContain("message number " + held.id().substring(2) + " about");
        }
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("schemaVersion").asText()).isEqualTo("bedrock-conversation-2024");
        assertThat(first.path("system").get(0).path("text").asText()).isEqualTo("Sort tickets.");
        assertThat(first.path("messages")).hasSize(1);
        assertThat(first.path("messages").get(0).path("content").get(0).path("text").asText())
                .isEqualTo("Ticket:\nmessage number " + data.itemIds().get(0).substring(2) + " about item "
                        + data.itemIds().get(0).substring(2));
        assertThat(data.sha256()).hasSize(64);
    }

    @Test
    void goldenAnswersAboveTheThresholdBecomeTheAssistantTurn() throws Exception {
        List<Item> items = items(150);
        HoldoutSplit split = new HoldoutSplit(0.0, 1);
        Map<String, TrainingData.TeacherAnswer> answers = new HashMap<>();
        answers.put("t-0", new TrainingData.TeacherAnswer("billing", 1.0));
        answers.put("t-1", new TrainingData.TeacherAnswer("wrong", 0.2));
        answers.put("t-2", new TrainingData.TeacherAnswer("unscored", null));
        TrainingData data = TrainingData.export(items, split, TEACHER, answers,
                spec(DistillationSpec.Method.DISTILLATION, OptionalDouble.of(0.8)));
        assertThat(data.records()).isEqualTo(150);
        assertThat(data.withAnswer()).isEqualTo(1);
        List<String> lines = data.text().lines().toList();
        assertThat(JSON.readTree(lines.get(0)).path("messages").get(1).path("content").get(0).path("text").asText())
                .isEqualTo("billing");
        assertThat(JSON.readTree(lines.get(1)).path("messages")).hasSize(1);

        TrainingData ft = TrainingData.export(items, split, TEACHER, answers,
                spec(DistillationSpec.Method.FINE_TUNING, OptionalDouble.of(0.8)));
        assertThat(ft.itemIds()).containsExactly("t-0");
    }

    @Test
    void bedrocksLimitsAreEnforcedWithTheFix() {
        DistillationSpec distill = spec(DistillationSpec.Method.DISTILLATION, OptionalDouble.empty());
        assertThatThrownBy(() -> TrainingData.export(items(99), new HoldoutSplit(0, 1), TEACHER, Map.of(), distill))
                .isInstanceOf(TrainingData.LimitException.class)
                .hasMessageContaining("only 99 training prompts").hasMessageContaining("at least 100");
        assertThat(TrainingData.export(items(100), new HoldoutSplit(0, 1), TEACHER, Map.of(), distill).records())
                .isEqualTo(100);
        assertThatThrownBy(() -> TrainingData.export(items(15_001), new HoldoutSplit(0, 1), TEACHER, Map.of(),
                distill)).hasMessageContaining("at most 15000");
        List<Item> huge = new ArrayList<>(items(120));
        huge.set(5, new Item("big", Map.of("text", "x".repeat(17_000))));
        assertThatThrownBy(() -> TrainingData.export(huge, new HoldoutSplit(0, 1), TEACHER, Map.of(), distill))
                .hasMessageContaining("item big").hasMessageContaining("16384 bytes per line");
        assertThatThrownBy(() -> TrainingData.export(items(120), new HoldoutSplit(0, 1), TEACHER, Map.of(),
                spec(DistillationSpec.Method.FINE_TUNING, OptionalDouble.empty())))
                .hasMessageContaining("goldenThreshold");
    }
}
