package dev.plugnet.core.metrics;

import dev.plugnet.api.Matrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegressionMetricsTest {
    private static Matrix column(double... values) {
        return Matrix.wrap(values.length, 1, values.clone());
    }

    @Test
    void matchesScikitLearnsDocumentedExample() {
        // mean_absolute_error([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) == 0.5, mean_squared_error == 0.375,
        // r2_score == 0.948... = 1 - 1.5 / 29.1875
        RegressionMetrics m = RegressionMetrics.of(column(3, -0.5, 2, 7), column(2.5, 0.0, 2, 8));
        assertEquals(0.5, m.mae(), 1e-15);
        assertEquals(Math.sqrt(0.375), m.rmse(), 1e-15);
        assertEquals(1 - 1.5 / 29.1875, m.r2(), 1e-15);
        assertEquals(4, m.rows());
    }

    @Test
    void severalTargetsAreAveragedWithEqualWeights() {
        // column 0: errors 1, -1 -> MAE 1, RMSE 1, R2 1 - 2 / 2 = 0 (truth 0, 2; mean 1)
        // column 1: exact -> MAE 0, RMSE 0, R2 1
        Matrix actual = Matrix.wrap(2, 2, new double[] {0, 5, 2, 7});
        Matrix predicted = Matrix.wrap(2, 2, new double[] {1, 5, 1, 7});
        RegressionMetrics m = RegressionMetrics.of(actual, predicted);
        assertEquals(0.5, m.mae(), 1e-15);
        assertEquals(0.5, m.rmse(), 1e-15);
        assertEquals(0.5, m.r2(), 1e-15);
    }

    @Test
    void predictingTheMeanScoresZeroAndAConstantTruthIsFinite() {
        assertEquals(0.0, RegressionMetrics.of(column(1, 2, 3), column(2, 2, 2)).r2(), 1e-15);
        assertEquals(1.0, RegressionMetrics.of(column(4, 4), column(4, 4)).r2());
        assertEquals(0.0, RegressionMetrics.of(column(4, 4), column(4, 5)).r2());
    }
}
