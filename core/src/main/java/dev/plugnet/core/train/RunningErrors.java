package dev.plugnet.core.train;

import dev.plugnet.api.Matrix;
import dev.plugnet.core.data.Samples;
import dev.plugnet.core.metrics.RegressionMetrics;

/**
 * A regression's training errors over one epoch's minibatches, each batch's outputs taken before its update (as
 * the training loss is), summed column by column and given as MAE, RMSE and R² in the targets' own units: an
 * error in standardised units times the column's scale is the error in the target's units (the mean cancels), and
 * R² is {@code 1 − Σ e² / Σ (z − z̄)²} over the training rows, which standardising does not change. Several
 * columns are averaged with equal weights, as {@link RegressionMetrics} does. Allocates only when made.
 */
final class RunningErrors {
    private final double[] scales;
    private final double[] totalSquares;
    private final double[] absolute;
    private final double[] squared;
    private final int rows;

    /** @param train the training rows of a regression (standardised targets and their scaling) */
    RunningErrors(Samples train) {
        Matrix z = train.values();
        int m = z.cols();
        rows = z.rows();
        scales = new double[m];
        totalSquares = new double[m];
        absolute = new double[m];
        squared = new double[m];
        for (int j = 0; j < m; j++) {
            scales[j] = train.targetScale(j);
            double mean = 0;
            for (int i = 0; i < rows; i++) {
                mean += z.get(i, j);
            }
            mean /= rows;
            double total = 0;
            for (int i = 0; i < rows; i++) {
                double d = z.get(i, j) - mean;
                total += d * d;
            }
            totalSquares[j] = total;
        }
    }

    /** Starts an epoch. */
    void clear() {
        java.util.Arrays.fill(absolute, 0);
        java.util.Arrays.fill(squared, 0);
    }

    /** Adds a batch: the network's outputs and the targets, both (B, m) in standardised units. */
    void add(Matrix outputs, Matrix targets) {
        int m = scales.length;
        double[] out = outputs.data();
        double[] t = targets.data();
        for (int i = 0; i < targets.rows(); i++) {
            for (int j = 0; j < m; j++) {
                double e = t[i * m + j] - out[i * m + j];
                absolute[j] += Math.abs(e);
                squared[j] += e * e;
            }
        }
    }

    /** @return the epoch's MAE, RMSE and R², in the targets' units */
    RegressionMetrics metrics() {
        int m = scales.length;
        double mae = 0;
        double rmse = 0;
        double r2 = 0;
        for (int j = 0; j < m; j++) {
            mae += scales[j] * absolute[j] / rows;
            rmse += scales[j] * Math.sqrt(squared[j] / rows);
            r2 += totalSquares[j] == 0 ? (squared[j] == 0 ? 1 : 0) : 1 - squared[j] / totalSquares[j];
        }
        return new RegressionMetrics(mae / m, rmse / m, r2 / m, rows);
    }
}
