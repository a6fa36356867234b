package dev.plugnet.spark;

import java.io.Serializable;

/**
 * What partitions send back for one step of synchronous training, summed by {@code treeAggregate}: their
 * shares of the global batch's mean gradient ({@code rows / B} times their own mean gradient), Σ loss × rows,
 * and the rows classified correctly. A share of no rows adds nothing, not even a zero, so a single partition's
 * gradient arrives bit for bit.
 *
 * <p>An executor reuses one share per partition from step to step ({@link #set}); Spark serialises a task's
 * result when the task ends, before the next step's task can change it. {@link #plus} adds into its first
 * argument, as {@code treeAggregate} allows.
 */
final class GradientShare implements Serializable {
    private static final long serialVersionUID = 2L;
    /** No rows; never changed ({@link #plus} returns the other share). */
    static final GradientShare NONE = new GradientShare(null, 0, 0, 0);

    final double[] gradient;
    double lossSum;
    long correct;
    long rows;

    GradientShare(double[] gradient, double lossSum, long correct, long rows) {
        this.gradient = gradient;
        this.lossSum = lossSum;
        this.correct = correct;
        this.rows = rows;
    }

    /** Sets the sums (the gradient is written in place by its owner); @return this share */
    GradientShare set(double lossSum, long correct, long rows) {
        this.lossSum = lossSum;
        this.correct = correct;
        this.rows = rows;
        return this;
    }

    /** @return the sum of two shares, added into {@code a} unless one of them has no rows */
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
        return a.set(a.lossSum + b.lossSum, a.correct + b.correct, a.rows + b.rows);
    }
}
