package dev.frontier.sandbox;

/**
 * How much a sandbox batch inference job can get done within its {@code timeoutDurationInHours}, in simulated hours
 * (the job's whole life still takes the sandbox's {@code jobTime}). A job waits {@code queueHours} before it can
 * start; one that cannot start before its timeout ends {@code Expired} with no output. Once started it answers
 * {@code recordsPerHour} records an hour, in input order; records that do not fit before the timeout are not
 * processed and the job ends {@code PartiallyCompleted}, with the outputs and manifest of what it did.
 *
 * @param queueHours     simulated hours a job waits before it starts, 0 for none
 * @param recordsPerHour records answered per simulated hour, 0 for no limit
 */
public record BatchCapacity(int queueHours, long recordsPerHour) {

    /** Every job starts at once and answers all its records: Bedrock on a quiet day. */
    public static final BatchCapacity UNLIMITED = new BatchCapacity(0, 0);

    public BatchCapacity {
        if (queueHours < 0) {
            throw new IllegalArgumentException("queueHours must not be negative: " + queueHours);
        }
        if (recordsPerHour < 0) {
            throw new IllegalArgumentException("recordsPerHour must not be negative: " + recordsPerHour);
        }
    }

    /** Whether a job with this timeout never starts. */
    boolean expires(int timeoutHours) {
        return queueHours >= timeoutHours;
    }

    /** How many of {@code total} records a job with this timeout processes. */
    long processable(long total, int timeoutHours) {
        if (expires(timeoutHours)) {
            return 0;
        }
        if (recordsPerHour == 0) {
            return total;
        }
        return Math.min(total, (timeoutHours - queueHours) * recordsPerHour);
    }
}
