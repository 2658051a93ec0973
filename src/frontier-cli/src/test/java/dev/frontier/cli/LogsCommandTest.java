package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.bedrock.SdkS3Objects;
import dev.frontier.bench.LogImportHarness;
import dev.frontier.logs.TrafficProfile;
import dev.frontier.logs.TrafficProfiles;
import dev.frontier.model.S3Uri;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code frontier logs import} on generated log folders (and the sandbox's S3): summary, files, exit codes. */
class LogsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path logs(int records) throws IOException {
        Path root = dir.resolve("logs");
        LogImportHarness.writeLogs(root, records, 7);
        return root;
    }

    private static List<JsonNode> rows(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void importsADatasetAndAProfileReportingTheMalformedLines() throws IOException {
        Path root = logs(400);
        Files.writeString(root.resolve("zz-broken.jsonl"), "{not json\n\n{\"schemaType\":\"ModelInvocationLog\"}\n");
        Path out = dir.resolve("dataset.jsonl");
        Path profile = dir.resolve("traffic.json");
        MainTest.Outcome r = MainTest.frontier("logs", "import", root.toString(), "--out", out.toString(),
                "--profile", profile.toString(), "--sample", "25", "--stratify-by", "team", "--responses");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("402 records in", "400 kept by the filters, 2 malformed",
                "malformed zz-broken.jsonl:1: not valid JSON", "malformed zz-broken.jsonl:3: no timestamp",
                "a sample of 25 over", "dataset: " + out + " (25 items, not redacted)", "traffic profile: " + profile);
        List<JsonNode> rows = rows(out);
        assertThat(rows).hasSize(25);
        JsonNode first = rows.get(0);
        assertThat(first.get("id").asText()).matches("p[0-9a-f]{16}");
        assertThat(first.has("prompt")).isTrue();
        assertThat(first.has("system")).isTrue();
        assertThat(first.has("reference")).isTrue();
        assertThat(first.get("count").asLong()).isPositive();
        assertThat(rows).anyMatch(n -> n.has("meta.team"));
        TrafficProfile p = ((TrafficProfiles.Loaded) TrafficProfiles.read(profile)).profile();
        assertThat(p.records()).isEqualTo(400);
        assertThat(p.source().malformed()).isEqualTo(2);
        assertThat(p.arrivals().orElseThrow().size()).isEqualTo(400);
        // the same seed gives the same file
        Path again = dir.resolve("again.jsonl");
        MainTest.Outcome second = MainTest.frontier("logs", "import", root.toString(), "--out", again.toString(),
                "--sample", "25", "--stratify-by", "team", "--responses");
        assertThat(second.code()).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(out));
    }

    @Test
    void filtersAndRedactionByRulesAndByAProgram() throws IOException {
        Path root = logs(300);
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "- pattern: 'Ticket \\d+'\n  replace: 'Ticket <n>'\n"
                + "- {pattern: 'error \\d+', replace: 'error <code>'}\n");
        Path out = dir.resolve("dataset.jsonl");
        MainTest.Outcome r = MainTest.frontier("logs", "import", root.toString(), "--out", out.toString(),
                "--sample", "40", "--responses", "--model", "amazon.nova-lite-v1:0", "--model",
                "anthropic.claude-3-5-haiku-20241022-v1:0", "--metadata", "team=support", "--since", "2026-11-24",
                "--until", "2026-11-28", "--redact", rules.toString(), "--redact-command",
                "sed -e 's/escalate ticket [0-9]*/escalate it/'", "--allow-redact-command");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("redacted");
        String text = Files.readString(out);
        assertThat(text).doesNotContainPattern("Ticket \\d").doesNotContainPattern("error \\d")
                .doesNotContainPattern("escalate ticket");
        for (JsonNode row : rows(out)) {
            assertThat(row.get("model").asText()).isIn("amazon.nova-lite-v1:0",
                    "us.anthropic.claude-3-5-haiku-20241022-v1:0");
            assertThat(row.get("meta.team").asText()).isEqualTo("support");
            assertThat(row.get("time").asText()).isBetween("2026-11-24", "2026-11-29");
            assertThat(row.get("reference").asText()).contains("escalate it");
        }
    }

    @Test
    void everyRecordMalformedIsExit2AndNothingIsWritten() throws IOException {
        Path root = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(root.resolve("a.json"), "{\"x\":1}\n[]\n");
        Path out = dir.resolve("dataset.jsonl");
        MainTest.Outcome r = MainTest.frontier("logs", "import", root.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.out()).contains("malformed a.json:1: no timestamp", "malformed a.json:2: not a JSON object");
        assertThat(r.err()).contains("every record is malformed");
        assertThat(out).doesNotExist();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        MainTest.Outcome none = MainTest.frontier("logs", "import", empty.toString(), "--out", out.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no log objects");
    }

    @Test
    void badArgumentsAreExit2WithWhatToDo() throws IOException {
        Path root = logs(20);
        String out = dir.resolve("d.jsonl").toString();
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "- pattern: 'ok'\n  replace: ''\n- pattern: '(unclosed'\n  replace: x\n"
                + "- {pattern: a, colour: red}\n");
        List<String[]> bad = List.of(
                new String[] {"logs", "import", root.toString(), "--out", out, "--since", "yesterday"},
                new String[] {"logs", "import", root.toString(), "--out", out, "--since", "2026-11-25", "--until",
                    "2026-11-24"},
                new String[] {"logs", "import", "s3://Bad_Bucket/x/", "--out", out},
                new String[] {"logs", "import", dir.resolve("missing").toString(), "--out", out},
                new String[] {"logs", "import", root.toString(), "--out", out, "--sample", "0"},
                new String[] {"logs", "import", root.toString(), "--out", out, "--metadata", "team"},
                new String[] {"logs", "import", root.toString(), "--out", out, "--redact", rules.toString()},
                new String[] {"logs", "import", root.toString(), "--out", out, "--redact-command", "cat"},
                new String[] {"logs", "import", "sandbox:demo", "--out", out},
                new String[] {"logs", "import", root.toString(), "--out", dir.resolve("no/such/d.jsonl").toString()});
        List<String> errors = new ArrayList<>();
        for (String[] args : bad) {
            MainTest.Outcome r = MainTest.frontier(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            errors.add(r.err());
        }
        assertThat(errors.get(0)).contains("--since yesterday is neither an instant");
        assertThat(errors.get(1)).contains("must be before --until");
        assertThat(errors.get(2)).contains("bucket name");
        assertThat(errors.get(3)).contains("neither s3://bucket/prefix/ nor a folder");
        assertThat(errors.get(4)).contains("--sample must be 1 to");
        assertThat(errors.get(5)).contains("KEY=VALUE");
        assertThat(errors.get(6)).contains(rules + ":3: rules[1].pattern: not a regular expression",
                rules + ":5: rules[2].colour: unknown key");
        assertThat(errors.get(7)).contains("--allow-redact-command");
        assertThat(errors.get(8)).contains("needs --sandbox");
        assertThat(errors.get(9)).contains("does not exist");
        assertThat(dir.resolve("d.jsonl")).doesNotExist();
    }

    @Test
    void aFailingRedactionProgramWritesNothing() throws IOException {
        Path root = logs(50);
        Path out = dir.resolve("dataset.jsonl");
        MainTest.Outcome r = MainTest.frontier("logs", "import", root.toString(), "--out", out.toString(),
                "--redact-command", "sh -c 'head -n 1; echo oops >&2'", "--allow-redact-command");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("redaction failed").contains("oops");
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("logs");
        }
    }

    @Test
    @Tag("e2e")
    void readsAnS3PrefixOfTheSandboxAndAMissingBucketIsExit3() throws IOException {
        Path store = dir.resolve("store.db");
        Path root = logs(120);
        S3Uri prefix = S3Uri.parse("s3://invocation-logs/bedrock/");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(ControlPlaneAccess.sandboxState(store)));
             S3Client client = CloudClients.s3(new BedrockSettings(Optional.of("us-east-1"),
                     BedrockSettings.Endpoints.local(sandbox.endpoint(), sandbox.s3Endpoint()),
                     new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(30), "frontier#test"))) {
            sandbox.createBucket(prefix.bucket());
            SdkS3Objects s3 = new SdkS3Objects(client, Optional.empty(), Optional.empty());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    s3.put(prefix.resolve(root.relativize(f).toString().replace('\\', '/')), f);
                }
            }
            s3.put(prefix.resolve("AWSLogs/111122223333/BedrockModelInvocationLogs/"
                    + "amazon-bedrock-logs-permission-check"), new byte[0]);
        }
        Path out = dir.resolve("dataset.jsonl");
        MainTest.Outcome r = MainTest.frontier("logs", "import", prefix.toString(), "--out", out.toString(),
                "--sample", "10", "--sandbox", "--store", store.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(prefix + ": 120 records in", "120 kept by the filters, 0 malformed");
        assertThat(rows(out)).hasSize(10);
        MainTest.Outcome missing = MainTest.frontier("logs", "import", "s3://no-such-bucket/logs/", "--out",
                dir.resolve("x.jsonl").toString(), "--sandbox", "--store", store.toString());
        assertThat(missing.code()).as(missing.out() + missing.err()).isEqualTo(3);
    }
}
