package dev.frontier.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.config.PromptSpec;
import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.PromptRouters;
import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.RunId;
import dev.frontier.model.TokenUsage;
import dev.frontier.report.ReportWriter;
import dev.frontier.results.AnswerSource;
import dev.frontier.results.RunResult;
import dev.frontier.run.execute.ExecutionModes;
import dev.frontier.run.execute.PromptRouterSetup;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.Estimator;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.score.ScorerRegistry;
import dev.frontier.store.JobKind;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with prompt-router candidates, with a fake Bedrock behind the ports: the suite's router created once, its
 * ARN called, every answer priced as the model that served it, the shares each model served in the record and
 * the report, and the budget's worst case at the dearest model.
 */
class PromptRouterRunTest {

    private static final String REGION = "us-east-1";
    private static final String DEFAULT_ROUTER = "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/"
            + "amazon.nova:1";
    private static final String LITE = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0";
    private static final String PRO = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0";
    private static final TokenUsage USAGE = new TokenUsage(400, 30, 0, 0);
    private static final int ITEMS = 8;

    @TempDir
    Path dir;

    /** Bedrock's control plane for routers, in memory. */
    static final class FakeRouters implements PromptRouters {
        final List<Router> routers = new ArrayList<>();
        final AtomicInteger creates = new AtomicInteger();

        @Override
        public String create(RouterRequest r) {
            creates.incrementAndGet();
            String arn = "arn:aws:bedrock:us-east-1:123456789012:prompt-router/r" + creates.get();
            routers.add(new Router(arn, r.name(), r.modelArns(), r.fallbackModelArn(), r.responseQualityDifference(),
                    "AVAILABLE", "custom"));
            return arn;
        }

        @Override
        public Optional<Router> get(String arn) {
            return routers.stream().filter(r -> r.arn().equals(arn)).findFirst();
        }

        @Override
        public List<Router> listCustom() {
            return List.copyOf(routers);
        }

        @Override
        public List<Router> listDefault() {
            return List.of(new Router("arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/amazon.nova:1",
                    "Nova Prompt Router", List.of(LITE, PRO), PRO, 0, "AVAILABLE", "default"));
        }

        @Override
        public void delete(String arn) {
            routers.removeIf(r -> r.arn().equals(arn));
        }

        @Override
        public void close() {
        }
    }

    /** Routers send the first half of the items to Lite and the rest to Pro; other models answer unrouted. */
    static final class RoutingClient implements ModelClient {
        final List<String> called = new ArrayList<>();

        @Override
        public synchronized CallResult call(ModelRequest request) {
            called.add(request.modelId());
            boolean router = request.modelId().contains("prompt-router/");
            int item = Integer.parseInt(request.user().replaceAll("[^0-9]", ""));
            String invoked = !router ? "" : item <= ITEMS / 2 ? LITE : PRO;
            return new CallResult.Completion(request.user().toUpperCase(Locale.ROOT), "end_turn", USAGE, 9, 10, "",
                    invoked);
        }

        @Override
        public void close() {
        }
    }

