package dev.plugnet.core.metrics;

import dev.plugnet.api.Matrix;

/**
 * How a classifier did on some labelled rows: the mean loss, the confusion matrix (accuracy, per-class
 * precision, recall and F1, macro and weighted F1, balanced accuracy) and, for two classes, how its
 * probability of the positive class ranks the rows.
 *
 * @param loss the mean loss per row, NaN for no rows
 * @param confusion counts of (actual, predicted) classes
 * @param positiveClass the positive class of a two-class problem, {@code null} for more classes
 * @param ranking ROC-AUC and average precision of the positive class's probability, {@code null} for more
 *        than two classes
 * @param outputs the network's output for every row, (N, K): the class probabilities, row by row
 * @param predicted the predicted class of every row (the most probable; the first on ties)
 */
public record ClassifierEvaluation(double loss, ConfusionMatrix confusion, String positiveClass,
                                   BinaryRanking ranking, Matrix outputs, int[] predicted) {
}
