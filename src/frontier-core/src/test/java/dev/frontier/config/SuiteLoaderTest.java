package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path validSuite() throws IOException {
        write("data.jsonl", "{\"id\":\"a\",\"q\":\"x\"}\n");
        return write("suite.yaml", """
                suite: demo
                dataset: { path: data.jsonl, id: id, holdout: 0.25, seed: 3 }
                prompt:
                  system: "Be brief."
                  user: "Q: {{q}}"
                  cache: system
                inference: { maxTokens: 50, temperature: 0 }
                candidates:
                  - { id: big, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0, role: incumbent }
                  - { id: small, model: us.amazon.nova-lite-v1:0, prompt: { user: "{{q}}?" }, inference: { maxTokens: 10 } }
                scorers:
                  - { type: exact-match, expected: "{{q}}", weight: 2 }
                traffic: { requestsPerMonth: 1000 }
                budget: { maxUsd: 2.5 }
                execution: { concurrency: 3, region: us-west-2 }
                """);
    }

    @Test
    void loadsAValidSuiteWithDefaultsAndMergedCandidatePrompts() throws IOException {
        SuiteLoader.Result r = SuiteLoader.load(validSuite());
        assertThat(r).isInstanceOf(SuiteLoader.Loaded.class);
        SuiteSpec s = ((SuiteLoader.Loaded) r).suite();
        assertThat(s.name()).isEqualTo("demo");
        assertThat(s.dataset().format()).isEqualTo(DatasetSpec.Format.JSONL);
        assertThat(s.dataset().holdout()).isEqualTo(0.25);
        assertThat(s.candidates()).hasSize(2);
        CandidateSpec small = s.candidates().get(1);
        assertThat(small.prompt().system().source()).isEqualTo("Be brief.");
        assertThat(small.prompt().user().source()).isEqualTo("{{q}}?");
        assertThat(small.prompt().cache()).isEqualTo(PromptSpec.CacheMode.SYSTEM);
        assertThat(small.inference().maxTokens()).isEqualTo(10);
        assertThat(small.inference().temperature()).hasValue(0.0);
        assertThat(s.candidates().get(0).incumbent()).isTrue();
        assertThat(s.scorers().get(0).id()).isEqualTo("exact-match");
        assertThat(s.scorers().get(0).weight()).isEqualTo(2.0);
        assertThat(s.scorers().get(0).params()).containsEntry("expected", "{{q}}");
        assertThat(s.execution().concurrency()).isEqualTo(3);
        assertThat(s.budget().maxUsd()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2.5"));
        assertThat(s.sha256()).hasSize(64);
        assertThat(s.statistics().resamples()).isEqualTo(2000);
    }

    @Test
    void reportsUnknownKeyAndMissingDatasetWithLineAndColumnTogether() throws IOException {
        Path suite = write("bad.yaml", """
                suite: demo
                dataset: { path: nowhere.jsonl, id: id }
                prompt: { user: "{{q}}" }
                candidates:
                  - { id: a, model: amazon.nova-lite-v1:0, temprature: 0.2 }
                scorers:
                  - { type: exact-match, expected: x }
                """);
        List<Problem> problems = ((SuiteLoader.Invalid) SuiteLoader.load(suite)).problems();
        assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith(suite + ":2:18 dataset.path: dataset file not found"));
        assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .isEqualTo(suite + ":5:44 candidates[0].temprature: unknown key (known keys: format, id, incumbent, "
                        + "inference, "
                        + "matrix, model, modelIdentifier, outputs, priceAs, prompt, role)"));
    }

    @Test
    void suggestsTheClosestKey() throws IOException {
        write("data.jsonl", "{\"id\":\"a\"}\n");
        Path suite = write("s.yaml", """
                suite: demo
                dataset: { path: data.jsonl, id: id }
                promt: { user: "x" }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0, prompt: { user: x } } ]
                scorers: [ { type: exact-match, expected: x } ]
                """);
        List<Problem> problems = SuiteLoader.load(suite).problems();
        assertThat(problems).singleElement().extracting(Problem::toString)
                .isEqualTo(suite + ":3:1 promt: unknown key (did you mean 'prompt'?)");
    }

    @Test
    void rejectsDuplicateCandidateIdsBadModelIdsAndTwoIncumbents() throws IOException {
        write("data.jsonl", "{\"id\":\"a\"}\n");
        Path suite = write("s.yaml", """
                suite: demo
                dataset: { path: data.jsonl, id: id }
                prompt: { user: x }
                candidates:
                  - { id: a, model: amazon.nova-lite-v1:0, role: incumbent }
                  - { id: a, model: "Nova Lite", role: incumbent }
                scorers: [ { type: exact-match, expected: x } ]
                """);
        List<String> problems = SuiteLoader.load(suite).problems().stream().map(Problem::toString).toList();
        assertThat(problems).anyMatch(p -> p.contains(":6:11 candidates[1].id: duplicate candidate id 'a'"));
        assertThat(problems).anyMatch(p -> p.contains("candidates[1].model: 'Nova Lite' is not a Bedrock model id"));
        assertThat(problems).anyMatch(p -> p.contains("candidates[1].role: a second incumbent"));
    }

    @Test
    void acceptsArnsAndInferenceProfiles() throws IOException {
        write("data.jsonl", "{\"id\":\"a\"}\n");
        Path suite = write("s.yaml", """
                suite: demo
                dataset: { path: data.jsonl, id: id }
                prompt: { user: x }
                candidates:
                  - { id: a, model: "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123def456" }
                  - { id: b, model: eu.anthropic.claude-3-haiku-20240307-v1:0 }
                  - { id: c, model: anthropic.claude-3-haiku-20240307-v1:0:200k }
                scorers: [ { type: exact-match, expected: x } ]
                """);
        assertThat(SuiteLoader.load(suite)).isInstanceOf(SuiteLoader.Loaded.class);
    }

    @Test
    void reportsYamlSyntaxErrorsWithPosition() throws IOException {
        Path suite = write("s.yaml", "suite: demo\ndataset: { path: x\n  id: [\n");
        List<Problem> problems = SuiteLoader.load(suite).problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.problem()).startsWith("YAML syntax:");
        });
    }

    @Test
    void reportsAMissingFileAndAnEmptyFile() throws IOException {
        assertThat(SuiteLoader.load(dir.resolve("none.yaml")).problems()).singleElement()
                .extracting(Problem::problem).isEqualTo("suite file not found");
        assertThat(SuiteLoader.load(write("e.yaml", "")).problems()).singleElement()
                .extracting(Problem::problem).isEqualTo("the suite file is empty");
    }

    @Test
    void reportsWrongValueKindsAndRanges() throws IOException {
        write("data.jsonl", "{\"id\":\"a\"}\n");
        Path suite = write("s.yaml", """
                suite: Demo Suite
                dataset: { path: data.jsonl, id: id, holdout: 1.5 }
                prompt: { user: x, cache: everything }
                inference: { maxTokens: 0, temperature: 3 }
                candidates: { id: a }
                scorers: [ { type: exact-match, weight: -1 } ]
                execution: { concurrency: many }
                """);
        List<String> paths = SuiteLoader.load(suite).problems().stream().map(Problem::path).toList();
        assertThat(paths).contains("suite", "dataset.holdout", "prompt.cache", "inference.maxTokens",
                "inference.temperature", "candidates", "scorers[0].weight", "execution.concurrency");
    }

    @Test
    void atFallsBackToTheNearestParent() throws IOException {
        SuiteSpec s = ((SuiteLoader.Loaded) SuiteLoader.load(validSuite())).suite();
        assertThat(s.at("scorers[0].expected").line()).isEqualTo(12);
        assertThat(s.at("scorers[0].nothing").line()).isEqualTo(12);
        assertThat(s.at("nothing.at.all").line()).isZero();
    }

    @Test
    void scorerParameterProblemsAreReportedAtTheParameter() throws IOException {
        write("data.jsonl", "{\"id\":\"a\"}\n");
        Path suite = write("s.yaml", """
                suite: demo
                dataset: { path: data.jsonl, id: id }
                prompt: { user: x }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0 } ]
                scorers:
                  - { type: rouge-l, refrence: x }
                  - { type: nonsense }
                """);
        ScorerCheck check = (type, params) -> type.equals("nonsense")
                ? List.of(new ScorerCheck.Issue("", "unknown scorer type 'nonsense'", "try rouge-l"))
                : List.of(new ScorerCheck.Issue("refrence", "unknown parameter", "did you mean 'reference'?"));
        List<String> problems = SuiteLoader.load(suite, check).problems().stream().map(Problem::toString).toList();
        assertThat(problems).containsExactly(
                suite + ":6:22 scorers[0].refrence: unknown parameter (did you mean 'reference'?)",
                suite + ":7:13 scorers[1].type: unknown scorer type 'nonsense' (try rouge-l)");
    }

    @Test
    void readsStagingAndChecksUrisArnsAndAccountsWithTheirLines() throws IOException {
        write("data.jsonl", "{\"id\":\"a\"}\n");
        String head = """
                suite: demo
                dataset: { path: data.jsonl, id: id }
                prompt: { user: x }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0 } ]
                scorers: [ { type: exact-match, expected: x } ]
                """;
        Path good = write("good.yaml", head + """
                staging:
                  s3: s3://team-evals/frontier/
                  expectedBucketOwner: "123456789012"
                  kmsKeyId: alias/frontier
                  roleArn: arn:aws:iam::123456789012:role/BedrockJobs
                  tags: { team: ml, costCenter: "42" }
                """);
        StagingSpec staging = ((SuiteLoader.Loaded) SuiteLoader.load(good)).suite().staging();
        assertThat(staging.s3()).hasValueSatisfying(u -> assertThat(u).hasToString("s3://team-evals/frontier/"));
        assertThat(staging.expectedBucketOwner()).hasValue("123456789012");
        assertThat(staging.roleArn()).hasValue("arn:aws:iam::123456789012:role/BedrockJobs");
        assertThat(staging.tags()).containsEntry("team", "ml").containsEntry("costCenter", "42");

        Path bad = write("bad.yaml", head + """
                staging:
                  s3: s3://Team_Evals/x
                  expectedBucketOwner: "1234"
                  roleArn: arn:aws:iam::123456789012:user/alice
                """);
        assertThat(SuiteLoader.load(bad).problems()).extracting(Problem::toString).containsExactly(
                bad + ":7:7 staging.s3: bad S3 URI \"s3://Team_Evals/x\": bucket name \"Team_Evals\" may contain only"
                        + " lowercase letters, digits, '.' and '-', and must begin and end with a letter or digit",
                bad + ":8:24 staging.expectedBucketOwner: '1234' is not a 12-digit AWS account id (quote it in YAML:"
                        + " \"123456789012\")",
                bad + ":9:12 staging.roleArn: 'arn:aws:iam::123456789012:user/alice' is an IAM user, not a role"
                        + " (Bedrock assumes a role: arn:aws:iam::123456789012:role/NAME)");
    }

    @Test
    void theDistillationSectionIsReadWithDefaultsAndCheckedWithPositions() throws IOException {
        write("data.jsonl", "{\"id\":\"a\",\"q\":\"x\"}\n");
        String head = """
                suite: demo
                dataset: { path: data.jsonl, id: id }
                prompt: { user: x }
                candidates: [ { id: pro, model: amazon.nova-pro-v1:0, role: incumbent } ]
                scorers: [ { type: exact-match, expected: x } ]
                """;
        Path good = write("good.yaml", head + """
                distillation:
                  teacher: pro
                  student: amazon.nova-lite-v1:0:300k
                  trainingPer1kTokens: 0.002
                  serving: { hourlyPerModelUnit: 20, modelUnits: 2, commitment: OneMonth }
                """);
        DistillationSpec d = ((SuiteLoader.Loaded) SuiteLoader.load(good)).suite().distillation().orElseThrow();
        assertThat(d.method()).isEqualTo(DistillationSpec.Method.DISTILLATION);
        assertThat(d.maxResponseLengthForInference()).isEqualTo(1000);
        assertThat(d.horizonMonths()).isEqualTo(12);
        assertThat(d.goldenThreshold()).isEmpty();
        assertThat(d.storagePerMonth()).isEmpty();
        assertThat(d.trainingPer1kTokens()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.002"));
        assertThat(d.serving().mode()).isEqualTo(DistillationSpec.Mode.PROVISIONED);
        assertThat(d.serving().modelUnits()).hasValue(2);
        assertThat(d.serving().commitment()).isEqualTo("OneMonth");

        Path bad = write("bad.yaml", head + """
                distillation:
                  method: pruning
                  teacher: prp
                  student: "not a model"
                  goldenThreshold: 1.5
                  serving: { mode: on-demand-deployment, modelUnits: 1, commitment: TwoYears }
                """);
        assertThat(SuiteLoader.load(bad)).isInstanceOf(SuiteLoader.Invalid.class);
        assertThat(SuiteLoader.load(bad).problems()).extracting(Problem::toString).containsExactly(
                bad + ":7:11 distillation.method: unknown method 'pruning' (use distillation or fine-tuning)",
                bad + ":8:12 distillation.teacher: no candidate 'prp' (did you mean 'pro'?)",
                bad + ":9:12 distillation.student: 'not a model' is not a model id (e.g. amazon.nova-lite-v1:0:300k"
                        + " or anthropic.claude-3-haiku-20240307-v1:0:200k)",
                bad + ":10:20 distillation.goldenThreshold: must be between 0 and 1 (the least quality a teacher"
                        + " answer needs to be kept)",
                bad + ":11:12 distillation.serving: an on-demand deployment has no model units (leave out modelUnits"
                        + " and hourlyPerModelUnit, or use mode: provisioned)",
                bad + ":11:69 distillation.serving.commitment: unknown commitment 'TwoYears' (use none, OneMonth or"
                        + " SixMonths)");
    }

    @Test
    void readsTheRoutingSectionAndPointsAtEachBadReference() throws IOException {
        String suite = Files.readString(validSuite());
        Path good = write("good.yaml", suite + """
                routing:
                  signals: [outputTokens, exact-match]
                  cascades:
                    - { first: small, then: big, signal: stopReason }
                  learned: false
                  folds: 4
                """);
        SuiteSpec s = ((SuiteLoader.Loaded) SuiteLoader.load(good)).suite();
        RoutingSpec r = s.routing().orElseThrow();
        assertThat(r.signals()).containsExactly("outputTokens", "exact-match");
        assertThat(r.cascades()).containsExactly(new RoutingSpec.Cascade("small", "big", "stopReason"));
        assertThat(r.learned()).isFalse();
        assertThat(r.oracle()).isTrue();
        assertThat(r.folds()).isEqualTo(4);
        assertThat(((SuiteLoader.Loaded) SuiteLoader.load(validSuite())).suite().routing()).isEmpty();

        Path bad = write("bad.yaml", suite + """
                routing:
                  signals: [outputTokenz]
                  cascades:
                    - { first: smal, then: big, signal: stopReason }
                    - { first: big, then: big, signal: stopReason }
                  folds: 1
                """);
        SuiteLoader.Result result = SuiteLoader.load(bad);
        assertThat(result).isInstanceOf(SuiteLoader.Invalid.class);
        List<Problem> problems = ((SuiteLoader.Invalid) result).problems();
        int base = (int) suite.lines().count();
        assertThat(problems).extracting(Problem::line)
                .contains(base + 2, base + 4, base + 5, base + 6);
        assertThat(problems).extracting(p -> p.problem() + " " + p.hint()).anyMatch(m -> m.contains("did you mean 'outputTokens'"))
                .anyMatch(m -> m.contains("did you mean 'small'"))
                .anyMatch(m -> m.contains("escalates to the model it started with"))
                .anyMatch(m -> m.contains("between 2 and 20"));
    }

    @Test
    void readsSlicesAndTheSliceRuleAndPointsAtEachBadEntry() throws IOException {
        String suite = Files.readString(validSuite());
        Path good = write("sliced.yaml", suite + """
                selection: { margin: 0.05, sliceRule: non-inferior }
                slices:
                  - { field: q, minItems: 10 }
                  - { field: lang }
                """);
        SuiteSpec s = ((SuiteLoader.Loaded) SuiteLoader.load(good)).suite();
        assertThat(s.slices()).containsExactly(new SliceSpec("q", 10), new SliceSpec("lang", 30));
        assertThat(s.selection().sliceRule()).isEqualTo(SelectionSpec.SliceRule.NON_INFERIOR);
        SuiteSpec plain = ((SuiteLoader.Loaded) SuiteLoader.load(validSuite())).suite();
        assertThat(plain.slices()).isEmpty();
        assertThat(plain.selection().sliceRule()).isEqualTo(SelectionSpec.SliceRule.NOT_SHOWN_WORSE);

        Path bad = write("bad-slices.yaml", suite + """
                selection: { sliceRule: strict }
                slices:
                  - { field: q, minItems: 0 }
                  - { field: q }
                  - { minItems: 5, feild: x }
                """);
        SuiteLoader.Result result = SuiteLoader.load(bad);
        assertThat(result).isInstanceOf(SuiteLoader.Invalid.class);
        List<Problem> problems = ((SuiteLoader.Invalid) result).problems();
        int base = (int) suite.lines().count();
        assertThat(problems).extracting(p -> p.line() + " " + p.path() + ": " + p.problem()).contains(
                (base + 1) + " selection.sliceRule: unknown slice rule 'strict'",
                (base + 3) + " slices[0].minItems: must be at least 1",
                (base + 4) + " slices[1].field: field 'q' is sliced twice",
                (base + 5) + " slices[2].field: missing");
    }
}
