package dev.frontier.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared rules for untrusted input: id shapes, redaction of credentials, control and bidi characters. */
class UntrustedInputTest {

    @Test
    void idsThatCouldBePathsAreRefused() {
        assertThat(Ids.suiteProblem("support-summaries")).isEmpty();
        assertThat(Ids.nameProblem("judge.v2_b-1")).isEmpty();
        assertThat(Ids.runProblem("20261127-183000-ab12")).isEmpty();
        for (String bad : new String[] {"..", "../../src", "/etc", "a/b", "a\\b", ".hidden", "", "a\u001bb",
            "a\u202eb", "a b", "x".repeat(64)}) {
            assertThat(Ids.nameProblem(bad)).as(bad).isPresent();
            assertThat(Ids.suiteProblem(bad)).as(bad).isPresent();
            assertThat(Ids.runProblem(bad)).as(bad).isPresent();
        }
        assertThat(Ids.nameProblem(null)).hasValueSatisfying(p -> assertThat(p).contains("'null'"));
        assertThat(Ids.shown("a\u001bb\u202e")).isEqualTo("a\\u001Bb\\u202E");
    }

    @Test
    void credentialsInEndpointMessagesAreRedacted() {
        String echoed = "400 Bad Request: Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261127/"
                + "us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "ab".repeat(32)
                + "\nX-Amz-Security-Token: IQoJb3JpZ2luX2VjEJr" + "A".repeat(300)
                + "\nkey ASIAXYZXYZXYZXYZXYZ1 secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
                + " aws_secret_access_key=abc123 sessionToken=\"tok\"";
        String r = Redaction.redact(echoed);
        assertThat(r).doesNotContain("AKIAIOSFODNN7EXAMPLE", "IQoJb3JpZ2lu", "ASIAXYZXYZXYZXYZXYZ1",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "abc123", "\"tok\"", "ab".repeat(32));
        assertThat(r).contains("400 Bad Request", "Authorization: [redacted]", "ASIA[redacted]",
                "X-Amz-Security-Token: [redacted]");
        // ordinary messages, request ids and hex digests stay as they are
        String plain = "ThrottlingException: Too many requests, please wait (request 3f2a9c1e-0b7d-4e8e-9a51-"
                + "1c2d3e4f5a6b, sha1 " + "0123456789abcdef0123456789abcdef01234567" + ")";
        assertThat(Redaction.redact(plain)).isEqualTo(plain);
        assertThat(Redaction.redact(null)).isNull();
    }

    @Test
    void aFailureNeverHoldsTheCredentialsItWasGiven() {
        CallResult.Failure f = new CallResult.Failure("ValidationException",
                "echo: x-amz-security-token=FQoGZXIvYXdzE" + "b".repeat(200) + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE",
                false, 5);
        assertThat(f.message()).doesNotContain("FQoGZXIvYXdzE", "AKIAIOSFODNN7EXAMPLE").contains("[redacted]");
    }

    @Test
    void controlAndBidiCharactersAreStrippedButTextAndLineBreaksKept() {
        assertThat(UntrustedText.strip("a\u001b[31mred\u001b[0m\tb\nc\r\n\u202eevil\u2066x\u2069\u0000\u007f\u0085"))
                .isEqualTo("a[31mred[0m\tb\nc\r\nevilx");
        assertThat(UntrustedText.strip("plain ünïcode ✓")).isEqualTo("plain ünïcode ✓");
        assertThat(MarkdownText.escape("x\u001b\u202ey")).isEqualTo("xy");
    }

    @Test
    void anUnclosedPlaceholderIsFound() {
        assertThat(new Template("Hi {{name}}, {{ topic }}").unclosedPlaceholder()).isEmpty();
        assertThat(new Template("Hi {{name").unclosedPlaceholder()).hasValue("{{name");
        assertThat(new Template("Hi {{name}} and {{other}").unclosedPlaceholder()).hasValue("{{other}");
        assertThat(new Template("{{}}").unclosedPlaceholder()).hasValue("{{}}");
        assertThat(new Template("{ \"json\": {\"a\": 1}}").unclosedPlaceholder()).isEmpty();
    }
}
