package dev.plugnet.app;

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
 * {@code train --plot FILE.png}: the loss (log scale) and accuracy curves per epoch (train and validation) —
 * for a regression, the loss, RMSE and MAE in the targets' units (log scale) and R² instead —
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
        JFreeChart chart = chart(history, title, data);
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
            AtomicFiles.write(file, png.toByteArray());
        } catch (IOException e) {
            throw dev.plugnet.core.files.WriteFailedException.of("--plot " + file, e);
        }
    }

    /** @return the chart {@link #write} draws: its panels share the epoch axis */
    static JFreeChart chart(History history, String title, String data) {
        System.setProperty("java.awt.headless", "true");
        XYSeries trainLoss = new XYSeries("train loss");
        XYSeries valLoss = new XYSeries("validation loss");
        XYSeries trainAcc = new XYSeries("train accuracy");
        XYSeries valAcc = new XYSeries("validation accuracy");
        XYSeries trainRmse = new XYSeries("train RMSE");
        XYSeries valRmse = new XYSeries("validation RMSE");
        XYSeries trainMae = new XYSeries("train MAE");
        XYSeries valMae = new XYSeries("validation MAE");
        XYSeries trainR2 = new XYSeries("train R²");
        XYSeries valR2 = new XYSeries("validation R²");
        boolean positive = true;
        boolean accuracy = false;
        boolean regression = false;
        for (EpochStats e : history.epochs()) {
            trainLoss.add(e.epoch(), e.trainLoss());
            accuracy |= !Double.isNaN(e.trainAccuracy());
            trainAcc.add(e.epoch(), e.trainAccuracy());
            positive &= e.trainLoss() > 0;
            if (e.trainRegression() != null) {
                regression = true;
                add(trainRmse, e.epoch(), e.trainRegression().rmse());
                add(trainMae, e.epoch(), e.trainRegression().mae());
                add(trainR2, e.epoch(), e.trainRegression().r2());
            }
            if (!Double.isNaN(e.validationLoss())) {
                valLoss.add(e.epoch(), e.validationLoss());
                valAcc.add(e.epoch(), e.validationAccuracy());
                positive &= e.validationLoss() > 0;
            }
            if (e.validationRegression() != null) {
                regression = true;
                add(valRmse, e.epoch(), e.validationRmse());
                add(valMae, e.epoch(), e.validationMae());
                add(valR2, e.epoch(), e.validationR2());
            }
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        NumberAxis lossAxis = positive && trainLoss.getItemCount() > 0 ? logAxis("loss (log scale)") : new NumberAxis("loss");
        lossAxis.setAutoRangeIncludesZero(false);
        plot.add(panel(lossAxis, trainLoss, valLoss), regression ? 2 : 1);
        if (accuracy) {
            NumberAxis accuracyAxis = new NumberAxis("accuracy");
            accuracyAxis.setAutoRangeIncludesZero(false);
            accuracyAxis.setRange(fitted(0.0, trainAcc, valAcc));
            plot.add(panel(accuracyAxis, trainAcc, valAcc), 1);
        }
        if (regression) { // the errors in the targets' units, and R²
            boolean errorsPositive = allPositive(trainRmse, valRmse, trainMae, valMae);
            NumberAxis errorAxis = errorsPositive ? logAxis("RMSE, MAE (targets' units, log scale)")
                    : new NumberAxis("RMSE, MAE (targets' units)");
            errorAxis.setAutoRangeIncludesZero(false);
            plot.add(panel(errorAxis, trainRmse, valRmse, trainMae, valMae), 2);
            NumberAxis r2Axis = new NumberAxis("R²");
            r2Axis.setAutoRangeIncludesZero(false);
            r2Axis.setRange(fitted(Double.NEGATIVE_INFINITY, trainR2, valR2));
            plot.add(panel(r2Axis, trainR2, valR2), 1);
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
        return chart;
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
        return fitted(0.0, series);
    }

    /** As {@link #fitted(XYSeries...)}, never below {@code floor} (R² may be negative; accuracy may not). */
    static Range fitted(double floor, XYSeries... series) {
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
        return new Range(Math.max(floor, low - margin), high + margin);
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

    private static void add(XYSeries series, int epoch, double v) {
        if (Double.isFinite(v)) {
            series.add(epoch, v);
        }
    }

    private static boolean allPositive(XYSeries... series) {
        boolean any = false;
        for (XYSeries s : series) {
            for (int i = 0; i < s.getItemCount(); i++) {
                any = true;
                if (!(s.getY(i).doubleValue() > 0)) {
                    return false;
                }
            }
        }
        return any;
    }

    private static NumberAxis logAxis(String label) {
        LogarithmicAxis log = new LogarithmicAxis(label);
        log.setStrictValuesFlag(false);
        log.setAutoRangeNextLogFlag(false);
        return log;
    }

    /**
     * A panel of series in pairs (train, validation): train blue, validation orange; a second pair (MAE beside
     * RMSE) dashed.
     */
    private static XYPlot panel(NumberAxis axis, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        BasicStroke dashed = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 3f}, 0f);
        for (int i = 0; i < series.length; i++) {
            data.addSeries(series[i]);
            renderer.setSeriesPaint(i, i % 2 == 0 ? new Color(0x1f77b4) : new Color(0xff7f0e));
            if (i >= 2) {
                renderer.setSeriesStroke(i, dashed);
            }
        }
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
