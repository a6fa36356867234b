package dev.plugnet.app;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.checkpoint.AtomicFiles;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code train --plot FILE.png}: the loss (log scale) and accuracy curves per epoch (train and validation),
 * with a line at the epoch whose weights were kept and, when early stopping ended the run, one where it stopped;
 * the accuracy axis is fitted to the values that matter ({@link #fitted}); the title names the model and the
 * data file (not its path). Drawn with JFreeChart without a display, written atomically.
 */
final class CurvesPlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 700;
    private static final Color KEPT = new Color(0x2ca02c);
    private static final Color STOP = new Color(0xd62728);

    private CurvesPlot() {
    }

    /**
     * @param title the model's name
     * @param data the data set's file name (a path is cut to its last part)
     */
    static void write(Path file, History history, String title, String data) {
        System.setProperty("java.awt.headless", "true");
        XYSeries trainLoss = new XYSeries("train loss");
        XYSeries valLoss = new XYSeries("validation loss");
        XYSeries trainAcc = new XYSeries("train accuracy");
        XYSeries valAcc = new XYSeries("validation accuracy");
        boolean positive = true;
        boolean accuracy = false;
        for (EpochStats e : history.epochs()) {
            trainLoss.add(e.epoch(), e.trainLoss());
            accuracy |= !Double.isNaN(e.trainAccuracy());
            trainAcc.add(e.epoch(), e.trainAccuracy());
            positive &= e.trainLoss() > 0;
            if (!Double.isNaN(e.validationLoss())) {
                valLoss.add(e.epoch(), e.validationLoss());
                valAcc.add(e.epoch(), e.validationAccuracy());
                positive &= e.validationLoss() > 0;
            }
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        NumberAxis lossAxis;
        if (positive && trainLoss.getItemCount() > 0) {
            LogarithmicAxis log = new LogarithmicAxis("loss (log scale)");
            log.setStrictValuesFlag(false);
            log.setAutoRangeNextLogFlag(false);
            lossAxis = log;
        } else {
            lossAxis = new NumberAxis("loss");
        }
        lossAxis.setAutoRangeIncludesZero(false);
        plot.add(panel(lossAxis, trainLoss, valLoss), 1);
        if (accuracy) { // a regression has no accuracy: its plot is the loss alone
            NumberAxis accuracyAxis = new NumberAxis("accuracy");
            accuracyAxis.setAutoRangeIncludesZero(false);
            accuracyAxis.setRange(fitted(trainAcc, valAcc));
            plot.add(panel(accuracyAxis, trainAcc, valAcc), 1);
        }
        for (Object sub : plot.getSubplots()) {
            mark((XYPlot) sub, history);
        }
        EpochStats last = history.last();
        String subtitle = "kept the weights of epoch " + history.bestEpoch()
                + (history.stoppedEarly() && last != null ? "; stopped early after epoch " + last.epoch() : "");
        JFreeChart chart = new JFreeChart(title + " on " + fileName(data), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(subtitle));
        chart.setBackgroundPaint(Color.WHITE);
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
            AtomicFiles.write(file, png.toByteArray());
        } catch (IOException e) {
            throw dev.plugnet.core.files.WriteFailedException.of("--plot " + file, e);
        }
    }

    /** @return the last part of a path ({@code data/iris.csv} gives {@code iris.csv}), a bundled name as it is */
    static String fileName(String data) {
        int slash = Math.max(data.lastIndexOf('/'), data.lastIndexOf('\\'));
        return slash < 0 ? data : data.substring(slash + 1);
    }

    /**
     * @return the range of the values that matter: from the 5th percentile (the first epochs' low accuracies run
     *         off the bottom rather than squeeze the rest) to the highest, with a margin of 5% of that spread (at
     *         least 0.005) each side, never below 0
     */
    static Range fitted(XYSeries... series) {
        java.util.List<Double> values = new java.util.ArrayList<>();
        for (XYSeries s : series) {
            for (int i = 0; i < s.getItemCount(); i++) {
                double v = s.getY(i).doubleValue();
                if (Double.isFinite(v)) {
                    values.add(v);
                }
            }
        }
        if (values.isEmpty()) {
            return new Range(0, 1);
        }
        java.util.Collections.sort(values);
        double low = values.get((int) Math.floor(0.05 * (values.size() - 1)));
        double high = values.get(values.size() - 1);
        double margin = Math.max(0.05 * (high - low), 0.005);
        return new Range(Math.max(0, low - margin), high + margin);
    }

    private static void mark(XYPlot plot, History history) {
        if (history.bestEpoch() > 0) {
            ValueMarker kept = new ValueMarker(history.bestEpoch(), KEPT, new BasicStroke(1.5f));
            kept.setLabel("kept " + history.bestEpoch());
            kept.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            kept.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            kept.setLabelPaint(KEPT);
            plot.addDomainMarker(kept);
        }
        EpochStats last = history.last();
        if (history.stoppedEarly() && last != null) {
            ValueMarker stop = new ValueMarker(last.epoch(), STOP, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            stop.setLabel("stopped " + last.epoch());
            stop.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            stop.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            stop.setLabelPaint(STOP);
            plot.addDomainMarker(stop);
        }
    }

    private static XYPlot panel(NumberAxis axis, XYSeries train, XYSeries validation) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(validation);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xff7f0e));
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
