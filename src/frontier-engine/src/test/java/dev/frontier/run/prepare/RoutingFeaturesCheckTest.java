package dev.frontier.run.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.Problem;
import dev.frontier.score.ScorerRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learned router's feature fields: they must exist, and must not be what a scorer compares the answers against. */
class RoutingFeaturesCheckTest {

    @TempDir
    Path dir;

    private SuitePreparation.Result prepare(String features) throws IOException {
        Files.writeString(dir.resolve("data.jsonl"), """
                {"id": "a", "text": "refund please", "intent": "billing_refund", "emb": [0.1, 0.2]}
                {"id": "b", "text": "cannot log in", "intent": "account_login", "emb": [0.3, 0.4]}
                """);
        Files.writeString(dir.resolve("suite.yaml"), """
                suite: features-check
                dataset: { path: data.jsonl, id: id }
                prompt: { user: "{{text}}" }
                candidates:
                  - { id: big, model: amazon.nova-pro-v1:0, role: incumbent }
                  - { id: small, model: amazon.nova-lite-v1:0 }
                scorers:
                  - { type: exact-match, expected: "{{intent}}" }
                routing:
                  features: %s
                """.formatted(features));
        SuiteLoader.Result loaded = SuiteLoader.load(dir.resolve("suite.yaml"));
        assertThat(loaded).as(loaded.problems().toString()).isInstanceOf(SuiteLoader.Loaded.class);
        return SuitePreparation.prepare(((SuiteLoader.Loaded) loaded).suite(), PriceCatalog.bundled(),
                ScorerRegistry.standard());
    }

    @Test
    void anEmbeddingFieldIsAccepted() throws IOException {
        assertThat(prepare("[emb]")).isInstanceOf(SuitePreparation.Ready.class);
    }

    @Test
    void theFieldAScorerComparesAgainstAndAMissingFieldAreRefusedAtTheirLines() throws IOException {
        SuitePreparation.Result r = prepare("[intent, embedding]");
        assertThat(r).isInstanceOf(SuitePreparation.Invalid.class);
        assertThat(((SuitePreparation.Invalid) r).problems()).filteredOn(Problem::isError)
                .extracting(p -> p.line() + ": " + p.problem())
                .containsExactlyInAnyOrder("10: 'intent' is what scorer 'exact-match' compares the answers against",
                        "10: no field 'embedding' in the dataset");
    }
}
