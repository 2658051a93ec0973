package dev.frontier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3UriTest {

    @Test
    void parsesBucketAndKey() {
        S3Uri uri = S3Uri.parse("s3://my-bucket.data/eval/run-1/");
        assertThat(uri.bucket()).isEqualTo("my-bucket.data");
        assertThat(uri.key()).isEqualTo("eval/run-1/");
        assertThat(uri.resolve("train.jsonl")).hasToString("s3://my-bucket.data/eval/run-1/train.jsonl");
        assertThat(S3Uri.parse("s3://abc").resolve("x")).hasToString("s3://abc/x");
        assertThat(S3Uri.parse("s3://abc/p").prefix()).isEqualTo("p/");
    }

    @Test
    void refusesWhatS3WouldRefuseWithTheFix() {
        assertThatThrownBy(() -> S3Uri.parse("https://bucket/x")).hasMessageContaining("write s3://bucket/prefix/");
        assertThatThrownBy(() -> S3Uri.parse("s3:///x")).hasMessageContaining("names no bucket");
        assertThatThrownBy(() -> S3Uri.parse("s3://My_Bucket/x")).hasMessageContaining("lowercase letters");
        assertThatThrownBy(() -> S3Uri.parse("s3://ab/x")).hasMessageContaining("3 to 63");
        assertThatThrownBy(() -> S3Uri.parse("s3://a..b/x")).hasMessageContaining("\"..\"");
        assertThatThrownBy(() -> S3Uri.parse("s3://192.168.1.1/x")).hasMessageContaining("IP address");
    }
}
