package dev.plugnet.spark;

import java.io.Serializable;

/**
 * What partitions send back after a round of local epochs in parameter averaging, summed by
 * {@code treeAggregate}: their weights and optimizer state, each times the partition's rows (so the driver's
 * average weighs partitions by their data), and the epoch's Σ loss × rows and correct rows. An executor reuses
 * one share per partition from round to round (Spark serialises a task's result when the task ends);
 * {@link #plus} adds into its first argument, as {@code treeAggregate} allows.
 */
final class ParameterShare implements Serializable {
    private static final long serialVersionUID = 2L;
    /** No rows; never changed ({@link #plus} returns the other share). */
    static final ParameterShare NONE = new ParameterShare(null, null, 0, 0, 0, 0);

    final double[] weights;
    final double[] state;
    double lossSum;
    long correct;
    long seen;
    long rows;

    /**
     * @param seen the rows trained on in the round (rows × local epochs)
     * @param rows the partition's rows, the weight of its parameters in the average
     */
    ParameterShare(double[] weights, double[] state, double lossSum, long correct, long seen, long rows) {
        this.weights = weights;
        this.state = state;
        this.lossSum = lossSum;
        this.correct = correct;
        this.seen = seen;
        this.rows = rows;
    }

    static ParameterShare plus(ParameterShare a, ParameterShare b) {
        if (a.rows == 0) {
            return b;
        }
        if (b.rows == 0) {
            return a;
        }
        for (int i = 0; i < a.weights.length; i++) {
            a.weights[i] += b.weights[i];
        }
        for (int i = 0; i < a.state.length; i++) {
            a.state[i] += b.state[i];
        }
        a.lossSum += b.lossSum;
        a.correct += b.correct;
        a.seen += b.seen;
        a.rows += b.rows;
        return a;
    }
}
