package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad distillation input ends with exit 2 and a file:line:col message that says what to fix; nothing is sent. */
@Tag("e2e")
class DistillInputTest {

    @TempDir
    Path dir;

    private Path suite(String from, String to) throws IOException {
        String text = Files.readString(Path.of("eval-configs/intent-distillation.yaml"))
                .replace("../datasets/intents-support.csv", Path.of("datasets/intents-support.csv").toAbsolutePath().toString());
        assertThat(text).contains(from);
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    private MainTest.Outcome distill(Path suite, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "distill";
        args[1] = suite.toString();
        args[2] = "--store";
        args[3] = dir.resolve("store.db").toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return MainTest.frontier(args);
    }

    @Test
    void aUserArnInsteadOfARoleIsRefusedWithItsPosition() throws IOException {
        MainTest.Outcome o = distill(suite("role/BedrockCustomization", "user/alice"), "--sandbox");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).containsPattern("suite\\.yaml:\\d+:\\d+ staging\\.roleArn: .*is an IAM user, not a role")
                .contains("arn:aws:iam::123456789012:role/NAME").doesNotContain("Exception");
    }

    @Test
    void aBadS3UriIsRefusedWithItsPosition() throws IOException {
        MainTest.Outcome o = distill(suite("s3://frontier-demo/distill/", "s3://Frontier_Demo/distill/"));
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).containsPattern("suite\\.yaml:\\d+:\\d+ staging\\.s3: bad S3 URI")
                .contains("lowercase letters");
    }

    @Test
    void anUnsupportedPairListsTheSupportedOnes() throws IOException {
        MainTest.Outcome o = distill(suite("student: amazon.nova-lite-v1:0:300k",
                "student: anthropic.claude-3-haiku-20240307-v1:0:200k"));
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).containsPattern("suite\\.yaml:\\d+:\\d+ distillation\\.student: amazon\\.nova-pro-v1:0 → "
                + "anthropic\\.claude-3-haiku-20240307-v1:0 is not a supported distillation pair")
                .contains("amazon.nova-pro-v1:0 → amazon.nova-lite-v1:0:300k",
                        "anthropic.claude-3-5-sonnet-20241022-v2:0 → anthropic.claude-3-haiku-20240307-v1:0:200k (us-west-2)");
    }

    @Test
    void validateChecksThePairToo() throws IOException {
        MainTest.Outcome o = MainTest.frontier("validate", suite("student: amazon.nova-lite-v1:0:300k",
                "student: meta.llama3-1-8b-instruct-v1:0:128k").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("distillation.student: amazon.nova-pro-v1:0 → meta.llama3-1-8b-instruct-v1:0 "
                + "is not a supported distillation pair");
    }

    @Test
    void tooFewPromptsSayHowToGetMore() throws IOException {
        MainTest.Outcome o = distill(suite("holdout: 0.30", "holdout: 0.8"));
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).containsPattern("suite\\.yaml:\\d+:\\d+ dataset: only \\d+ training prompts outside the "
                + "holdout; a distillation job needs at least 100").contains("lower dataset.holdout");
    }

    @Test
    void hyperparametersOutsideTheFamilysRangesAreRefused() throws IOException {
        MainTest.Outcome o = distill(suite("  method: distillation\n", "  method: fine-tuning\n  goldenThreshold: 0.9\n"
                + "  hyperParameters: { epochCount: 9, learningRate: 0.00002 }\n"));
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).containsPattern("distillation\\.hyperParameters\\.epochCount: epochCount = 9 is outside "
                + "1–5 for amazon\\.nova-lite-v1:0").doesNotContain("learningRate");
    }

    @Test
    void aLaunchWithoutAKnownPriceNamesThePriceToSupply() throws IOException {
        Path s = suite("  trainingPer1kTokens: 0.002", "");
        MainTest.Outcome run = MainTest.frontier("run", s.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--store", dir.resolve("store.db").toString(), "--reports", dir.resolve("reports").toString());
        assertThat(run.code()).as(run.err()).isZero();
        MainTest.Outcome o = distill(s, "--sandbox", "--launch");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("cannot launch while the return is unknown: give distillation.trainingPer1kTokens");
        assertThat(o.out()).contains("one-off: teacher inference $0.14 + training unknown = unknown");
    }

    @Test
    void jobsRefusesWhatIsNotAJobArn() {
        MainTest.Outcome o = MainTest.frontier("jobs", "stop", "arn:aws:iam::123456789012:role/x", "--store",
                dir.resolve("store.db").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("is not the ARN of a Bedrock job or serving resource",
                "model-customization-job/", "model-invocation-job/");
    }
}
