package com.example.plugnet.losses;

import dev.plugnet.api.Loss;
import dev.plugnet.api.Matrix;

/**
 * The focal loss of a distribution {@code s} (B, K) against targets {@code t} (B, K), with focusing parameter
 * γ ≥ 0 (Lin et al., 2017): {@code L = −(1/B) Σ_b Σ_k t_bk (1 − s_bk)^γ ln s_bk}. Well-classified rows
 * ({@code s} near 1 where {@code t} is) count less; γ = 0 is cross-entropy.
 *
 * <p>Its gradient (step 1) is {@code dL/ds = −(1/B) · t ⊙ ((1 − s)^γ / s − γ (1 − s)^(γ−1) ln s)}. A term
 * with {@code t_bk = 0} contributes exactly 0; at {@code s_bk = 1} the second part is its limit, 0. Where
 * {@code t_bk > 0} meets {@code s_bk = 0} nothing is clamped: the values are not finite and the network reports
 * it (the fused {@code softmax_focal} shortcut stays finite there).
 */
final class FocalLoss implements Loss {
    private final double gamma;

    /** @param gamma γ, finite and {@code >= 0} */
    FocalLoss(double gamma) {
        this.gamma = gamma;
    }

    @Override
    public double value(Matrix output, Matrix target) {
        Matrix.requireSameShape("focal target", output, target);
        double[] s = output.data();
        double[] t = target.data();
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            if (t[i] != 0) {
                sum += t[i] * Math.pow(1 - s[i], gamma) * Math.log(s[i]);
            }
        }
        return -sum / output.rows();
    }

    @Override
    public void gradient(Matrix output, Matrix target, Matrix outputGradient) {
        Matrix.requireSameShape("focal target", output, target);
        Matrix.requireSameShape("focal gradient", output, outputGradient);
        double[] s = output.data();
        double[] t = target.data();
        double[] d = outputGradient.data();
        double minusInverseBatch = -1.0 / output.rows();
        for (int i = 0; i < s.length; i++) {
            if (t[i] == 0) {
                d[i] = 0;
                continue;
            }
            double rest = 1 - s[i];
            double focus = gamma == 0 || rest == 0 ? 0 : gamma * Math.pow(rest, gamma - 1) * Math.log(s[i]);
            d[i] = minusInverseBatch * t[i] * (Math.pow(rest, gamma) / s[i] - focus);
        }
    }
}
