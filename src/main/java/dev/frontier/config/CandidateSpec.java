package dev.frontier.config;

/**
 * One candidate: a model with its effective prompt and inference parameters.
 *
 * @param id        unique within the suite
 * @param model     Bedrock model id, inference profile or ARN
 * @param incumbent whether this is the model in production today
 * @param prompt    the effective prompt (suite prompt with the candidate's overrides)
 * @param inference the effective inference parameters
 */
public record CandidateSpec(String id, String model, boolean incumbent, PromptSpec prompt, InferenceSpec inference) {
}
