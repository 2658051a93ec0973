package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.CallResult;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.Score;
import dev.frontier.model.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The judge's prompts, strict parsing with one repair, order-swap consistency and juries, with scripted judges. */
class LlmJudgeTest {

    private static final Item ITEM = new Item("t1", Map.of("summary", "The invoice is wrong.", "topic", "billing"));

    private static LlmJudge judge(Map<String, Object> params) {
        ScorerRegistry.Creation c = Fixtures.REGISTRY.create("llm-judge", params);
        assertThat(c).isInstanceOf(ScorerRegistry.Creation.Created.class);
        return (LlmJudge) ((ScorerRegistry.Creation.Created) c).scorer();
    }

    private static LlmJudge pointwise() {
        return judge(Map.of("model", "amazon.nova-pro-v1:0", "rubric", "Is it about {{topic}}?",
                "reference", "{{summary}}"));
    }

    private static LlmJudge pairwise(String... models) {
        return judge(Map.of("models", List.of(models), "mode", "pairwise", "rubric", "Which is better?"));
    }

    /** A judge that answers from a script and records what it was asked. */
    private static final class Scripted implements JudgeCaller {
        final List<String> slots = new ArrayList<>();
        final List<ModelRequest> requests = new ArrayList<>();
        final Function<ModelRequest, String> reply;

        Scripted(Function<ModelRequest, String> reply) {
            this.reply = reply;
        }

        @Override
        public CallResult call(String slot, int attempt, ModelRequest request) {
            slots.add(slot + "#" + attempt);
            requests.add(request);
            return new CallResult.Completion(reply.apply(request), "end_turn", new TokenUsage(10, 5, 0, 0), 5, 5, "");
        }
    }

    @Test
    void pointwiseGradesAreNormalizedAndTheReasonIsKept() {
        Scripted judge = new Scripted(r -> "{\"score\": 4, \"reason\": \"Covers the billing issue.\"}");
        LlmJudge.Outcome o = pointwise().judge(ITEM, "Summarize the ticket", "Invoice wrong.", Optional.empty(),
                false, judge);
        assertThat(o.score()).isEqualTo(new Score.Value(0.75, "nova-pro-v1:0: 4 — Covers the billing issue."));
        assertThat(o.calls()).isEqualTo(1);
        ModelRequest asked = judge.requests.get(0);
        assertThat(asked.modelId()).isEqualTo("amazon.nova-pro-v1:0");
        assertThat(asked.inference().temperature()).isEqualTo(0.0);
        assertThat(asked.user()).contains("Is it about billing?", "[Reference answer]\nThe invoice is wrong.",
                "[Answer]\nInvoice wrong.\n[End of answer]", "a whole number from 1 (worst) to 5 (best)",
                "[Task given to the assistant]\nSummarize the ticket");
        assertThat(asked.system()).startsWith("You are an impartial evaluator");
    }

    @Test
    void aMalformedReplyIsRepairedOnceThenGivesNoVerdict() {
        Scripted repaired = new Scripted(r -> r.user().contains("[Your previous reply]")
                ? "{\"score\": 2, \"reason\": \"Misses the amount.\"}" : "Score: 2 out of 5. Misses the amount.");
        LlmJudge.Outcome fixed = pointwise().judge(ITEM, "task", "out", Optional.empty(), false, repaired);
        assertThat(fixed.score()).isInstanceOf(Score.Value.class);
        assertThat(((Score.Value) fixed.score()).value()).isEqualTo(0.25);
        assertThat(fixed.repaired()).isEqualTo(1);
        assertThat(fixed.calls()).isEqualTo(2);
        assertThat(repaired.slots).containsExactly("pointwise#0", "pointwise#1");
        assertThat(repaired.requests.get(1).user()).contains("Score: 2 out of 5. Misses the amount.",
                "could not be used (not a JSON object)");

        Scripted hopeless = new Scripted(r -> "{\"score\": 9, \"reason\": \"great\"}");
        LlmJudge.Outcome none = pointwise().judge(ITEM, "task", "out", Optional.empty(), false, hopeless);
        assertThat(none.score()).isInstanceOf(Score.Failed.class);
        assertThat(((Score.Failed) none.score()).reason()).contains("malformed reply twice", "\"score\" is not");
        assertThat(none.malformed()).isEqualTo(1);
        assertThat(none.calls()).isEqualTo(2);
    }

