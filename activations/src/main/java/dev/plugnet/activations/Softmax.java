package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.Matrix;

/**
 * Softmax, row by row: {@code s_bk = exp(a_bk) / Σ_i exp(a_bi)}. Each row's maximum is subtracted before
 * {@code exp}, so logits of ±1000 give a finite distribution.
 *
 * <p>The backward is the vector-Jacobian product of SPEC.md step 2: with {@code J_b = diag(s_b) − s_b s_bᵀ},
 * {@code dL/da_b = dL/ds_b · J_b = s_b ⊙ (g_b − (g_b · s_b))} where {@code g_b = dL/ds_b}; the Jacobian is never
 * formed.
 */
public final class Softmax implements Activation {
    /** Creates the activation; it holds no state. */
    public Softmax() {
    }

    @Override
    public void forward(Matrix pre, Matrix out) {
        Matrix.requireSameShape("softmax", pre, out);
        int rows = pre.rows();
        int cols = pre.cols();
        double[] a = pre.data();
        double[] s = out.data();
        for (int r = 0, base = 0; r < rows; r++, base += cols) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < cols; k++) {
                max = Math.max(max, a[base + k]);
            }
            double sum = 0.0;
            for (int k = 0; k < cols; k++) {
                double e = Math.exp(a[base + k] - max);
                s[base + k] = e;
                sum += e;
            }
            double scale = 1.0 / sum;
            for (int k = 0; k < cols; k++) {
                s[base + k] *= scale;
            }
        }
    }

    /** {@inheritDoc} SPEC.md step 2, row by row: {@code dL/da_b = s_b ⊙ (g_b − (g_b · s_b))}. */
    @Override
    public void backward(Matrix pre, Matrix out, Matrix outGradient, Matrix preGradient) {
        Activations.requireBackwardShapes("softmax backward", pre, out, outGradient, preGradient);
        int rows = out.rows();
        int cols = out.cols();
        double[] s = out.data();
        double[] g = outGradient.data();
        double[] d = preGradient.data();
        for (int r = 0, base = 0; r < rows; r++, base += cols) {
            double dot = 0.0;
            for (int k = 0; k < cols; k++) {
                dot += g[base + k] * s[base + k];
            }
            for (int k = 0; k < cols; k++) {
                d[base + k] = s[base + k] * (g[base + k] - dot);
            }
        }
    }
}
