package dev.frontier.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsIdsTest {

    @Test
    void eachKindOfBedrockJobArnIsRecognized() {
        assertThat(AwsIds.bedrockJob("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/a1b2c3d4e5f6"))
                .hasValue(AwsIds.BedrockJob.BATCH_JOB);
        assertThat(AwsIds.bedrockJob("arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:model-invocation-job/"
                + "a1b2c3d4e5f6")).hasValue(AwsIds.BedrockJob.BATCH_JOB);
        assertThat(AwsIds.bedrockJob("arn:aws:bedrock:us-east-1:123456789012:model-customization-job/"
                + "amazon.nova-lite-v1:0:300k/abc123def456")).hasValue(AwsIds.BedrockJob.CUSTOMIZATION_JOB);
        assertThat(AwsIds.bedrockJob("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123"))
                .hasValue(AwsIds.BedrockJob.PROVISIONED_MODEL);
        assertThat(AwsIds.bedrockJob("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abc123"))
                .hasValue(AwsIds.BedrockJob.CUSTOM_MODEL_DEPLOYMENT);
        assertThat(AwsIds.bedrockJob("arn:aws:bedrock:us-east-1:123456789012:prompt-router/abc123def456"))
                .hasValue(AwsIds.BedrockJob.PROMPT_ROUTER);
        // Bedrock's own routers are not frontier's to stop
        assertThat(AwsIds.bedrockJob("arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/amazon.nova:1"))
                .isEmpty();
        assertThat(AwsIds.bedrockJobProblem("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/"
                + "a1b2c3d4e5f6")).isEmpty();
    }

    @Test
    void batchJobIdsAreTwelveLowercaseLettersAndDigits() {
        // Bedrock API reference, ModelInvocationJobArn: ...:model-invocation-job/[a-z0-9]{12}
        assertThat(AwsIds.bedrockJob("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/a1b2c3d4e5f"))
                .isEmpty();
        assertThat(AwsIds.bedrockJob("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/A1B2C3D4E5F6"))
                .isEmpty();
        assertThat(AwsIds.bedrockJob("arn:aws:bedrock:us-east-1:12345678901:model-invocation-job/a1b2c3d4e5f6"))
                .as("an 11-digit account").isEmpty();
        assertThat(AwsIds.bedrockJob("arn:aws:sagemaker:us-east-1:123456789012:model-invocation-job/a1b2c3d4e5f6"))
                .isEmpty();
        assertThat(AwsIds.bedrockJobProblem("a1b2c3d4e5f6").orElseThrow())
                .contains("give the job's full ARN, not its id", "model-invocation-job/ID (batch inference job)");
    }
}
