package dev.frontier.run.aggregate;

/**
 * Call counters of this process, for the run record.
 *
 * @param cacheMisses requests the response cache did not answer
 * @param attempts    requests sent, retries included
 * @param retries     requests sent again
 * @param throttles   requests refused by throttling
 */
public record Counters(int cacheMisses, long attempts, long retries, long throttles) {
}
