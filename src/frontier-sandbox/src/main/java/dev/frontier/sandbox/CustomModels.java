package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * How the sandbox's custom models answer: invoked through a Provisioned Throughput or custom model deployment ARN
 * (as on Bedrock, a custom model is not invoked by its own ARN), a distilled model behaves between its student and
 * its teacher, nearer the teacher the more prompts it was trained on; a fine-tuned model gains on its student by
 * the same rule towards a ceiling. It keeps its student's verbosity, speed and prompt caching. The answers are
 * deterministic and differ from the student's, because the model's id (its ARN) seeds them.
 */
final class CustomModels {

    /** Where a fine-tuned model's quality heads without a teacher. */
    private static final double FINE_TUNING_CEILING = 0.95;
    /** Share of the student–teacher gap closed with the fewest (100) prompts ... */
    private static final double BASE_SHARE = 0.55;
    /** ... and what 15,000 prompts add to it. */
    private static final double DATA_SHARE = 0.35;

    private final ModelCatalog base;
    private volatile ControlState state;
    private volatile CustomizationOperations jobs;

    CustomModels(ModelCatalog base) {
        this.base = base;
    }

    /** Connects the control plane once the sandbox's S3 runs; before that (or without S3) nothing resolves. */
    void attach(ControlState newState, CustomizationOperations newJobs) {
        this.state = newState;
        this.jobs = newJobs;
    }

    /** The share of the student–teacher gap a model trained on {@code records} prompts closes, in [0.55, 0.9]. */
    static double share(int records) {
        double r = Math.max(100, Math.min(15_000, records));
        return BASE_SHARE + DATA_SHARE * Math.log(r / 100.0) / Math.log(150.0);
    }

    /** The training loss a job on {@code records} prompts reports. */
    static double trainingLoss(int records) {
        return 0.25 + 2.0 / Math.sqrt(Math.max(1, records));
    }

    /**
     * The profile behind a Provisioned Throughput or deployment ARN; empty for other ids.
     *
     * @throws BedrockError 404 for an unknown resource, 429 {@code ModelNotReadyException} while it is created
     */
    Optional<ModelProfile> resolve(String modelId) {
        ControlState s = state;
        if (s == null) {
            return Optional.empty();
        }
        String kind;
        if (modelId.contains(":provisioned-model/")) {
            kind = ServingOperations.PROVISIONED;
        } else if (modelId.contains(":custom-model-deployment/")) {
            kind = ServingOperations.DEPLOYMENTS;
        } else {
            return Optional.empty();
        }
        ObjectNode resource = s.read(kind, ControlState.lastPart(modelId)).filter(r -> !r.path("deleted").asBoolean())
                .orElseThrow(() -> CustomizationOperations.notFound("model", modelId));
        if (s.progress(resource) < 1) {
            throw new BedrockError(429, "ModelNotReadyException", "The model " + modelId + " is not ready yet; it is "
                    + "being created.");
        }
        ObjectNode model = jobs.customModel(resource.path("modelArn").asText())
                .orElseThrow(() -> CustomizationOperations.notFound("custom model", resource.path("modelArn").asText()));
        return Optional.of(profile(model));
    }

    /** The custom model's profile from its record (student, teacher, training records). */
    ModelProfile profile(ObjectNode model) {
        ModelProfile student = base.resolve(model.path("student").asText()).orElseThrow();
        double target = model.has("teacher")
                ? base.resolve(model.path("teacher").asText()).map(ModelProfile::tier).orElse(student.tier())
                : Math.max(student.tier(), FINE_TUNING_CEILING);
        double tier = student.tier() + (target - student.tier()) * share(model.path("records").asInt());
        return new ModelProfile(model.path("modelArn").asText(), Math.min(1, tier), student.verbosity(),
                student.baseLatencyMs(), student.msPerOutputToken(), student.msPerThousandInputTokens(),
                student.cacheMinTokens());
    }
}
