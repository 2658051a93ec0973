package dev.frontier.run.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.invoke.InferenceProfiles;
import dev.frontier.model.RunId;
import dev.frontier.model.TokenUsage;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.score.ScorerRegistry;
import dev.frontier.store.JobKind;
import dev.frontier.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execution.attribution.inferenceProfiles}: one application inference profile per candidate model, created
 * once (found by name on the next run), copied from the model's foundation-model or system-profile ARN, tagged with
 * the suite; candidates call through it and are priced as the model behind it.
 */
class InferenceProfileSetupTest {

    private static final RunId RUN = new RunId("20261203-120000-0001");

    @TempDir
    Path dir;

    /** The account's profiles, in memory. */
    private static final class Account implements InferenceProfiles {
        final List<Profile> application = new ArrayList<>();
        final List<ProfileRequest> created = new ArrayList<>();

        @Override
        public List<Profile> listApplication() {
            return List.copyOf(application);
        }

        @Override
        public List<Profile> listSystem() {
            return List.of(new Profile("arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0",
                    "us.amazon.nova-pro-v1:0", "US Nova Pro", "ACTIVE", List.of()));
        }

        @Override
        public String create(ProfileRequest request) {
            created.add(request);
            String arn = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/p" + created.size();
            application.add(new Profile(arn, "p" + created.size(), request.name(), "ACTIVE", List.of()));
            return arn;
        }

        @Override
        public void close() {
        }
    }

    private PreparedSuite prepare(String attribution) throws Exception {
        Files.writeString(dir.resolve("items.jsonl"), "{\"id\":\"i1\",\"q\":\"x\"}\n");
        Files.writeString(dir.resolve("suite.yaml"), """
                suite: support
                dataset: { path: items.jsonl, id: id, holdout: 0 }
                prompt: { system: "Answer.", user: "{{q}}", cache: system }
                candidates:
                  - { id: micro, model: amazon.nova-micro-v1:0, role: incumbent }
                  - { id: micro-terse, model: amazon.nova-micro-v1:0, prompt: { user: "short: {{q}}" } }
                  - { id: pro, model: us.amazon.nova-pro-v1:0 }
                scorers: [ { type: exact-match, expected: "X" } ]
                execution: { region: us-east-1%s }
                """.formatted(attribution));
        SuiteLoader.Loaded loaded = (SuiteLoader.Loaded) SuiteLoader.load(dir.resolve("suite.yaml"));
        return ((SuitePreparation.Ready) SuitePreparation.prepare(loaded.suite(), PriceCatalog.bundled(),
                ScorerRegistry.standard())).suite();
    }

    @Test
    void eachModelGetsOneTaggedProfileAndCandidatesCallThroughItPricedAsTheModel() throws Exception {
        PreparedSuite p = prepare(", attribution: { inferenceProfiles: true, tags: { team: cx } }");
        Account account = new Account();
        List<String> log = new ArrayList<>();
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            PreparedSuite through = new InferenceProfileSetup(account, store, InstantSource.system(), log::add)
                    .ensure(p, RUN, "us-east-1");

            assertThat(account.created).hasSize(2);
            InferenceProfiles.ProfileRequest micro = account.created.get(0);
            assertThat(micro.name()).isEqualTo("support-amazon-nova-micro-v1-0");
            assertThat(micro.copyFrom()).isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0");
            assertThat(micro.tags()).isEqualTo(Map.of("frontier-suite", "support", "team", "cx"));
            assertThat(micro.clientRequestToken()).matches("[0-9a-f]{64}");
            assertThat(account.created.get(1).copyFrom())
                    .isEqualTo("arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0");

            String p1 = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/p1";
            assertThat(through.suite().candidates()).extracting(c -> c.model())
                    .containsExactly(p1, p1, "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/p2");
            TokenUsage usage = new TokenUsage(1000, 200, 0, 0);
            assertThat(through.catalog().find(p1).orElseThrow().cost(usage, ModelPrice.Mode.ON_DEMAND))
                    .isEqualTo(p.catalog().find("amazon.nova-micro-v1:0").orElseThrow()
                            .cost(usage, ModelPrice.Mode.ON_DEMAND));
            assertThat(through.suite().candidates().get(0).prompt().cache())
                    .isEqualTo(p.suite().candidates().get(0).prompt().cache());
            assertThat(store.jobs()).filteredOn(j -> j.kind() == JobKind.INFERENCE_PROFILE).hasSize(2);

            // the next run finds them by name and creates nothing
            PreparedSuite again = new InferenceProfileSetup(account, store, InstantSource.system(), log::add)
                    .ensure(p, new RunId("20261203-130000-0002"), "us-east-1");
            assertThat(account.created).hasSize(2);
            assertThat(again.suite().candidates().get(0).model()).isEqualTo(p1);
            assertThat(log).anyMatch(l -> l.contains("reusing " + p1));
            assertThat(store.jobs()).filteredOn(j -> j.kind() == JobKind.INFERENCE_PROFILE).hasSize(2);
        }
    }

    @Test
    void withoutAttributionNothingIsCreated() throws Exception {
        PreparedSuite p = prepare("");
        Account account = new Account();
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            assertThat(new InferenceProfileSetup(account, store, InstantSource.system(), l -> { })
                    .ensure(p, RUN, "us-east-1")).isSameAs(p);
        }
        assertThat(account.created).isEmpty();
    }

    @Test
    void namesKeepToBedrocksPatternAndLength() {
        assertThat(InferenceProfileSetup.name("support", "anthropic.claude-3-haiku-20240307-v1:0"))
                .isEqualTo("support-anthropic-claude-3-haiku-20240307-v1-0");
        String longName = InferenceProfileSetup.name("a-very-long-suite-name-for-support-summaries",
                "global.anthropic.claude-sonnet-4-20250514-v1:0");
        assertThat(longName).hasSizeLessThanOrEqualTo(64).matches("([0-9a-zA-Z][ _-]?)+");
        assertThat(longName).isNotEqualTo(InferenceProfileSetup.name("a-very-long-suite-name-for-support-summaries",
                "global.anthropic.claude-sonnet-4-20250514-v2:0"));
    }
}
