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
 * Shows training as it goes: on a terminal one live progress bar (me.tongfei:progressbar) that advances with
 * every minibatch, estimates the time left and shows the latest epoch's loss and accuracy (train and
 * validation; for a regression RMSE, MAE and R² in the targets' units); elsewhere (a pipe, a file, CI) one plain line per epoch.
 */
final class ProgressPrinter implements TrainingListener {
    private final PrintWriter lines;
    private final PrintStream terminal;
    private int lastEpoch;
    private ProgressBar bar;

    /**
     * @param lines where plain lines go
     * @param terminal the terminal stream for the live bar, or {@code null} for plain lines
     */
    ProgressPrinter(PrintWriter lines, PrintStream terminal) {
        this.lines = lines;
        this.terminal = terminal;
    }

    @Override
    public void started(int firstEpoch, int lastEpoch, int batches, int rows) {
        this.lastEpoch = lastEpoch;
        lines.flush();
        if (terminal != null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("training")
                    .setInitialMax((long) (lastEpoch - firstEpoch + 1) * batches)
                    .setUnit(" batches", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(100)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .build();
            bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d", firstEpoch, lastEpoch));
        }
    }

    @Override
    public void batchDone(int epoch, int batch, double loss) {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void epochDone(EpochStats s, boolean best) {
        String figures = figures(s, best);
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d  %s", s.epoch(), lastEpoch, figures));
        } else {
            lines.printf(Locale.ROOT, "epoch %" + digits() + "d/%d  %s%n", s.epoch(), lastEpoch, figures);
            lines.flush();
        }
    }

    /** Ends the bar, if there is one (call when training ends, however it ends). */
    void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
            terminal.flush();
        }
    }

    private int digits() {
        return Integer.toString(Math.max(1, lastEpoch)).length();
    }
    static String figures(EpochStats s, boolean best) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "train loss %s", loss(s.trainLoss())));
        if (!Double.isNaN(s.trainAccuracy())) {
            sb.append(String.format(Locale.ROOT, " acc %5.1f%%", 100 * s.trainAccuracy()));
        }
        if (s.trainRegression() != null) {
            sb.append(String.format(Locale.ROOT, " rmse %s", value(s.trainRegression().rmse())));
        }
        if (!Double.isNaN(s.validationLoss())) {
            sb.append(String.format(Locale.ROOT, "  val loss %s", loss(s.validationLoss())));
            if (!Double.isNaN(s.validationAccuracy())) {
                sb.append(String.format(Locale.ROOT, " acc %5.1f%%", 100 * s.validationAccuracy()));
            }
            if (s.validationRegression() != null) {
                sb.append(String.format(Locale.ROOT, " rmse %s mae %s r2 %.4f", value(s.validationRmse()),
                        value(s.validationMae()), s.validationR2()));
            }
        }
        sb.append(String.format(Locale.ROOT, "  lr %.3g", s.learningRate()));
        if (best) {
            sb.append("  *");
        }
        return sb.toString();
    }

    /** @return a figure in the targets' units: four significant digits */
    static String value(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** @return a loss with four decimals, or in scientific notation when it is large */
    static String loss(double v) {
        return Math.abs(v) < 1e4 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.4e", v);
    }
}
