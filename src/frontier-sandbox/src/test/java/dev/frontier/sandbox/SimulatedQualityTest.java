package dev.frontier.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated models show a real quality, cost and latency trade-off on small made-up suites. */
class SimulatedQualityTest {

    private static Sandbox sandbox;
    private static BedrockRuntimeClient client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        client = Bedrock.client(sandbox);
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    /** Exact-match and contains-match accuracy of one model over the labelled messages. */
    private record Accuracy(double exact, double contains) {
    }

    private static Accuracy classify(String model) {
        int exact = 0;
        int contains = 0;
        for (SupportData.Labelled message : SupportData.MESSAGES) {
            String answer = Bedrock.text(client.converse(Bedrock.request(model, SupportData.CLASSIFY_SYSTEM, false,
                    "Message: " + message.text(), 20)));
            exact += answer.equals(message.label()) ? 1 : 0;
            contains += answer.contains(message.label()) ? 1 : 0;
        }
        int n = SupportData.MESSAGES.size();
        return new Accuracy((double) exact / n, (double) contains / n);
    }

    @Test
    void strongerModelsClassifyBetter() {
        Accuracy sonnet = classify(Bedrock.SONNET);
        Accuracy lite = classify(Bedrock.NOVA_LITE);
        Accuracy llama = classify(Bedrock.LLAMA_8B);

        assertThat(sonnet.exact()).isGreaterThanOrEqualTo(0.85);
        assertThat(sonnet.exact()).isGreaterThan(lite.exact());
        assertThat(lite.exact()).isGreaterThan(llama.exact());
        assertThat(sonnet.exact() - llama.exact()).isGreaterThan(0.2);
        // the strong model never wraps its label in prose; the weak one does, so exact match is stricter for it
        assertThat(sonnet.contains()).isEqualTo(sonnet.exact());
        assertThat(llama.contains()).isGreaterThan(llama.exact());
        assertThat(sonnet.contains()).isGreaterThan(llama.contains());
    }

    @Test
    void labelsCanComeFromTheUserTurnAndFewShotTurns() {
        String prompt = """
                Classify the message.
                Labels:
                - billing_refund: refund, charge, invoice
                - shipping_delay: package, delivery, courier
                Message: The courier lost my package.
                Label:""";
        String answer = Bedrock.text(client.converse(Bedrock.request(Bedrock.SONNET, "", false, prompt, 20)));
        assertThat(answer).isEqualTo("shipping_delay");
    }

    /** Recall-weighted overlap of content words with the reference (a tiny ROUGE-1 F1). */
    private static double overlap(String candidate, String reference) {
        Set<String> got = words(candidate);
        Set<String> want = words(reference);
        Set<String> common = new HashSet<>(got);
        common.retainAll(want);
        if (common.isEmpty()) {
            return 0;
        }
        double precision = (double) common.size() / got.size();
        double recall = (double) common.size() / want.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")));
        words.removeIf(w -> w.length() < 3);
        return words;
    }

    /** Mean overlap and mean output tokens of one model's ticket summaries. */
    private record SummaryStats(double overlap, double outputTokens, List<String> answers) {
    }

    private static SummaryStats summarize(String model) {
        double overlap = 0;
        double tokens = 0;
        List<String> answers = new ArrayList<>();
        for (SupportData.Ticket ticket : SupportData.TICKETS) {
            ConverseResponse response = client.converse(Bedrock.request(model,
                    "You are a support analyst. Answer in two sentences.", false,
                    "Summarize this ticket:\n" + ticket.body(), 300));
            answers.add(Bedrock.text(response));
            overlap += overlap(Bedrock.text(response), ticket.reference());
            tokens += response.usage().outputTokens();
        }
        int n = SupportData.TICKETS.size();
        return new SummaryStats(overlap / n, tokens / n, answers);
    }

    @Test
    void strongerModelsSummarizeBetterAndShorter() {
        SummaryStats sonnet = summarize(Bedrock.SONNET);
        SummaryStats llama = summarize(Bedrock.LLAMA_8B);

        assertThat(sonnet.overlap()).isGreaterThan(0.8);
        assertThat(sonnet.overlap()).isGreaterThan(llama.overlap());
        assertThat(llama.outputTokens()).isGreaterThan(sonnet.outputTokens());
        assertThat(sonnet.answers()).noneMatch(a -> a.startsWith("Hi") || a.startsWith("Hello") || a.contains("Thanks"));
    }

    @Test
    void lengthInstructionsAreFollowed() {
        String ticket = SupportData.TICKETS.get(0).body();
        String one = Bedrock.text(client.converse(Bedrock.request(Bedrock.SONNET, "", false,
                "Summarize this ticket in one sentence:\n" + ticket, 300)));
        String words = Bedrock.text(client.converse(Bedrock.request(Bedrock.SONNET, "", false,
                "Summarize this ticket in at most 12 words:\n" + ticket, 300)));

        assertThat(one).isEqualTo("Our nightly export job has failed three nights in a row.");
        assertThat(words.split("\\s+")).hasSizeLessThanOrEqualTo(12);
        assertThat(words).endsWith(".");
    }

    @Test
    void latencyGrowsWithModelSizeAndHasATail() {
        List<Long> sonnet = new ArrayList<>();
        List<Long> micro = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String prompt = "Summarize this ticket:\n" + SupportData.TICKETS.get(i % SupportData.TICKETS.size()).body()
                    + "\nReference " + i + ".";
            sonnet.add(client.converse(Bedrock.request(Bedrock.SONNET, "", false, prompt, 300)).metrics().latencyMs());
            micro.add(client.converse(Bedrock.request(Bedrock.NOVA_MICRO, "", false, prompt, 300)).metrics().latencyMs());
        }
        assertThat(percentile(sonnet, 0.5)).isGreaterThan(2 * percentile(micro, 0.5));
        assertThat(percentile(sonnet, 0.95)).isGreaterThan(percentile(sonnet, 0.5));
        assertThat(percentile(micro, 0.95)).isGreaterThan(percentile(micro, 0.5));
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }
}
