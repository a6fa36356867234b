package dev.plugnet.core.metrics;

import dev.plugnet.api.Matrix;

/**
 * How close a regression's predictions are to the true values, in the targets' own units. With several target
 * columns each metric is computed per column and averaged with equal weights, as scikit-learn's
 * {@code multioutput="uniform_average"} does.
 *
 * @param mae mean absolute error, {@code (1/N) Σ |y − ŷ|}
 * @param rmse root mean squared error, {@code √((1/N) Σ (y − ŷ)²)}
 * @param r2 the coefficient of determination, {@code 1 − Σ (y − ŷ)² / Σ (y − ȳ)²}: 1 for a perfect fit, 0 for
 *        predicting the mean, negative for worse; a column whose true values are all equal scores 1 when it is
 *        predicted exactly and 0 otherwise (scikit-learn's {@code force_finite})
 * @param rows N, how many rows (0 where it is not known: an epoch's figures read back from a checkpoint's history)
 */
public record RegressionMetrics(double mae, double rmse, double r2, int rows) {

    /**
     * @param actual the true values, (N, m)
     * @param predicted the predictions, (N, m), in the same units
     * @return the metrics, NaN for no rows
     */
    public static RegressionMetrics of(Matrix actual, Matrix predicted) {
        if (!actual.hasShape(predicted.rows(), predicted.cols())) {
            throw new IllegalArgumentException("actual " + actual.rows() + "x" + actual.cols() + ", predicted "
                    + predicted.rows() + "x" + predicted.cols());
        }
        int n = actual.rows();
        int m = actual.cols();
        if (n == 0 || m == 0) {
            return new RegressionMetrics(Double.NaN, Double.NaN, Double.NaN, n);
        }
        double mae = 0;
        double rmse = 0;
        double r2 = 0;
        for (int j = 0; j < m; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += actual.get(i, j);
            }
            mean /= n;
            double absolute = 0;
            double squared = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double y = actual.get(i, j);
                double e = y - predicted.get(i, j);
                absolute += Math.abs(e);
                squared += e * e;
                total += (y - mean) * (y - mean);
            }
            mae += absolute / n;
            rmse += Math.sqrt(squared / n);
            r2 += total == 0 ? (squared == 0 ? 1 : 0) : 1 - squared / total;
        }
        return new RegressionMetrics(mae / m, rmse / m, r2 / m, n);
    }
}
