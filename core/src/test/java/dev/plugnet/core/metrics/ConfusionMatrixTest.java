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

    @Test
    void macroF1CountsOnlyClassesPresentInTheTruthOrThePredictionsAsScikitLearnDoes() {
        // a perfect classifier on rows of two of the model's three classes
        ConfusionMatrix cm = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 0, 1, 1},
                new int[] {0, 0, 1, 1});
        assertEquals(1.0, cm.macroF1(), 1e-15);
        // a class that is predicted but absent from the truth counts, with F1 0
        ConfusionMatrix wrong = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 0, 1, 1},
                new int[] {0, 0, 1, 2});
        // a: 1; b: precision 1, recall 1/2, F1 2/3; c: 0 -> (1 + 2/3 + 0) / 3
        assertEquals((1 + 2.0 / 3) / 3, wrong.macroF1(), 1e-15);
    }

    @Test
    void weightedF1WeighsEachClassByItsSupport() {
        ConfusionMatrix cm = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 1, 1, 2},
                new int[] {0, 0, 1, 1, 2, 2});
        // F1: a 0.8 (3 rows), b 0.5 (2 rows), c 2/3 (1 row)
        assertEquals((0.8 * 3 + 0.5 * 2 + 2.0 / 3) / 6, cm.weightedF1(), 1e-15);
    }

    @Test
    void balancedAccuracyIsTheMeanRecallOverClassesInTheTruth() {
        ConfusionMatrix cm = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 1, 1, 2},
                new int[] {0, 0, 1, 1, 2, 2});
        assertEquals((2.0 / 3 + 0.5 + 1) / 3, cm.balancedAccuracy(), 1e-15);
        // always the majority class: 1/K over the classes that occur
        ConfusionMatrix majority = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 0, 1},
                new int[] {0, 0, 0, 0, 0});
        assertEquals(0.5, majority.balancedAccuracy(), 1e-15);
        assertEquals(0.8, majority.accuracy(), 1e-15);
    }

    @Test
    void noRowsGiveNaNNotZero() {
        ConfusionMatrix cm = ConfusionMatrix.of(List.of("a", "b"), new int[0], new int[0]);
        assertEquals(Double.NaN, cm.macroF1());
        assertEquals(Double.NaN, cm.weightedF1());
        assertEquals(Double.NaN, cm.balancedAccuracy());
    }
}