    @Test
    void strictParsingAcceptsOnlyOneJsonObject() {
        LlmJudge j = pointwise();
        assertThat(j.parse("{\"score\": 5, \"reason\": \"ok\"}").verdict()).isPresent();
        assertThat(j.parse("```json\n{\"score\": \"3\", \"reason\": \"ok\"}\n```").verdict()).isPresent();
        assertThat(j.parse("Sure! {\"score\": 5, \"reason\": \"ok\"}").problem()).isEqualTo("not a JSON object");
        assertThat(j.parse("{\"score\": 5}").problem()).isEqualTo("no \"reason\" string");
        assertThat(j.parse("{\"score\": 0, \"reason\": \"x\"}").verdict()).isEmpty();
        assertThat(j.parse("{\"score\": 5, \"reason\": \"x\"").problem()).isEqualTo("not a JSON object");
        assertThat(j.parse("").problem()).isEqualTo("not a JSON object");
        LlmJudge labels = judge(Map.of("model", "m.x", "rubric", "r", "scale", List.of("poor", "fair", "good")));
        assertThat(labels.parse("{\"score\": \"Fair\", \"reason\": \"x\"}").verdict().orElseThrow().value())
                .isEqualTo(0.5);
        assertThat(labels.parse("{\"score\": 2, \"reason\": \"x\"}").verdict()).isEmpty();
    }

    @Test
    void pairwiseAsksInBothOrdersAndAPreferenceThatFollowsThePositionIsATie() {
        // a judge with pure position bias: always prefers whatever is shown first
        Scripted biased = new Scripted(r -> "{\"winner\": \"A\", \"reason\": \"A is better.\"}");
        LlmJudge.Outcome o = pairwise("m.judge").judge(ITEM, "task", "candidate text", Optional.of("baseline text"),
                false, biased);
        assertThat(biased.slots).containsExactly("ab#0", "ba#0");
        assertThat(biased.requests.get(0).user()).contains("[Answer A]\ncandidate text", "[Answer B]\nbaseline text");
        assertThat(biased.requests.get(1).user()).contains("[Answer A]\nbaseline text", "[Answer B]\ncandidate text");
        assertThat(o.score()).isInstanceOf(Score.Value.class);
        assertThat(((Score.Value) o.score()).value()).isEqualTo(0.5);
        assertThat(((Score.Value) o.score()).note()).contains("preference changed with the order");
        assertThat(o.orderFlips()).isEqualTo(1);

        // a consistent judge: prefers the candidate in both orders
        Scripted fair = new Scripted(r -> r.user().contains("[Answer A]\ncandidate")
                ? "{\"winner\": \"A\", \"reason\": \"more complete\"}" : "{\"winner\": \"B\", \"reason\": \"more complete\"}");
        LlmJudge.Outcome win = pairwise("m.judge").judge(ITEM, "task", "candidate text",
                Optional.of("baseline text"), false, fair);
        assertThat(((Score.Value) win.score()).value()).isEqualTo(1.0);
        assertThat(win.orderFlips()).isZero();

        Scripted tie = new Scripted(r -> "{\"winner\": \"tie\", \"reason\": \"same\"}");
        assertThat(((Score.Value) pairwise("m.judge").judge(ITEM, "t", "c", Optional.of("b"), false, tie).score())
                .value()).isEqualTo(0.5);
    }

    @Test
    void theBaselineScoresATieWithoutACallAndAMissingBaselineFails() {
        Scripted never = new Scripted(r -> {
            throw new AssertionError("no call expected");
        });
        assertThat(pairwise("m.judge").judge(ITEM, "t", "b", Optional.of("b"), true, never).score())
                .isEqualTo(new Score.Value(0.5, "the baseline itself"));
        assertThat(pairwise("m.judge").judge(ITEM, "t", "c", Optional.empty(), false, never).score())
                .isInstanceOf(Score.Failed.class);
    }

