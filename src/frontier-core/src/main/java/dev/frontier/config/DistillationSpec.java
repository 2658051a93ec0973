package dev.frontier.config;

import dev.frontier.model.RequestMetadataFilter;
import dev.frontier.model.S3Uri;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The suite's {@code distillation:} section: which custom model to make when no cheaper candidate qualifies, and
 * the prices needed to tell whether it pays for itself.
 *
 * @param method                        distillation (a teacher writes the answers) or fine-tuning (on the
 *                                      teacher's good answers)
 * @param teacher                       the candidate id whose model and prompt teach
 * @param student                       the base model to customize, e.g. {@code amazon.nova-lite-v1:0:300k}
 * @param maxResponseLengthForInference the teacher's answer limit in tokens (distillation)
 * @param hyperParameters               hyperparameters by name as written (fine-tuning), checked per model family
 * @param goldenThreshold               teacher outputs with at least this quality become the assistant turn;
 *                                      empty for prompts only
 * @param trainingPer1kTokens           USD per 1,000 training tokens (× epochs); empty when not known
 * @param storagePerMonth               USD per custom model per month; empty when not known
 * @param horizonMonths                 the payback period a launch must fit in
 * @param serving                       how the custom model would be served
 * @param source                        where the training prompts come from: the suite's dataset (the default) or
 *                                      Bedrock's model-invocation logs
 */
public record DistillationSpec(Method method, String teacher, String student, int maxResponseLengthForInference,
                               Map<String, String> hyperParameters, OptionalDouble goldenThreshold,
                               Optional<BigDecimal> trainingPer1kTokens, Optional<BigDecimal> storagePerMonth,
                               int horizonMonths, Serving serving, Source source) {

    public DistillationSpec {
        hyperParameters = Map.copyOf(hyperParameters);
        java.util.Objects.requireNonNull(source, "source");
    }

    /** Where the training prompts come from ({@code distillation.source}). */
    public sealed interface Source {
    }

    /** The suite's dataset, outside the holdout, rendered with the teacher's prompt. */
    public record FromDataset() implements Source {
    }

    /**
     * Bedrock's model-invocation logs ({@code source: invocation-logs}).
     *
     * @param s3Uri             the prefix the logs are delivered under
     * @param filters           which logged calls to take, by their request metadata; empty for all
     * @param usePromptResponse whether the logged answers are the training targets (otherwise the teacher
     *                          answers the logged prompts)
     */
    public record FromInvocationLogs(S3Uri s3Uri, Optional<RequestMetadataFilter> filters, boolean usePromptResponse)
            implements Source {
    }

    /** The customization type. */
    public enum Method {
        DISTILLATION("distillation", "DISTILLATION"), FINE_TUNING("fine-tuning", "FINE_TUNING");

        private final String yaml;
        private final String api;

        Method(String yaml, String api) {
            this.yaml = yaml;
            this.api = api;
        }

        /** As written in the suite. */
        public String yaml() {
            return yaml;
        }

        /** Bedrock's {@code customizationType}. */
        public String api() {
            return api;
        }

        /** The method written {@code text}, if any. */
        public static Optional<Method> of(String text) {
            for (Method m : values()) {
                if (m.yaml.equals(text)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * How the custom model is served.
     *
     * @param mode               {@code provisioned} (Provisioned Throughput) or {@code on-demand-deployment}
     * @param modelUnits         model units to buy (provisioned)
     * @param commitment         {@code none}, {@code OneMonth} or {@code SixMonths} (provisioned)
     * @param hourlyPerModelUnit USD per model unit per hour (provisioned); empty when not known
     */
    public record Serving(Mode mode, OptionalInt modelUnits, String commitment,
                          Optional<BigDecimal> hourlyPerModelUnit) {
    }

    /** Serving modes. */
    public enum Mode {
        PROVISIONED("provisioned"), ON_DEMAND_DEPLOYMENT("on-demand-deployment");

        private final String yaml;

        Mode(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }

        public static Optional<Mode> of(String text) {
            for (Mode m : values()) {
                if (m.yaml.equals(text)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }
}
