package com.example.plugnet.shortcuts;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Shortcut;

/**
 * Softmax followed by the focal loss, fused: steps 1 and 2 in one, computed from the logits through
 * {@code ln s = log_softmax(a)} (log-sum-exp), so that both stay finite where {@code s} underflows.
 *
 * <p>With {@code u_k = −(1/B) t_k ((1 − s_k)^γ − γ s_k (1 − s_k)^(γ−1) ln s_k)} (that is {@code s_k · dL/ds_k}),
 * the softmax Jacobian {@code diag(s) − s sᵀ} gives {@code dL/da_j = u_j − s_j Σ_k u_k} per row; the loss is
 * {@code L = −(1/B) Σ t_k (1 − s_k)^γ ln s_k} with {@code 1 − s_k = −expm1(ln s_k)}, exact near {@code s = 1}.
 */
final class SoftmaxFocalShortcut implements Shortcut {
    private final double gamma;

    /** @param gamma the focal loss's γ, finite and {@code >= 0} */
    SoftmaxFocalShortcut(double gamma) {
        this.gamma = gamma;
    }

    @Override
    public double value(Matrix logits, Matrix output, Matrix target) {
        Matrix.requireSameShape("softmax_focal output", logits, output);
        Matrix.requireSameShape("softmax_focal target", logits, target);
        double[] a = logits.data();
        double[] t = target.data();
        int k = logits.cols();
        double sum = 0;
        for (int row = 0; row < logits.rows(); row++) {
            int start = row * k;
            double logSum = logSumExp(a, start, k);
            for (int i = start; i < start + k; i++) {
                if (t[i] != 0) {
                    double logS = a[i] - logSum;
                    sum += t[i] * Math.pow(-Math.expm1(logS), gamma) * logS;
                }
            }
        }
        return -sum / logits.rows();
    }

    @Override
    public void gradient(Matrix logits, Matrix output, Matrix target, Matrix logitsGradient) {
        Matrix.requireSameShape("softmax_focal output", logits, output);
        Matrix.requireSameShape("softmax_focal target", logits, target);
        Matrix.requireSameShape("softmax_focal gradient", logits, logitsGradient);
        double[] a = logits.data();
        double[] t = target.data();
        double[] d = logitsGradient.data();
        int k = logits.cols();
        double minusInverseBatch = -1.0 / logits.rows();
        for (int row = 0; row < logits.rows(); row++) {
            int start = row * k;
            double logSum = logSumExp(a, start, k);
            double total = 0;
            for (int i = start; i < start + k; i++) { // d holds u while the row's sum is taken
                double u = 0;
                if (t[i] != 0) {
                    double logS = a[i] - logSum;
                    double s = Math.exp(logS);
                    double rest = -Math.expm1(logS);
                    double focus = gamma == 0 || rest == 0 ? 0 : gamma * s * Math.pow(rest, gamma - 1) * logS;
                    u = minusInverseBatch * t[i] * (Math.pow(rest, gamma) - focus);
                }
                d[i] = u;
                total += u;
            }
            for (int i = start; i < start + k; i++) {
                d[i] -= Math.exp(a[i] - logSum) * total;
            }
        }
    }

    /** @return {@code ln Σ_k e^{a_k}} of one row, by subtracting its maximum first */
    private static double logSumExp(double[] a, int start, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = start; i < start + k; i++) {
            max = Math.max(max, a[i]);
        }
        double sum = 0;
        for (int i = start; i < start + k; i++) {
            sum += Math.exp(a[i] - max);
        }
        return max + Math.log(sum);
    }
}
