package dev.frontier.cli;

import dev.frontier.run.flow.RunProgress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress on a terminal: a progress bar with calls done, ETA, spend so far and failures. */
final class TerminalProgress implements RunProgress, AutoCloseable {
    private final ProgressBar bar;
    private final AtomicInteger failed = new AtomicInteger();

    TerminalProgress(String task, int total) {
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).showSpeed().build();
    }

    @Override
    public void callFinished(int done, int total, String candidateId, boolean callFailed, BigDecimal spent) {
        if (callFailed) {
            failed.incrementAndGet();
        }
        bar.stepTo(done);
        bar.setExtraMessage(" $" + spent.setScale(4, RoundingMode.HALF_EVEN).toPlainString()
                + (failed.get() > 0 ? " · " + failed.get() + " failed" : ""));
    }

    @Override
    public void close() {
        bar.close();
    }

    @Override
    public void reviewing(int outputs, int scorers) {
        bar.setExtraMessage(" · judging " + outputs + " outputs ...");
    }
}
