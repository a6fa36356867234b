package dev.plugnet.app;

import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.TrainingListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows training as it goes: on a terminal a live progress bar per epoch (me.tongfei:progressbar) that stays
 * as that epoch's line with its figures; elsewhere (a pipe, a file, CI) one plain line per epoch.
 */
final class ProgressPrinter implements TrainingListener {
    private final PrintWriter lines;
    private final PrintStream terminal;
    private int lastEpoch;
    private int batches;
    private ProgressBar bar;

    /**
     * @param lines where plain lines go
     * @param terminal the terminal stream for live bars, or {@code null} for plain lines
     */
    ProgressPrinter(PrintWriter lines, PrintStream terminal) {
        this.lines = lines;
        this.terminal = terminal;
    }

    @Override
    public void started(int firstEpoch, int lastEpoch, int batches, int rows) {
        this.lastEpoch = lastEpoch;
        this.batches = batches;
        lines.flush();
    }

    @Override
    public void batchDone(int epoch, int batch, double loss) {
        if (terminal == null) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format(Locale.ROOT, "epoch %" + digits() + "d/%d", epoch, lastEpoch))
                    .setInitialMax(batches)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(100)
                    .hideEta()
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .build();
        }
        bar.stepTo(batch);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", loss));
    }

    @Override
    public void epochDone(EpochStats s, boolean best) {
        String figures = figures(s, best);
        if (terminal != null && bar != null) {
            bar.setExtraMessage(figures);
            bar.close();
            bar = null;
            terminal.flush();
        } else {
            lines.printf(Locale.ROOT, "epoch %" + digits() + "d/%d  %s%n", s.epoch(), lastEpoch, figures);
            lines.flush();
        }
    }

    private int digits() {
        return Integer.toString(Math.max(1, lastEpoch)).length();
    }

    static String figures(EpochStats s, boolean best) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "train loss %.4f acc %5.1f%%",
                s.trainLoss(), 100 * s.trainAccuracy()));
        if (!Double.isNaN(s.validationLoss())) {
            sb.append(String.format(Locale.ROOT, "  val loss %.4f acc %5.1f%%", s.validationLoss(),
                    100 * s.validationAccuracy()));
        }
        sb.append(String.format(Locale.ROOT, "  lr %.3g", s.learningRate()));
        if (best) {
            sb.append("  *");
        }
        return sb.toString();
    }
}
