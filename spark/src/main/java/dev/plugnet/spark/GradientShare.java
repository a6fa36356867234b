package dev.plugnet.spark;

import java.io.Serializable;

/**
 * What partitions send back for one step of synchronous training, summed by {@code treeAggregate}: their
 * shares of the global batch's mean gradient ({@code rows / B} times their own mean gradient), Σ loss × rows,
 * and the rows classified correctly. A share of no rows adds nothing, not even a zero, so a single partition's
 * gradient arrives bit for bit.
 */
final class GradientShare implements Serializable {
    private static final long serialVersionUID = 1L;
    static final GradientShare NONE = new GradientShare(null, 0, 0, 0);

    final double[] gradient;
    final double lossSum;
    final long correct;
    final long rows;

    GradientShare(double[] gradient, double lossSum, long correct, long rows) {
        this.gradient = gradient;
        this.lossSum = lossSum;
        this.correct = correct;
        this.rows = rows;
    }

    /** @return the sum of two shares (adding into {@code a}'s gradient, as treeAggregate allows) */
    static GradientShare plus(GradientShare a, GradientShare b) {
        if (a.rows == 0) {
            return b;
        }
        if (b.rows == 0) {
            return a;
        }
        for (int i = 0; i < a.gradient.length; i++) {
            a.gradient[i] += b.gradient[i];
        }
        return new GradientShare(a.gradient, a.lossSum + b.lossSum, a.correct + b.correct, a.rows + b.rows);
    }
}
