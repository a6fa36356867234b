package dev.plugnet.core.metrics;

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
 */
public record ClassifierEvaluation(double loss, ConfusionMatrix confusion, String positiveClass,
                                   BinaryRanking ranking) {
}
