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

    /** Bedrock's partition prefix in its own ARN patterns ({@code arn:aws(-[^:]+)?:bedrock:...}). */
    private static final String BEDROCK = "arn:aws(-[a-z-]+)?:bedrock:[a-z0-9-]{1,20}:\\d{12}:";

    private AwsIds() {
    }

    /**
     * The Bedrock jobs and serving resources frontier creates, each with the ARN pattern of the Bedrock API reference
     * (batch: {@code ModelInvocationJobArn}, {@code arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:
     * model-invocation-job/[a-z0-9]{12}}, GetModelInvocationJob).
     */
    public enum BedrockJob {
        CUSTOMIZATION_JOB("model-customization-job", "[A-Za-z0-9._:/+-]+", "customization job"),
        BATCH_JOB("model-invocation-job", "[a-z0-9]{12}", "batch inference job"),
        PROVISIONED_MODEL("provisioned-model", "[a-z0-9]+", "Provisioned Throughput"),
        CUSTOM_MODEL_DEPLOYMENT("custom-model-deployment", "[a-z0-9]+", "custom model deployment"),
        /** A configured prompt router ({@code PromptRouterArn}: {@code …:prompt-router/<id>}); default routers are
         *  Bedrock's own and are never created or deleted. */
        PROMPT_ROUTER("prompt-router", "[a-z0-9]+", "prompt router");

        private final String resource;
        private final Pattern pattern;
        private final String label;

        BedrockJob(String resource, String id, String label) {
            this.resource = resource;
            this.pattern = Pattern.compile(BEDROCK + resource + "/" + id);
            this.label = label;
        }

        /** What the user calls it, e.g. "batch inference job". */
        public String label() {
            return label;
        }

        /** The ARN's form, e.g. {@code arn:aws:bedrock:REGION:ACCOUNT:model-invocation-job/ID}. */
        public String form() {
            return "arn:aws:bedrock:REGION:ACCOUNT:" + resource + "/ID";
        }
    }

    /** Which kind of Bedrock job or serving resource an ARN names; empty when it names none of them. */
    public static Optional<BedrockJob> bedrockJob(String arn) {
        for (BedrockJob kind : BedrockJob.values()) {
            if (kind.pattern.matcher(arn).matches()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** What is wrong with an ARN given where a Bedrock job or serving resource is expected, with the forms. */
    public static Optional<String> bedrockJobProblem(String arn) {
        if (bedrockJob(arn).isPresent()) {
            return Optional.empty();
        }
        StringBuilder forms = new StringBuilder();
        for (BedrockJob kind : BedrockJob.values()) {
            forms.append(forms.length() == 0 ? "" : ", ").append(kind.form()).append(" (").append(kind.label())
                    .append(')');
        }
        String hint = arn.matches("[a-z0-9]{12}") ? "give the job's full ARN, not its id; " : "";
        return Optional.of("'" + arn + "' is not the ARN of a Bedrock job or serving resource (" + hint + "write "
                + forms + ", as printed by 'frontier jobs list')");
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
