package dev.plugnet.core.metrics;

/**
 * The mean loss and the accuracy of a network on some rows.
 *
 * @param loss the mean loss per row, NaN when there are no rows
 * @param accuracy the share of rows whose most probable class is the label, NaN when there are no rows
 * @param rows how many rows
 */
public record LossAndAccuracy(double loss, double accuracy, int rows) {
    /** The result for no rows. */
    public static final LossAndAccuracy NONE = new LossAndAccuracy(Double.NaN, Double.NaN, 0);
}
