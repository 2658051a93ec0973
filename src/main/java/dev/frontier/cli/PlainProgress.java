package dev.frontier.cli;

import dev.frontier.run.Runner;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/** Progress as a plain line at every tenth of the work (fit for CI logs). */
final class PlainProgress implements Runner.Progress {
    private final PrintWriter err;
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger lastTenth = new AtomicInteger();

    PlainProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void callFinished(int done, int total, String candidateId, boolean callFailed) {
        if (callFailed) {
            failed.incrementAndGet();
        }
        int tenth = done * 10 / total;
        int seen = lastTenth.get();
        if (tenth > seen && lastTenth.compareAndSet(seen, tenth)) {
            synchronized (err) {
                err.printf("  %3d%%  %d/%d calls, %d failed%n", tenth * 10, done, total, failed.get());
                err.flush();
            }
        }
    }
}
