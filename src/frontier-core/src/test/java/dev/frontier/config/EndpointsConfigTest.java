package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code execution.endpoints} and the older {@code execution.endpoint}. */
class EndpointsConfigTest {

    @TempDir
    Path dir;

    private SuiteLoader.Result load(String execution) throws IOException {
        Path data = dir.resolve("d.jsonl");
        Files.writeString(data, "{\"id\":\"1\",\"q\":\"x\"}\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                suite: endpoints
                dataset: { path: d.jsonl, id: id }
                prompt: { user: "{{q}}" }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0 } ]
                scorers: [ { type: exact-match, expected: "x" } ]
                """ + execution);
        return SuiteLoader.load(f);
    }

    private static SuiteSpec.EndpointsSpec endpoints(SuiteLoader.Result r) {
        assertThat(r).as(r.problems().toString()).isInstanceOf(SuiteLoader.Loaded.class);
        return ((SuiteLoader.Loaded) r).suite().execution().endpoints();
    }

    @Test
    void withoutEndpointsNoServiceIsOverridden() throws IOException {
        SuiteLoader.Result r = load("");
        assertThat(endpoints(r)).isEqualTo(SuiteSpec.EndpointsSpec.none());
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void eachServiceTakesItsOwnEndpoint() throws IOException {
        SuiteLoader.Result r = load("""
                execution:
                  endpoints:
                    runtime: https://bedrock-runtime.eu-west-1.amazonaws.com
                    controlPlane: https://bedrock.eu-west-1.amazonaws.com
                    s3: http://127.0.0.1:9000/
                """);
        assertThat(endpoints(r)).isEqualTo(new SuiteSpec.EndpointsSpec(
                Optional.of(URI.create("https://bedrock-runtime.eu-west-1.amazonaws.com")),
                Optional.of(URI.create("https://bedrock.eu-west-1.amazonaws.com")),
                Optional.of(URI.create("http://127.0.0.1:9000/"))));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aRuntimeOverrideLeavesTheControlPlaneAndS3AtTheirDefaults() throws IOException {
        SuiteSpec.EndpointsSpec e = endpoints(load(
                "execution: { endpoints: { runtime: 'https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com' } }\n"));
        assertThat(e.runtime()).hasValue(URI.create("https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com"));
        assertThat(e.controlPlane()).isEmpty();
        assertThat(e.s3()).isEmpty();
    }

    @Test
    void theOlderSingleEndpointIsTheRuntimesOnlyWithAWarning() throws IOException {
        SuiteLoader.Result r = load("execution:\n  endpoint: https://bedrock-runtime.us-east-1.amazonaws.com\n");
        SuiteSpec.EndpointsSpec e = endpoints(r);
        assertThat(e.runtime()).hasValue(URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"));
        assertThat(e.controlPlane()).isEmpty();
        assertThat(e.s3()).isEmpty();
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).toString()).endsWith("s.yaml:7:13 warning: execution.endpoint: is the Bedrock "
                + "Runtime endpoint only; the control plane and S3 keep their defaults (write execution.endpoints: "
                + "{ runtime: ..., controlPlane: ..., s3: ... })");
    }

    @Test
    void aBadOlderEndpointIsOneErrorWithoutTheWarning() throws IOException {
        SuiteLoader.Result r = load("execution: { endpoint: 'bedrock-runtime.us-east-1.amazonaws.com' }\n");
        assertThat(r).isInstanceOf(SuiteLoader.Invalid.class);
        assertThat(r.problems()).extracting(Object::toString).containsExactly(dir.resolve("s.yaml")
                + ":6:24 execution.endpoint: 'bedrock-runtime.us-east-1.amazonaws.com' is not an http(s) URL with a "
                + "host (e.g. https://bedrock-runtime.us-east-1.amazonaws.com)");
    }

    @Test
    void badUrlsAreErrorsAtTheirPositions() throws IOException {
        SuiteLoader.Result r = load("""
                execution:
                  endpoints:
                    runtime: bedrock-runtime.us-east-1.amazonaws.com
                    controlPlane: ftp://bedrock.us-east-1.amazonaws.com
                    s3: [ not, a, url ]
                """);
        assertThat(r).isInstanceOf(SuiteLoader.Invalid.class);
        assertThat(r.problems()).extracting(Object::toString).containsExactly(
                dir.resolve("s.yaml") + ":8:14 execution.endpoints.runtime: 'bedrock-runtime.us-east-1.amazonaws.com' "
                        + "is not an http(s) URL with a host (e.g. https://bedrock-runtime.us-east-1.amazonaws.com)",
                dir.resolve("s.yaml") + ":9:19 execution.endpoints.controlPlane: "
                        + "'ftp://bedrock.us-east-1.amazonaws.com' is not an http(s) URL with a host "
                        + "(e.g. https://bedrock.us-east-1.amazonaws.com)",
                dir.resolve("s.yaml") + ":10:9 execution.endpoints.s3: expected text, found a list");
    }

    @Test
    void unknownServicesAndTheRuntimeGivenTwiceAreErrors() throws IOException {
        SuiteLoader.Result r = load("""
                execution:
                  endpoint: https://a.example.com
                  endpoints:
                    runtime: https://b.example.com
                    controlplane: https://c.example.com
                """);
        assertThat(r).isInstanceOf(SuiteLoader.Invalid.class);
        assertThat(r.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p).contains(
                ":7:13 execution.endpoint: given twice: execution.endpoint and execution.endpoints.runtime (keep "
                        + "execution.endpoints.runtime and remove execution.endpoint)"));
        assertThat(r.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p).contains(
                ":10:5 execution.endpoints.controlplane: unknown key", "controlPlane"));
    }
}
