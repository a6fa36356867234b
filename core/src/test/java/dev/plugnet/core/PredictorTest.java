package dev.plugnet.core;

import dev.plugnet.core.data.DataException;
import dev.plugnet.testkit.Allocations;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PredictorTest {
    private static final Plugnet PLUGNET = Plugnet.boot();
    private static final Blobs DATA = Blobs.of(150, 31);
    private static final TrainedModel MODEL = PLUGNET.fit(PLUGNET.parseSpec(Blobs.SPEC)).epochs(10)
            .on(DATA.featureNames(), DATA.x(), DATA.y());

    @Test
    void aWarmedUpPredictorAllocatesNothingPerRow() {
        Predictor predictor = MODEL.newPredictor();
        double[] p = new double[predictor.classes()];
        double[] row = DATA.x()[3];
        Runnable once = () -> predictor.predict(row, p);
        for (int i = 0; i < 20_000; i++) {
            once.run(); // warm up, so that the JIT's escape analysis has run
        }
        OptionalLong bytes = Allocations.bytesAllocatedBy(once, 100_000);
        bytes.ifPresent(b -> assertEquals(0, b / 100_000, "bytes per prediction after warm-up (total " + b + ")"));
    }

    @Test
    void batchPredictionsEqualSingleRowOnesAndTheirArgmaxIsTheClass() {
        Blobs rows = Blobs.of(1300, 32);
        double[][] batch = MODEL.predictProbabilities(rows.x());
        Predictor predictor = MODEL.newPredictor();
        double[] p = new double[3];
        for (int i = 0; i < batch.length; i++) {
            int k = predictor.predict(rows.x()[i], p);
            assertArrayEquals(p, batch[i], 1e-15, "row " + (i + 1));
            assertEquals(MODEL.classNames().get(k), MODEL.predict(rows.x()[i]).className());
        }
    }

    @Test
    void aPredictorsBatchIntoTheCallersArraysEqualsTheModelsAndAllocatesNothingOnceWarm() {
        Blobs rows = Blobs.of(1300, 33); // two full chunks and a shorter one
        double[][] expected = MODEL.predictProbabilities(rows.x());
        Predictor predictor = MODEL.newPredictor();
        double[][] out = new double[rows.x().length][3];
        predictor.predictAll(rows.x(), out);
        for (int i = 0; i < out.length; i++) {
            assertArrayEquals(expected[i], out[i], 0.0, "row " + (i + 1));
        }
        Runnable batch = () -> predictor.predictAll(rows.x(), out);
        for (int i = 0; i < 200; i++) {
            batch.run();
        }
        OptionalLong bytes = Allocations.bytesAllocatedBy(batch, 200);
        bytes.ifPresent(b -> assertEquals(0, b / 200, "bytes per 1300-row batch after warm-up (total " + b + ")"));
    }

    @Test
    void aPredictorsBatchNamesAMissingOrShortOutputArray() {
        Predictor predictor = MODEL.newPredictor();
        double[][] x = {DATA.x()[0], DATA.x()[1]};
        DataException few = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
                () -> predictor.predictAll(x, new double[1][3]));
        assertEquals("probabilities: has 1 arrays; expected one per row (2)", few.getMessage());
        DataException shortRow = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
                () -> predictor.predictAll(x, new double[][] {new double[3], new double[2]}));
        org.junit.jupiter.api.Assertions.assertTrue(shortRow.getMessage().startsWith(
                "probabilities[1]: has length 2; expected at least 3"), shortRow.getMessage());
    }
}
