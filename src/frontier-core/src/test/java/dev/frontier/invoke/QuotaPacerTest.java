package dev.frontier.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuotaPacerTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final List<Long> waits = new ArrayList<>();
    private final RateLimiter.Sleeper sleeper = n -> {
        waits.add(n);
        now.addAndGet(n);
    };

    @Test
    void aKnownQuotaIsPacedEvenlyAt98PercentWithoutABurst() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.known(100, now::get, sleeper);
        long start = now.get();
        for (int i = 0; i < 98; i++) {
            pacer.acquire();
        }
        // 98 a minute: the first at once, then one every 60/98 s (612,244,897 ns, rounded down)
        assertThat(waits).hasSize(97).allMatch(w -> w == 612_244_897L);
        assertThat(now.get() - start).isEqualTo(97 * 612_244_897L);
    }

    @Test
    void noSlidingMinuteHoldsMoreThanTheShareOfAKnownQuota() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.known(50, now::get, sleeper);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(pacer.acquire().sentAt());
        }
        for (int i = 0; i + 49 < sent.size(); i++) {
            assertThat(sent.get(i + 49) - sent.get(i)).isGreaterThanOrEqualTo(60 * SECOND);
        }
    }

    @Test
    void aLearningPacerHoldsNothingBackUntilAThrottle() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.learning(now::get, sleeper);
        for (int i = 0; i < 1000; i++) {
            pacer.acquire();
        }
        assertThat(waits).isEmpty();
        assertThat(pacer.quota()).isInfinite();
    }

    @Test
    void aThrottleTeachesTheMinutesCountAsTheQuota() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.learning(now::get, sleeper);
        sendSpaced(pacer, 40, SECOND);
        throttleThree(pacer);
        assertThat(pacer.quota()).isEqualTo(40.0);
        // requests sent before the lesson are throttled too; they teach nothing more
        pacer.throttled(new QuotaPacer.Permit(-1, 0));
        assertThat(pacer.quota()).isEqualTo(40.0);
        // 39 a minute (98 % of 40): the minute holds the 40 sent one a second from 40 s ago, so the next goes when
        // the two oldest have left it, 61 s after the first
        assertThat(pacer.acquire().sentAt()).isEqualTo(1_061 * SECOND);
    }

    @Test
    void aThrottleAmongTooFewRequestsTeachesNothing() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.learning(now::get, sleeper);
        for (int i = 0; i < QuotaPacer.EVIDENCE - 1; i++) {
            pacer.acquire();
        }
        throttleThree(pacer);
        assertThat(pacer.quota()).isInfinite();
    }

    @Test
    void throttlesBetweenAdmittedRequestsTeachNothing() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.learning(now::get, sleeper);
        for (int i = 0; i < 100; i++) {
            pacer.acquire();
        }
        for (int i = 0; i < 10; i++) {
            pacer.throttled(pacer.acquire());
            pacer.throttled(pacer.acquire());
            pacer.admitted(pacer.acquire());
        }
        assertThat(pacer.quota()).isInfinite();
    }

    /** {@code count} requests, one every {@code gap} nanoseconds, all admitted. */
    private void sendSpaced(QuotaPacer pacer, int count, long gap) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            pacer.acquire();
            now.addAndGet(gap);
        }
    }

    /** Three requests sent at once and throttled: the pattern of a full quota. */
    private static void throttleThree(QuotaPacer pacer) throws InterruptedException {
        List<QuotaPacer.Permit> permits = List.of(pacer.acquire(), pacer.acquire(), pacer.acquire());
        permits.forEach(pacer::throttled);
    }

    @Test
    void aThirdLessonWithinAMinuteCutsDeeper() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.learning(now::get, sleeper);
        sendSpaced(pacer, 100, SECOND / 2);
        throttleThree(pacer);
        assertThat(pacer.quota()).isEqualTo(100.0);
        // 98 a minute: the next three go 11 to 12 s later, when the minute holds 97; throttled again, the second
        // lesson corrects the first: the 95 sent before them
        throttleThree(pacer);
        assertThat(pacer.quota()).isEqualTo(95.0);
        // a third lesson within the minute: the quota has fallen, 90 % of what is left
        throttleThree(pacer);
        assertThat(pacer.quota()).isLessThan(0.9 * 95);
    }

    @Test
    void aRequestCountedInTheLessonButThrottledAfterwardsLowersTheQuotaByOne() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.learning(now::get, sleeper);
        sendSpaced(pacer, 38, SECOND);
        // two in flight when the window filled: sent before the throttled three, refused after the lesson
        QuotaPacer.Permit late1 = pacer.acquire();
        QuotaPacer.Permit late2 = pacer.acquire();
        now.addAndGet(SECOND);
        throttleThree(pacer);
        assertThat(pacer.quota()).isEqualTo(40.0);
        pacer.throttled(late1);
        pacer.throttled(late2);
        assertThat(pacer.quota()).isEqualTo(38.0);
    }

    @Test
    void afterACalmMinuteAtTheLimitTheQuotaIsProbedUpward() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.learning(now::get, sleeper);
        sendSpaced(pacer, 60, SECOND);
        throttleThree(pacer);
        assertThat(pacer.quota()).isEqualTo(59.0);
        for (int i = 0; i < 100; i++) {
            pacer.acquire();
        }
        // (the first had left the minute) about a minute and a half later the quota has grown in steps of 2 %, 4 %, 8 %, ...
        assertThat(pacer.quota()).isGreaterThan(59.0 * 1.02);
    }

    @Test
    void requestsSentAfterTheThrottledOneDoNotCountInTheLesson() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.learning(now::get, sleeper);
        sendSpaced(pacer, 40, SECOND);
        // three throttled in a row, but five more were sent (still in flight) before their answers came
        List<QuotaPacer.Permit> throttled = List.of(pacer.acquire(), pacer.acquire(), pacer.acquire());
        now.addAndGet(SECOND);
        for (int i = 0; i < 5; i++) {
            pacer.acquire();
        }
        throttled.forEach(pacer::throttled);
        assertThat(pacer.quota()).isEqualTo(40.0);
    }

    @Test
    void aProbeThatMeetsAThrottleEndsAtOnceAndTheNextWaitsLonger() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.learning(now::get, sleeper);
        sendSpaced(pacer, 100, SECOND / 2);
        throttleThree(pacer);
        assertThat(pacer.quota()).isEqualTo(100.0);
        // paced at 98 a minute; a minute after the lesson, with the minute full, the first step (2 %) is taken
        while (pacer.quota() == 100.0) {
            pacer.acquire();
        }
        assertThat(pacer.quota()).isEqualTo(102.0);
        // a single throttle (not three) ends the probe where it began
        pacer.throttled(pacer.acquire());
        assertThat(pacer.quota()).isEqualTo(100.0);
        long ended = now.get();
        while (pacer.quota() == 100.0) {
            pacer.acquire();
        }
        // the next probe waits two calm minutes, not one
        assertThat(now.get() - ended).isGreaterThanOrEqualTo(120 * SECOND);
    }

    @Test
    void aProbeThatClimbedSeveralStepsFallsBackBelowTheStepBeforeTheLast() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.learning(now::get, sleeper);
        sendSpaced(pacer, 100, SECOND / 2);
        throttleThree(pacer);
        // steps of 2 %, 4 %, 8 %: 102, 106.08, 114.5664
        while (pacer.quota() < 114) {
            pacer.acquire();
        }
        assertThat(pacer.quota()).isCloseTo(100 * 1.02 * 1.04 * 1.08, org.assertj.core.api.Assertions.within(1e-9));
        pacer.throttled(pacer.acquire());
        assertThat(pacer.quota()).isCloseTo(100 * 1.04, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void anAdmittedRequestLeavesTheMinuteAMinuteAfterItsAnswerNotItsSend() throws InterruptedException {
        QuotaPacer pacer = QuotaPacer.known(10, now::get, sleeper); // 9 a minute
        List<QuotaPacer.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            permits.add(pacer.acquire());
        }
        long first = permits.get(0).sentAt();
        // the first took 20 s to answer (it reached the service late): it holds its place until 20 s after a minute
        now.set(first + 20 * SECOND);
        pacer.admitted(permits.get(0));
        for (int i = 1; i < 9; i++) {
            pacer.admitted(permits.get(i));
        }
        assertThat(pacer.acquire().sentAt()).isEqualTo(first + 80 * SECOND);
    }

    @Test
    void aKnownQuotaMustBePositive() {
        assertThatThrownBy(() -> QuotaPacer.known(0, now::get, sleeper))
                .hasMessage("a requests-per-minute quota must be at least 1");
    }
}
