package dev.frontier.cli;

import dev.frontier.run.flow.RunProgress;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Progress for logs (CI): a plain line every few seconds, and one at the end. */
final class PlainProgress implements RunProgress {
    private static final long EVERY_NANOS = 5_000_000_000L;
    private final PrintWriter err;
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong lastPrint = new AtomicLong(System.nanoTime());

    PlainProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void callFinished(int done, int total, String candidateId, boolean callFailed, BigDecimal spent) {
        if (callFailed) {
            failed.incrementAndGet();
        }
        long now = System.nanoTime();
        long last = lastPrint.get();
        if ((now - last >= EVERY_NANOS && lastPrint.compareAndSet(last, now)) || done == total) {
            synchronized (err) {
                err.printf("  %3d%%  %d/%d calls, %d failed, spent $%s%n", done * 100 / total, done, total,
                        failed.get(), spent.setScale(4, RoundingMode.HALF_EVEN).toPlainString());
                err.flush();
            }
        }
    }

    @Override
    public void laterRound(int round, int calls, java.time.Duration pause) {
        synchronized (err) {
            err.printf("  round %d: %d calls throttled out or cut off are called again in %d s, with fewer in "
                    + "flight%n", round, calls, pause.toSeconds());
            err.flush();
        }
    }

    @Override
    public void reviewing(int outputs, int scorers) {
        synchronized (err) {
            err.printf("  scoring %d outputs with %d judge and label scorer%s ...%n", outputs, scorers,
                    scorers == 1 ? "" : "s");
            err.flush();
        }
    }
}
