package dev.frontier.run.flow;

import java.math.BigDecimal;
import java.time.Duration;

/** Receives a run's progress as calls finish. Called from worker threads. */
public interface RunProgress {
    /** One call finished: {@code done} of {@code total}, eval spend so far. */
    void callFinished(int done, int total, String candidateId, boolean failed, BigDecimal spent);

    RunProgress NONE = (done, total, candidateId, failed, spent) -> { };

    /** Every output is in; {@code scorers} judge and label scorers now score {@code outputs} outputs. */
    default void reviewing(int outputs, int scorers) {
    }

    /**
     * Round {@code round} (from 2) calls again {@code calls} calls that were throttled out or cut off, with fewer
     * calls in flight, after waiting {@code pause}.
     */
    default void laterRound(int round, int calls, Duration pause) {
    }
}
