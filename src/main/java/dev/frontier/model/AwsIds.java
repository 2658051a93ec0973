package dev.frontier.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of AWS identifiers made before any call, so a typo is reported with the file and line it came from rather
 * than as an error from AWS minutes into a run. Each check returns what is wrong and the expected form, or empty.
 */
public final class AwsIds {

    private static final String PARTITION = "aws(-cn|-us-gov|-iso|-iso-b)?";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile(
            "arn:" + PARTITION + ":iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern KMS_KEY = Pattern.compile(
            "arn:" + PARTITION + ":kms:[a-z0-9-]+:\\d{12}:(key|alias)/[\\w/+=,.@-]+"
                    + "|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|alias/[\\w/+=,.@-]+");

    private AwsIds() {
    }

    /** An IAM role ARN such as {@code arn:aws:iam::123456789012:role/BedrockJobs}. */
    public static Optional<String> roleArnProblem(String value) {
        if (ROLE_ARN.matcher(value).matches()) {
            return Optional.empty();
        }
        if (value.startsWith("arn:") && value.contains(":user/")) {
            return Optional.of("'" + value + "' is an IAM user, not a role (Bedrock assumes a role: "
                    + "arn:aws:iam::123456789012:role/NAME)");
        }
        return Optional.of("'" + value + "' is not an IAM role ARN (write arn:aws:iam::123456789012:role/NAME)");
    }

    /** A 12-digit AWS account id. */
    public static Optional<String> accountProblem(String value) {
        return ACCOUNT.matcher(value).matches() ? Optional.empty()
                : Optional.of("'" + value + "' is not a 12-digit AWS account id (quote it in YAML: \"123456789012\")");
    }

    /** A KMS key id, key ARN, alias name or alias ARN. */
    public static Optional<String> kmsKeyProblem(String value) {
        return KMS_KEY.matcher(value).matches() ? Optional.empty()
                : Optional.of("'" + value + "' is not a KMS key (write a key ARN, a key id or alias/NAME)");
    }
}
