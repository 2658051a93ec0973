package dev.frontier.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One candidate: a model with its effective prompt and inference parameters, or outputs made elsewhere.
 *
 * @param id        unique within the suite
 * @param model     Bedrock model id, inference profile or ARN; for imported outputs the model they are priced as
 *                  ({@code priceAs}), or {@code imported} when none is named
 * @param incumbent whether this is the model in production today
 * @param prompt    the effective prompt (suite prompt with the candidate's overrides)
 * @param inference the effective inference parameters
 * @param imported  where its outputs come from when it makes no calls; empty for a model candidate
 */
public record CandidateSpec(String id, String model, boolean incumbent, PromptSpec prompt, InferenceSpec inference,
                            Optional<ImportSpec> imported) {

    public CandidateSpec(String id, String model, boolean incumbent, PromptSpec prompt, InferenceSpec inference) {
        this(id, model, incumbent, prompt, inference, Optional.empty());
    }

    /** Whether its outputs are imported rather than called. */
    public boolean isImported() {
        return imported.isPresent();
    }

    /**
     * Outputs made elsewhere.
     *
     * @param file            the outputs file (or a folder of batch outputs), resolved against the suite
     * @param format          {@code jsonl}, {@code bedrock-batch} or {@code bedrock-eval}
     * @param priced          whether {@code model} names a model to price them as
     * @param modelIdentifier for {@code bedrock-eval}: which response of a record to take; empty for the first
     */
    public record ImportSpec(Path file, Format format, boolean priced, Optional<String> modelIdentifier) {
    }

    /** Formats of imported outputs. */
    public enum Format { JSONL, BEDROCK_BATCH, BEDROCK_EVAL }
}
