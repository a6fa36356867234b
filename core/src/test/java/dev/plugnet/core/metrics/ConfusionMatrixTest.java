package dev.plugnet.core.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfusionMatrixTest {
    @Test
    void countsAccuracyPrecisionRecallAndF1() {
        // actual:    a a a b b c
        // predicted: a a b b c c
        ConfusionMatrix cm = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 1, 1, 2},
                new int[] {0, 0, 1, 1, 2, 2});
        assertEquals(2, cm.count(0, 0));
        assertEquals(1, cm.count(0, 1));
        assertEquals(4.0 / 6, cm.accuracy(), 1e-15);
        ClassMetrics b = cm.perClass().get(1);
        assertEquals(0.5, b.precision(), 1e-15);
        assertEquals(0.5, b.recall(), 1e-15);
        assertEquals(0.5, b.f1(), 1e-15);
        assertEquals(2, b.support());
        ClassMetrics a = cm.perClass().get(0);
        assertEquals(1.0, a.precision(), 1e-15);
        assertEquals(2.0 / 3, a.recall(), 1e-15);
        assertEquals(0.8, a.f1(), 1e-15);
    }

    @Test
    void aClassNeverPredictedHasPrecisionZeroNotNaN() {
        ConfusionMatrix cm = ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 1}, new int[] {0, 0});
        assertEquals(0.0, cm.perClass().get(1).precision());
        assertEquals(0.0, cm.perClass().get(1).f1());
    }
}
