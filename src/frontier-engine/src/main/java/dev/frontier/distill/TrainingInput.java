package dev.frontier.distill;

/**
 * What a customization job trains on: a training file exported from the suite's dataset ({@link TrainingData}) or a
 * filtered copy of Bedrock's model-invocation logs ({@link LogCopy}). Either way the evaluation holdout is left out.
 */
public sealed interface TrainingInput permits TrainingData, LogCopy {

    /** The training records (prompts or prompt-response pairs) the job will see. */
    int records();

    /** Hex SHA-256 of the staged bytes; part of the job's idempotency token. */
    String sha256();
}
