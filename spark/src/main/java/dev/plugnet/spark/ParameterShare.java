package dev.plugnet.spark;

import java.io.Serializable;

/**
 * What partitions send back after a round of local epochs in parameter averaging, summed by
 * {@code treeAggregate}: their weights and optimizer state, each times the partition's rows (so the driver's
 * average weighs partitions by their data), and the epoch's Σ loss × rows and correct rows.
 */
final class ParameterShare implements Serializable {
    private static final long serialVersionUID = 1L;
    static final ParameterShare NONE = new ParameterShare(null, null, 0, 0, 0, 0);

    final double[] weights;
    final double[] state;
    final double lossSum;
    final long correct;
    final long seen;
    final long rows;

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
        return new ParameterShare(a.weights, a.state, a.lossSum + b.lossSum, a.correct + b.correct,
                a.seen + b.seen, a.rows + b.rows);
    }
}
