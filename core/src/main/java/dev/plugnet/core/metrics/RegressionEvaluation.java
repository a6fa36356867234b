package dev.plugnet.core.metrics;

import dev.plugnet.api.Matrix;

/**
 * How a regression did on some rows.
 *
 * @param loss the mean loss per row, on the standardised targets the network was trained on
 * @param metrics MAE, RMSE and R² in the targets' own units
 * @param predicted the predictions, (N, m), in the targets' own units
 */
public record RegressionEvaluation(double loss, RegressionMetrics metrics, Matrix predicted) {
}
