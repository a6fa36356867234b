package dev.plugnet.app;

import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --plot}: the PNG through the real command, and the axis rules. */
class CurvesPlotTest {
    @TempDir
    Path dir;

    @Test
    void trainDrawsThePlotWithTheKeptEpochAndTheStopMarked() throws IOException {
        Path png = dir.resolve("iris.png");
        Cli.Result r = Cli.run("train", "--config", "iris", "--epochs", "400", "--patience", "15", "--out",
                dir.resolve("iris.json").toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stopped early after epoch"), r.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(700, image.getHeight());
        // the kept epoch's green line and the stop's red dashes are drawn
        assertTrue(count(image, 0x2ca02c) > 100, "the kept epoch's marker");
        assertTrue(count(image, 0xd62728) > 50, "the stop's marker");
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theAccuracyAxisIsFittedToTheValuesThatMatter() {
        XYSeries train = new XYSeries("t");
        train.add(1, 0.90);
        train.add(2, 0.98);
        XYSeries validation = new XYSeries("v");
        validation.add(1, 0.94);
        Range r = CurvesPlot.fitted(train, validation);
        assertEquals(0.90 - 0.005, r.getLowerBound(), 1e-12, "a margin of 5% of the spread, at least 0.005");
        assertEquals(0.98 + 0.005, r.getUpperBound(), 1e-12);
        // one epoch in forty at chance level does not squeeze the axis: the 5th percentile is the bottom
        XYSeries curve = new XYSeries("c");
        curve.add(1, 0.33);
        for (int e = 2; e <= 40; e++) {
            curve.add(e, 0.95 + e / 1000.0);
        }
        Range fitted = CurvesPlot.fitted(curve);
        assertTrue(fitted.getLowerBound() > 0.9, fitted.toString());
        assertEquals(0.99 + 0.005, fitted.getUpperBound(), 1e-12, "the highest value stays visible above it");
    }

    @Test
    void theTitleNamesTheDataFileNotItsPath() {
        assertEquals("iris.csv", CurvesPlot.fileName("/home/someone/data/iris.csv"));
        assertEquals("iris.csv (bundled)", CurvesPlot.fileName("iris.csv (bundled)"));
        assertEquals("new.csv", CurvesPlot.fileName("C:\\data\\new.csv"));
    }

    @Test
    void aRegressionsPlotShowsItsErrorsInTheTargetsUnitsAndR2WithTheKeptEpochMarkedOnEachPanel() throws IOException {
        Path png = dir.resolve("friedman.png");
        Cli.Result r = Cli.run("train", "--config", "friedman", "--epochs", "200", "--patience", "8", "--monitor",
                "validation_rmse", "--out", dir.resolve("friedman.json").toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stopped early after epoch"), r.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertTrue(count(image, 0x2ca02c) > 100, "the kept epoch's marker");
        assertTrue(count(image, 0xd62728) > 50, "the stop's marker");

        var rmse = new dev.plugnet.core.metrics.RegressionMetrics(2.0, 2.5, 0.6, 10);
        var better = new dev.plugnet.core.metrics.RegressionMetrics(1.0, 1.5, 0.8, 10);
        var history = new dev.plugnet.core.train.History(java.util.List.of(
                new dev.plugnet.core.train.EpochStats(1, 0.5, Double.NaN, 0.6, Double.NaN, 0.01, rmse, rmse),
                new dev.plugnet.core.train.EpochStats(2, 0.3, Double.NaN, 0.4, Double.NaN, 0.01, better, better)),
                2, false);
        var plot = (org.jfree.chart.plot.CombinedDomainXYPlot) CurvesPlot.chart(history, "m", "d/f.csv").getXYPlot();
        java.util.List<String> axes = new java.util.ArrayList<>();
        for (Object sub : plot.getSubplots()) {
            org.jfree.chart.plot.XYPlot p = (org.jfree.chart.plot.XYPlot) sub;
            axes.add(p.getRangeAxis().getLabel());
            assertEquals(1, p.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "the kept epoch on "
                    + p.getRangeAxis().getLabel());
        }
        assertEquals(java.util.List.of("loss (log scale)", "RMSE, MAE (targets' units, log scale)", "R²"), axes);
        var errors = ((org.jfree.chart.plot.XYPlot) plot.getSubplots().get(1)).getDataset();
        assertEquals("validation RMSE", errors.getSeriesKey(1));
        assertEquals(1.5, errors.getYValue(1, 1), 0.0, "the validation RMSE of epoch 2, in the targets' units");
        assertEquals("validation MAE", errors.getSeriesKey(3));
    }
}
