/**
 * Customizing a cheaper model when none qualifies: {@link dev.frontier.distill.DistillationCheck} (the suite's
 * section against the supported pairs, hyperparameter ranges and staging), {@link dev.frontier.distill.TrainingData}
 * (the {@code bedrock-conversation-2024} file, holdout items never in it), {@link dev.frontier.distill.Payback} (one-off
 * costs against the monthly saving) and {@link dev.frontier.distill.JobPlan} (the exact customization request with an
 * idempotency token). {@link dev.frontier.distill.Distiller} is the front door that stages, launches, follows and
 * serves the job. The facts about Bedrock's customization live in {@link dev.frontier.distill.CustomizationCatalog}.
 */
package dev.frontier.distill;
