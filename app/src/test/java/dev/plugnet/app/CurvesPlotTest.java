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
}