    @Test
    void aJuryCombinesByMeanOrByMajority() {
        Function<ModelRequest, String> byModel = r -> switch (r.modelId()) {
            case "a.one", "a.two" -> "{\"score\": 5, \"reason\": \"good\"}";
            default -> "{\"score\": 1, \"reason\": \"bad\"}";
        };
        List<String> jury = List.of("a.one", "a.two", "a.three");
        LlmJudge mean = judge(Map.of("models", jury, "rubric", "r"));
        LlmJudge majority = judge(Map.of("models", jury, "rubric", "r", "jury", "majority"));
        assertThat(((Score.Value) mean.judge(ITEM, "t", "o", Optional.empty(), false, new Scripted(byModel)).score())
                .value()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(((Score.Value) majority.judge(ITEM, "t", "o", Optional.empty(), false, new Scripted(byModel))
                .score()).value()).isEqualTo(1.0);
        // a failed juror is left out; the others still decide
        Function<ModelRequest, String> oneBroken = r -> r.modelId().equals("a.three") ? "nonsense"
                : "{\"score\": 3, \"reason\": \"fine\"}";
        LlmJudge.Outcome o = mean.judge(ITEM, "t", "o", Optional.empty(), false, new Scripted(oneBroken));
        assertThat(((Score.Value) o.score()).value()).isEqualTo(0.5);
        assertThat(o.malformed()).isEqualTo(1);
        assertThat(((Score.Value) o.score()).note()).contains("three: no verdict");
    }

    @Test
    void badParametersAreAllReported() {
        ScorerRegistry.Creation c = Fixtures.REGISTRY.create("llm-judge", Map.of("models", List.of("a", "a"),
                "mode", "ranked", "scale", List.of(5, 1), "maxTokens", 3));
        assertThat(c).isInstanceOf(ScorerRegistry.Creation.Invalid.class);
        assertThat(((ScorerRegistry.Creation.Invalid) c).problems()).extracting(ParamProblem::param)
                .contains("models", "mode", "rubric", "scale", "maxTokens");
    }

    @Test
    void aPromptOverrideMustKeepThePlaceholdersItsModeNeeds() {
        LlmJudge j = pairwise("m.judge");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> j.withPrompt("sys\n---\nCompare {{output_a}}."))
                .hasMessageContaining("{{output_b}}");
        LlmJudge custom = j.withPrompt("Be fair.\n---\nA: {{output_a}}\nB: {{output_b}}\nRubric: {{rubric}}");
        Scripted s = new Scripted(r -> "{\"winner\": \"tie\", \"reason\": \"x\"}");
        custom.judge(ITEM, "t", "cand", Optional.of("base"), false, s);
        assertThat(s.requests.get(0).system()).isEqualTo("Be fair.");
        assertThat(s.requests.get(0).user()).isEqualTo("A: cand\nB: base\nRubric: Which is better?");
    }

    @Test
    void withStructuredOutputEveryRequestCarriesTheVerdictSchema() throws Exception {
        LlmJudge labels = judge(Map.of("model", "m.x", "rubric", "r", "scale", List.of("poor", "good"),
                "structuredOutput", true));
        Scripted s = new Scripted(r -> "{\"score\": \"good\", \"reason\": \"fine\"}");
        labels.judge(ITEM, "t", "o", Optional.empty(), false, s);
        com.fasterxml.jackson.databind.JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(s.requests.get(0).outputSchema().orElseThrow());
        assertThat(schema.at("/properties/score/enum").toString()).isEqualTo("[\"poor\",\"good\"]");
        assertThat(schema.at("/required").toString()).isEqualTo("[\"score\",\"reason\"]");
        com.fasterxml.jackson.databind.JsonNode pair = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                judge(Map.of("model", "m.x", "rubric", "r", "mode", "pairwise", "structuredOutput", true))
                        .outputSchema());
        assertThat(pair.at("/properties/winner/enum").toString()).isEqualTo("[\"A\",\"B\",\"tie\"]");
        // no numeric bounds (Anthropic's JSON-schema subset on Bedrock refuses minimum / maximum): the range is
        // stated in the description
        com.fasterxml.jackson.databind.JsonNode score = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(pointwise().outputSchema()).at("/properties/score");
        assertThat(score.has("minimum") || score.has("maximum")).isFalse();
        assertThat(score.path("description").asText()).isEqualTo("from 1 to 5");
        // without the parameter nothing is sent
        Scripted plain = new Scripted(r -> "{\"score\": 3, \"reason\": \"ok\"}");
        pointwise().judge(ITEM, "t", "o", Optional.empty(), false, plain);
        assertThat(plain.requests.get(0).outputSchema()).isEmpty();
    }
}