    private PreparedSuite prepare(String extra) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            lines.add("{\"id\": \"i" + i + "\", \"q\": \"word-" + i + "\", \"a\": \"WORD-" + i + "\"}");
        }
        Files.write(dir.resolve("items.jsonl"), lines);
        Files.writeString(dir.resolve("suite.yaml"), """
                suite: routed
                dataset: { path: items.jsonl, id: id, holdout: 0 }
                prompt: { system: "Say the word in capitals.", user: "{{q}}", cache: system }
                inference: { maxTokens: 10, temperature: 0 }
                candidates:
                  - { id: micro, model: amazon.nova-micro-v1:0, role: incumbent }
                  - { id: default-router, model: %s }
                  - { id: own-router, model: "router:nova" }
                scorers:
                  - { type: exact-match, expected: "{{a}}", weight: 1 }
                execution: { concurrency: 1, region: us-east-1 }
                promptRouters:
                  - { id: nova, models: [amazon.nova-lite-v1:0, amazon.nova-pro-v1:0], fallback: amazon.nova-lite-v1:0, responseQualityDifference: 10 }
                """.formatted(DEFAULT_ROUTER) + extra);
        SuiteLoader.Result loaded = SuiteLoader.load(dir.resolve("suite.yaml"));
        assertThat(loaded).as(loaded.problems().toString()).isInstanceOf(SuiteLoader.Loaded.class);
        SuitePreparation.Result prepared = SuitePreparation.prepare(((SuiteLoader.Loaded) loaded).suite(),
                PriceCatalog.bundled(), ScorerRegistry.standard());
        assertThat(prepared).as(prepared.toString()).isInstanceOf(SuitePreparation.Ready.class);
        return ((SuitePreparation.Ready) prepared).suite();
    }

    private static BigDecimal price(PreparedSuite p, String model) {
        return ((dev.frontier.model.Cost.Known) p.catalog().find(model).orElseThrow()
                .cost(USAGE, ModelPrice.Mode.ON_DEMAND)).usd();
    }

    @Test
    void theSuitesRouterIsCreatedOnceCalledByItsArnAndEachAnswerPricedAsItsModel() throws Exception {
        PreparedSuite prepared = prepare("");
        FakeRouters routers = new FakeRouters();
        RoutingClient client = new RoutingClient();
        RunId id = new RunId("20261203-150000-0001");
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            PromptRouterSetup setup = new PromptRouterSetup(routers, store, InstantSource.system(), line -> { });
            PreparedSuite routed = setup.ensure(prepared, id, REGION, Optional.empty());
            String arn = routers.routers.get(0).arn();
            assertThat(routed.suite().candidates().get(2).model()).isEqualTo(arn);
            assertThat(routers.routers.get(0).name()).isEqualTo("routed-nova");
            assertThat(routers.routers.get(0).modelArns()).containsExactly(LITE, PRO);
            assertThat(routers.routers.get(0).fallbackModelArn()).isEqualTo(LITE);
            // a resumed or repeated run finds it again, by its token in the store, and creates nothing
            assertThat(setup.ensure(prepared, id, REGION, Optional.empty()).suite().candidates().get(2).model())
                    .isEqualTo(arn);
            assertThat(routers.creates).hasValue(1);
            assertThat(store.jobs()).singleElement().satisfies(j -> {
                assertThat(j.kind()).isEqualTo(JobKind.PROMPT_ROUTER);
                assertThat(j.jobArn()).isEqualTo(arn);
                assertThat(j.requestJson()).contains("\"responseQualityDifference\":10.0", LITE);
            });

            RunResult result = new Runner(client, store, InstantSource.system(), RunProgress.NONE).run(routed, id,
                    new RunContext("test", "fake", REGION, true), Runner.Options.fresh(Optional.of(BigDecimal.TEN)));

            assertThat(client.called).contains(DEFAULT_ROUTER, arn);
            BigDecimal lite = price(routed, "amazon.nova-lite-v1:0");
            BigDecimal pro = price(routed, "amazon.nova-pro-v1:0");
            assertThat(pro).isGreaterThan(lite);
            for (String candidate : List.of("default-router", "own-router")) {
                RunResult.CandidateResult c = result.candidates().stream().filter(x -> x.id().equals(candidate))
                        .findFirst().orElseThrow();
                assertThat(c.servedBy()).containsExactlyInAnyOrderEntriesOf(Map.of("amazon.nova-lite-v1:0", 0.5,
                        "amazon.nova-pro-v1:0", 0.5));
                BigDecimal half = BigDecimal.valueOf(ITEMS / 2);
                assertThat(c.evalSpend().orElseThrow())
                        .isEqualByComparingTo(lite.multiply(half).add(pro.multiply(half)));
                assertThat(c.costPer1k().orElseThrow()).isEqualByComparingTo(lite.add(pro)
                        .multiply(BigDecimal.valueOf(500)));
                assertThat(c.mode()).isEqualTo(AnswerSource.ON_DEMAND);
            }
            RunResult.CandidateResult micro = result.candidates().get(0);
            assertThat(micro.servedBy()).isEmpty();
            RunResult.ItemResult first = result.items().get(0);
            assertThat(first.outputs().get("default-router").invokedModel()).isEqualTo("amazon.nova-lite-v1:0");
            assertThat(first.outputs().get("micro").invokedModel()).isNull();
            assertThat(first.outputs().get("default-router").costUsd()).isEqualByComparingTo(lite);
            assertThat(store.completedCalls(id).get(new RunStore.CallKey("own-router", "i8")).completion()
                    .invokedModelId()).isEqualTo(PRO);

            ReportWriter.Rendered report = new ReportWriter().render(result);
            assertThat(report.html()).contains("routed: 50 % nova-lite, 50 % nova-pro");
            assertThat(report.markdown()).contains("(routed: 50 % nova-lite, 50 % nova-pro)");
            assertThat(report.resultsJson()).contains("\"servedBy\"", "\"invokedModel\"");
        }
    }

    @Test
    void aRouterWithTheSameNameAndOtherSettingsIsRefused() throws IOException {
        PreparedSuite prepared = prepare("");
        FakeRouters routers = new FakeRouters();
        routers.routers.add(new PromptRouters.Router("arn:aws:bedrock:us-east-1:123456789012:prompt-router/old",
                "routed-nova", List.of(LITE, PRO), PRO, 10, "AVAILABLE", "custom"));
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            PromptRouterSetup setup = new PromptRouterSetup(routers, store, InstantSource.system(), line -> { });
            assertThatThrownBy(() -> setup.ensure(prepared, new RunId("20261203-150000-0002"), REGION,
                    Optional.empty())).isInstanceOf(PromptRouterSetup.Conflict.class)
                    .hasMessageContaining("a prompt router named 'routed-nova' already exists")
                    .satisfies(e -> assertThat(((PromptRouterSetup.Conflict) e).spec().path())
                            .isEqualTo("promptRouters[0]"));
            assertThat(routers.creates).hasValue(0);
            assertThat(store.jobs()).isEmpty();
            // the same settings are reused, not created again
            routers.routers.set(0, new PromptRouters.Router(routers.routers.get(0).arn(), "routed-nova",
                    List.of(PRO, LITE), LITE, 10, "AVAILABLE", "custom"));
            assertThat(setup.ensure(prepared, new RunId("20261203-150000-0003"), REGION, Optional.empty()).suite()
                    .candidates().get(2).model()).endsWith("prompt-router/old");
            assertThat(routers.creates).hasValue(0);
        }
    }

    @Test
    void theTokenFollowsTheSettingsAndProfilesBecomeProfileArns() throws IOException {
        PreparedSuite prepared = prepare("");
        var spec = prepared.suite().promptRouters().get(0);
        PromptRouters.RouterRequest a = PromptRouterSetup.request(prepared.suite(), spec, REGION, Optional.empty());
        PromptRouters.RouterRequest b = PromptRouterSetup.request(prepared.suite(), spec, REGION, Optional.empty());
        assertThat(a.clientRequestToken()).isEqualTo(b.clientRequestToken()).matches("[0-9a-f]{64}");
        var changed = new dev.frontier.config.PromptRouterSpec(spec.id(), spec.models(), spec.fallback(), 11,
                spec.description(), spec.tags(), spec.path());
        assertThat(PromptRouterSetup.request(prepared.suite(), changed, REGION, Optional.empty()).clientRequestToken())
                .isNotEqualTo(a.clientRequestToken());
        var profiles = new dev.frontier.config.PromptRouterSpec("llama", List.of("us.meta.llama3-1-8b-instruct-v1:0",
                "us.meta.llama3-1-70b-instruct-v1:0"), "us.meta.llama3-1-70b-instruct-v1:0", 0, Optional.empty(),
                Map.of(), "promptRouters[1]");
        assertThat(PromptRouterSetup.request(prepared.suite(), profiles, REGION, Optional.of("123456789012"))
                .modelArns()).containsExactly(
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-8b-instruct-v1:0",
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-70b-instruct-v1:0");
    }

    @Test
    void profileModelsAreNamedByInferenceProfileArnsOfTheAccountTheDefaultRoutersName() throws IOException {
        PreparedSuite prepared = prepare("""
                  - { id: llama, models: [us.meta.llama3-1-8b-instruct-v1:0, us.meta.llama3-1-70b-instruct-v1:0], fallback: us.meta.llama3-1-70b-instruct-v1:0, responseQualityDifference: 0 }
                """);
        FakeRouters routers = new FakeRouters();
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            var suite = prepared.suite();
            var micro = suite.candidates().get(0);
            var withLlama = new PreparedSuite(suite.withCandidates(List.of(micro,
                    new dev.frontier.config.CandidateSpec("llama", "router:llama", false, micro.prompt(),
                            micro.inference()))),
                    prepared.dataset(), prepared.split(), prepared.scorers(), prepared.catalog(), prepared.warnings());
            new PromptRouterSetup(routers, store, InstantSource.system(), line -> { })
                    .ensure(withLlama, new RunId("20261203-150000-0004"), REGION, Optional.empty());
            assertThat(routers.routers).singleElement().satisfies(r -> assertThat(r.modelArns()).containsExactly(
                    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-8b-instruct-v1:0",
                    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-70b-instruct-v1:0"));
        }
    }

    @Test
    void routersAreEstimatedAtTheDearestModelAndNeverSentToBatch() throws IOException {
        PreparedSuite prepared = prepare("");
        Estimator.Estimate e = Estimator.estimate(prepared, Map.of(), Optional.empty(), "", java.time.Instant.EPOCH);
        Estimator.CandidateEstimate router = e.candidates().stream().filter(c -> c.candidateId().equals("default-router"))
                .findFirst().orElseThrow();
        Estimator.CandidateEstimate own = e.candidates().stream().filter(c -> c.candidateId().equals("own-router"))
                .findFirst().orElseThrow();
        ModelPrice pro = prepared.catalog().find("amazon.nova-pro-v1:0").orElseThrow();
        assertThat(router.onDemand()).isEqualTo(pro.cost(new TokenUsage(router.inputTokens(), router.outputTokens(),
                0, 0), ModelPrice.Mode.ON_DEMAND));
        assertThat(own.onDemand()).isEqualTo(router.onDemand());
        assertThat(router.batch()).isEqualTo(router.onDemand());

        PreparedSuite batch = new PreparedSuite(prepared.suite().withMode(
                dev.frontier.config.SuiteSpec.ExecutionSpec.Mode.BATCH), prepared.dataset(), prepared.split(),
                prepared.scorers(), prepared.catalog(), prepared.warnings());
        Map<String, ExecutionModes.Choice> modes = ExecutionModes.decide(batch, 150, true, "");
        assertThat(modes.get("default-router").mode()).isEqualTo(AnswerSource.ON_DEMAND);
        assertThat(modes.get("default-router").reason()).contains("does not list routers");
    }

    @Test
    void aCheckpointGoesThroughARouterOnlyWhenEveryModelItMayServeCaches() throws IOException {
        PreparedSuite prepared = prepare("");
        // Nova Lite and Pro both cache: the checkpoint is kept
        assertThat(dev.frontier.run.prepare.RouterModels.withArns(prepared, Map.of("nova", "arn:x"),
                dev.frontier.catalog.Catalog.bundled()).suite().candidates().get(2).prompt().cache())
                .isEqualTo(PromptSpec.CacheMode.SYSTEM);
        assertThat(dev.frontier.run.prepare.Requests.promptCache(prepared.suite().candidates().get(1)))
                .isEqualTo("checkpoint after the system prompt");
    }
}
