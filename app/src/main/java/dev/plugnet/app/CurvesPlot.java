package dev.plugnet.app;

import dev.plugnet.api.PlugnetException;
import dev.plugnet.core.checkpoint.AtomicFiles;
import dev.plugnet.core.train.EpochStats;
import dev.plugnet.core.train.History;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code train --plot FILE.png}: the loss and accuracy curves per epoch (train and validation), drawn with
 * JFreeChart without a display, written atomically.
 */
final class CurvesPlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 700;

    private CurvesPlot() {
    }

    static void write(Path file, History history, String title) {
        System.setProperty("java.awt.headless", "true");
        XYSeries trainLoss = new XYSeries("train loss");
        XYSeries valLoss = new XYSeries("validation loss");
        XYSeries trainAcc = new XYSeries("train accuracy");
        XYSeries valAcc = new XYSeries("validation accuracy");
        for (EpochStats e : history.epochs()) {
            trainLoss.add(e.epoch(), e.trainLoss());
            trainAcc.add(e.epoch(), e.trainAccuracy());
            if (!Double.isNaN(e.validationLoss())) {
                valLoss.add(e.epoch(), e.validationLoss());
                valAcc.add(e.epoch(), e.validationAccuracy());
            }
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        plot.add(panel("loss", trainLoss, valLoss, false), 1);
        plot.add(panel("accuracy", trainAcc, valAcc, true), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
            AtomicFiles.write(file, png.toByteArray());
        } catch (IOException e) {
            throw new PlugnetException("--plot " + file, "cannot be written: " + AtomicFiles.reason(e), e);
        }
    }

    private static XYPlot panel(String name, XYSeries train, XYSeries validation, boolean unit) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(validation);
        NumberAxis axis = new NumberAxis(name);
        axis.setAutoRangeIncludesZero(false);
        if (unit) {
            axis.setRange(0, 1.02);
        }
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
