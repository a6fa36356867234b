package dev.plugnet.losses;

import dev.plugnet.api.Loss;
import dev.plugnet.api.Matrix;

/**
 * Mean cross-entropy of a distribution {@code s} (B, K) against targets {@code t} (B, K), optionally with class
 * weights {@code w} (K): {@code L = −(1/B) Σ_b Σ_k w_k t_bk ln s_bk}, with every {@code w_k = 1} the loss of
 * SPEC.md. Its gradient is SPEC.md step 1, {@code dL/ds = −(1/B) · w ⊙ t / s} (unweighted,
 * {@code −(1/B) · t / s}). That is PyTorch's {@code CrossEntropyLoss(weight=w)} on probability targets and
 * Keras's {@code class_weight}: a weighted sum over the batch divided by B.
 *
 * <p>A term with {@code t_bk = 0} (or {@code w_k = 0}) contributes exactly 0 to both, even where
 * {@code s_bk = 0}. Where a weighted {@code t_bk > 0} meets {@code s_bk = 0} nothing is clamped: the loss is
 * {@code +Infinity} and the gradient {@code −Infinity}, and the network reports the non-finite value. (With a
 * softmax output the fused shortcut avoids this.)
 */
public final class CrossEntropyLoss implements Loss {
    private final double[] weights;

    /** Creates the unweighted loss; it holds no state. */
    public CrossEntropyLoss() {
        this(null);
    }

    /**
     * @param weights w, one non-negative weight per class (copied), or {@code null} for the unweighted loss
     */
    public CrossEntropyLoss(double[] weights) {
        this.weights = weights == null ? null : weights.clone();
    }

    @Override
    public double value(Matrix output, Matrix target) {
        Matrix.requireSameShape("cross_entropy target", output, target);
        double[] s = output.data();
        double[] t = target.data();
        double sum = 0.0;
        if (weights == null) {
            for (int i = 0; i < s.length; i++) {
                double ti = t[i];
                if (ti != 0.0) {
                    sum += ti * Math.log(s[i]);
                }
            }
        } else {
            int k = requireWidth(output);
            for (int i = 0; i < s.length; i++) {
                double wt = weights[i % k] * t[i];
                if (wt != 0.0) {
                    sum += wt * Math.log(s[i]);
                }
            }
        }
        return -sum / output.rows();
    }

    /**
     * {@inheritDoc} SPEC.md step 1: {@code dL/ds = −(1/B) · w ⊙ t / s} ({@code −(1/B) · t / s} unweighted),
     * exactly 0 where {@code w_k t_bk = 0}.
     */
    @Override
    public void gradient(Matrix output, Matrix target, Matrix outputGradient) {
        Matrix.requireSameShape("cross_entropy target", output, target);
        Matrix.requireSameShape("cross_entropy gradient", output, outputGradient);
        double[] s = output.data();
        double[] t = target.data();
        double[] d = outputGradient.data();
        double minusInverseBatch = -1.0 / output.rows();
        if (weights == null) {
            for (int i = 0; i < s.length; i++) {
                double ti = t[i];
                d[i] = ti == 0.0 ? 0.0 : minusInverseBatch * ti / s[i];
            }
        } else {
            int k = requireWidth(output);
            for (int i = 0; i < s.length; i++) {
                double wt = weights[i % k] * t[i];
                d[i] = wt == 0.0 ? 0.0 : minusInverseBatch * wt / s[i];
            }
        }
    }

    private int requireWidth(Matrix output) {
        if (output.cols() != weights.length) {
            throw new dev.plugnet.api.ShapeMismatchException("cross_entropy class_weights", "the output has "
                    + output.cols() + " columns but there are " + weights.length + " class weights");
        }
        return weights.length;
    }
}
