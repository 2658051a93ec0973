package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Problem;
import dev.frontier.model.RequestMetadataFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code distillation.source: invocation-logs} and its {@code invocationLogs:} section. */
class InvocationLogsConfigTest {

    @TempDir
    Path dir;

    private SuiteLoader.Result load(String distillation) throws IOException {
        Path data = dir.resolve("d.jsonl");
        Files.writeString(data, "{\"id\":\"1\",\"q\":\"x\"}\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                suite: logs
                dataset: { path: d.jsonl, id: id }
                prompt: { user: "{{q}}" }
                candidates: [ { id: pro, model: amazon.nova-pro-v1:0 } ]
                scorers: [ { type: exact-match, expected: "x" } ]
                distillation:
                  teacher: pro
                  student: amazon.nova-lite-v1:0:300k
                """ + distillation);
        return SuiteLoader.load(f);
    }

    private static List<String> errors(SuiteLoader.Result r) {
        return r.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    private static DistillationSpec.Source source(SuiteLoader.Result r) {
        return ((SuiteLoader.Loaded) r).suite().distillation().orElseThrow().source();
    }

    @Test
    void theDatasetIsTheDefaultSource() throws IOException {
        SuiteLoader.Result r = load("");
        assertThat(errors(r)).isEmpty();
        assertThat(source(r)).isEqualTo(new DistillationSpec.FromDataset());
    }

    @Test
    void logsAreReadWithTheirFiltersAndTheResponseSwitch() throws IOException {
        SuiteLoader.Result r = load("""
                  source: invocation-logs
                  invocationLogs:
                    s3Uri: s3://my-logs/bedrock/
                    usePromptResponse: true
                    requestMetadataFilters:
                      andAll:
                        - { equals: { team: support } }
                        - { notEquals: { feature: "load test" } }
                """);
        assertThat(errors(r)).isEmpty();
        DistillationSpec.FromInvocationLogs logs = (DistillationSpec.FromInvocationLogs) source(r);
        assertThat(logs.s3Uri().toString()).isEqualTo("s3://my-logs/bedrock/");
        assertThat(logs.usePromptResponse()).isTrue();
        assertThat(logs.filters()).contains(new RequestMetadataFilter.AndAll(List.of(
                new RequestMetadataFilter.Equals("team", "support"),
                new RequestMetadataFilter.NotEquals("feature", "load test"))));
        assertThat(logs.filters().get().test(Map.of("team", "support", "feature", "summaries"))).isTrue();
        assertThat(logs.filters().get().test(Map.of("team", "support", "feature", "load test"))).isFalse();
    }

    @Test
    void aSingleEqualsIsTheFilterAndPromptsOnlyTheDefault() throws IOException {
        SuiteLoader.Result r = load("""
                  source: invocation-logs
                  invocationLogs: { s3Uri: s3://my-logs, requestMetadataFilters: { equals: { team: support } } }
                """);
        assertThat(errors(r)).isEmpty();
        DistillationSpec.FromInvocationLogs logs = (DistillationSpec.FromInvocationLogs) source(r);
        assertThat(logs.usePromptResponse()).isFalse();
        assertThat(logs.filters()).contains(new RequestMetadataFilter.Equals("team", "support"));
    }

    @Test
    void aBadUriIsReportedWhereItIsWritten() throws IOException {
        SuiteLoader.Result r = load("""
                  source: invocation-logs
                  invocationLogs: { s3Uri: "https://my-logs/bedrock/" }
                """);
        assertThat(errors(r)).singleElement().asString()
                .contains("s.yaml:10:28 ").contains("distillation.invocationLogs.s3Uri").contains("not an S3 URI");
    }

    @Test
    void aFilterMapMustHoldExactlyOnePair() throws IOException {
        SuiteLoader.Result r = load("""
                  source: invocation-logs
                  invocationLogs:
                    s3Uri: s3://my-logs/
                    requestMetadataFilters: { equals: { team: support, feature: summaries } }
                """);
        assertThat(errors(r)).singleElement().asString().contains("s.yaml:12:39 ")
                .contains("distillation.invocationLogs.requestMetadataFilters.equals")
                .contains("exactly one key: value pair, not 2");
    }

    @Test
    void theUnionTakesExactlyOneMember() throws IOException {
        SuiteLoader.Result r = load("""
                  source: invocation-logs
                  invocationLogs:
                    s3Uri: s3://my-logs/
                    requestMetadataFilters: { equals: { a: b }, notEquals: { c: d } }
                """);
        assertThat(errors(r)).singleElement().asString().contains("s.yaml:12:29 ")
                .contains("exactly one of equals, notEquals, andAll, orAll, not 2");
    }

    @Test
    void andAllAndOrAllTakeOneToSixteenTests() throws IOException {
        StringBuilder seventeen = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            seventeen.append("          - { equals: { k").append(i).append(": v } }\n");
        }
        SuiteLoader.Result tooMany = load("""
                  source: invocation-logs
                  invocationLogs:
                    s3Uri: s3://my-logs/
                    requestMetadataFilters:
                      orAll:
                """ + seventeen);
        assertThat(errors(tooMany)).singleElement().asString().contains("s.yaml:14:11 ")
                .contains("requestMetadataFilters.orAll").contains("takes 1 to 16 tests, not 17");
        SuiteLoader.Result none = load("""
                  source: invocation-logs
                  invocationLogs: { s3Uri: s3://my-logs/, requestMetadataFilters: { andAll: [] } }
                """);
        assertThat(errors(none)).singleElement().asString().contains("requestMetadataFilters.andAll")
                .contains("takes 1 to 16 tests, not 0");
        SuiteLoader.Result sixteen = load("""
                  source: invocation-logs
                  invocationLogs:
                    s3Uri: s3://my-logs/
                    requestMetadataFilters:
                      orAll:
                """ + seventeen.substring(seventeen.indexOf("\n") + 1));
        assertThat(errors(sixteen)).isEmpty();
    }

    @Test
    void keysAndValuesKeepToBedrocksCharacterSet() throws IOException {
        SuiteLoader.Result r = load("""
                  source: invocation-logs
                  invocationLogs:
                    s3Uri: s3://my-logs/
                    requestMetadataFilters: { equals: { team: "support<script>" } }
                """);
        assertThat(errors(r)).singleElement().asString().contains("may only use letters, digits");
        // RequestMetadataFilters' pattern has no # or , (Converse's requestMetadata has them)
        SuiteLoader.Result comma = load("""
                  source: invocation-logs
                  invocationLogs:
                    s3Uri: s3://my-logs/
                    requestMetadataFilters: { notEquals: { team: "a,b" } }
                """);
        assertThat(errors(comma)).singleElement().asString().contains("may only use");
    }

    @Test
    void logsWithoutTheSectionOrASectionWithoutLogsAreErrors() throws IOException {
        assertThat(errors(load("  source: invocation-logs\n"))).singleElement().asString()
                .contains("distillation.invocationLogs: missing");
        assertThat(errors(load("  invocationLogs: { s3Uri: s3://my-logs/ }\n"))).singleElement().asString()
                .contains("only read with source: invocation-logs");
        assertThat(errors(load("  source: cloudwatch\n"))).singleElement().asString()
                .contains("unknown source 'cloudwatch'");
    }
}
