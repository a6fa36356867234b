package dev.plugnet.losses;

import dev.plugnet.api.Loss;
import dev.plugnet.api.Matrix;

/**
 * Mean cross-entropy of a distribution {@code s} (B, K) against targets {@code t} (B, K):
 * {@code L = −(1/B) Σ_b Σ_k t_bk ln s_bk}. Its gradient is SPEC.md step 1, {@code dL/ds = −(1/B) · t / s}.
 *
 * <p>A term with {@code t_bk = 0} contributes exactly 0 to both, even where {@code s_bk = 0}. Where
 * {@code t_bk > 0} meets {@code s_bk = 0} nothing is clamped: the loss is {@code +Infinity} and the gradient
 * {@code −Infinity}, and the network reports the non-finite value. (With a softmax output the fused shortcut
 * avoids this.)
 */
public final class CrossEntropyLoss implements Loss {
    /** Creates the loss; it holds no state. */
    public CrossEntropyLoss() {
    }

    @Override
    public double value(Matrix output, Matrix target) {
        Matrix.requireSameShape("cross_entropy target", output, target);
        double[] s = output.data();
        double[] t = target.data();
        double sum = 0.0;
        for (int i = 0; i < s.length; i++) {
            double ti = t[i];
            if (ti != 0.0) {
                sum += ti * Math.log(s[i]);
            }
        }
        return -sum / output.rows();
    }

    /** {@inheritDoc} SPEC.md step 1: {@code dL/ds = −(1/B) · t / s}, exactly 0 where {@code t = 0}. */
    @Override
    public void gradient(Matrix output, Matrix target, Matrix outputGradient) {
        Matrix.requireSameShape("cross_entropy target", output, target);
        Matrix.requireSameShape("cross_entropy gradient", output, outputGradient);
        double[] s = output.data();
        double[] t = target.data();
        double[] d = outputGradient.data();
        double minusInverseBatch = -1.0 / output.rows();
        for (int i = 0; i < s.length; i++) {
            double ti = t[i];
            d[i] = ti == 0.0 ? 0.0 : minusInverseBatch * ti / s[i];
        }
    }
}
