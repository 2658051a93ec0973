package dev.frontier.bedrock;

import dev.frontier.invoke.S3Objects;
import dev.frontier.invoke.CloudException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.model.S3Uri;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The SDK's S3 client against the sandbox's s3proxy: the staging path every S3 feature takes. */
class SdkS3ObjectsTest {

    private static BedrockSettings settings(Sandbox sandbox) {
        return new BedrockSettings(Optional.of("us-east-1"),
                BedrockSettings.Endpoints.local(sandbox.endpoint(), sandbox.s3Endpoint()),
                new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(30), "frontier#test");
    }

    @Test
    void uploadsListsAndReadsWithOwnerAndKmsKeyNamed(@TempDir Path dir) throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(null));
             S3Client client = CloudClients.s3(settings(sandbox))) {
            sandbox.createBucket("frontier-staging");
            S3Objects s3 = new SdkS3Objects(client, Optional.of("123456789012"),
                    Optional.of("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
            S3Uri prefix = S3Uri.parse("s3://frontier-staging/runs/r1/");
            Path file = dir.resolve("train.jsonl");
            Files.writeString(file, "{\"a\":1}\n");
            s3.put(prefix.resolve("train.jsonl"), file);
            s3.put(prefix.resolve("b/c.txt"), "hello".getBytes(StandardCharsets.UTF_8));

            assertThat(s3.list(prefix)).extracting(S3Uri::toString).containsExactly(
                    "s3://frontier-staging/runs/r1/b/c.txt", "s3://frontier-staging/runs/r1/train.jsonl");
            try (InputStream in = s3.open(prefix.resolve("train.jsonl")).orElseThrow()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
            }
            assertThat(s3.open(prefix.resolve("missing"))).isEmpty();
        }
    }

    @Test
    void aMissingBucketIsReportedWithItsUriAndTheFix() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(null));
             S3Client client = CloudClients.s3(settings(sandbox))) {
            S3Objects s3 = new SdkS3Objects(client, Optional.empty(), Optional.empty());
            assertThatThrownBy(() -> s3.put(S3Uri.parse("s3://no-such-bucket/x"), new byte[]{1}))
                    .isInstanceOf(CloudException.class)
                    .hasMessageContaining("s3://no-such-bucket/x")
                    .hasMessageContaining("NoSuchBucket")
                    .hasMessageContaining("create the bucket");
        }
    }

    @Test
    void objectsSurviveARestartWhenTheSandboxKeepsState(@TempDir Path state) {
        S3Uri uri = S3Uri.parse("s3://kept/a.txt");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(state));
             S3Client client = CloudClients.s3(settings(sandbox))) {
            sandbox.createBucket("kept");
            new SdkS3Objects(client, Optional.empty(), Optional.empty()).put(uri, "x".getBytes(StandardCharsets.UTF_8));
        }
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(state));
             S3Client client = CloudClients.s3(settings(sandbox))) {
            assertThat(new SdkS3Objects(client, Optional.empty(), Optional.empty()).list(S3Uri.parse("s3://kept/")))
                    .containsExactly(uri);
        }
    }
}
