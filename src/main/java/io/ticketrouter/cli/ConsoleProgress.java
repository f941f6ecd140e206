package io.ticketrouter.cli;

import io.ticketrouter.classification.training.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress on stderr: a progress bar per stage on a terminal, plain lines
 * ("Tokenizing: 3400 tickets, ... (1.9 s)") when output is redirected, so logs stay readable.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream err;
    private final boolean terminal;
    private ProgressBar bar;
    private String stage;
    private long started;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static ConsoleProgress forStderr() {
        return new ConsoleProgress(
                System.err,
                System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM")));
    }

    @Override
    public synchronized void start(String stage, long total) {
        this.stage = stage;
        this.started = System.nanoTime();
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName(stage)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
                    .build();
        } else {
            err.println(stage + "…");
        }
    }

    @Override
    public synchronized void step(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public synchronized void finish(String summary) {
        double seconds = (System.nanoTime() - started) / 1e9;
        if (bar != null) {
            if (bar.getMax() < 0) {
                bar.maxHint(1);
                bar.stepTo(1);
            } else {
                bar.stepTo(bar.getMax());
            }
            bar.setExtraMessage(summary);
            bar.close();
            bar = null;
        } else {
            err.println(String.format(Locale.ROOT, "%s: %s (%.1f s)", stage, summary, seconds));
        }
    }

    void line(String text) {
        err.println(text);
    }
}
