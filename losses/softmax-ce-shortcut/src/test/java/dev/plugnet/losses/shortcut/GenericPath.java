package dev.plugnet.losses.shortcut;

import dev.plugnet.api.Matrix;

/**
 * SPEC.md's generic tail written out plainly, as the yardstick for the shortcut: softmax, the cross-entropy
 * value {@code −(1/B) Σ t ln s}, step 1 {@code dL/ds = −(1/B) t/s} and step 2, the softmax vector-Jacobian product
 * with {@code J_b = diag(s_b) − s_b s_bᵀ} formed explicitly.
 */
final class GenericPath {
    private GenericPath() {
    }

    static Matrix softmax(Matrix logits) {
        Matrix s = Matrix.zeros(logits.rows(), logits.cols());
        for (int b = 0; b < logits.rows(); b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < logits.cols(); k++) {
                max = Math.max(max, logits.get(b, k));
            }
            double sum = 0;
            for (int k = 0; k < logits.cols(); k++) {
                sum += Math.exp(logits.get(b, k) - max);
            }
            for (int k = 0; k < logits.cols(); k++) {
                s.set(b, k, Math.exp(logits.get(b, k) - max) / sum);
            }
        }
        return s;
    }

    static double crossEntropy(Matrix s, Matrix t) {
        double sum = 0;
        for (int b = 0; b < s.rows(); b++) {
            for (int k = 0; k < s.cols(); k++) {
                if (t.get(b, k) != 0) {
                    sum += t.get(b, k) * Math.log(s.get(b, k));
                }
            }
        }
        return -sum / s.rows();
    }

    /** Step 1 then step 2. */
    static Matrix logitsGradient(Matrix s, Matrix t) {
        int batch = s.rows();
        int k = s.cols();
        Matrix result = Matrix.zeros(batch, k);
        for (int b = 0; b < batch; b++) {
            double[] ds = new double[k];
            for (int i = 0; i < k; i++) {
                ds[i] = t.get(b, i) == 0 ? 0 : -(1.0 / batch) * t.get(b, i) / s.get(b, i);
            }
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    double jacobian = (i == j ? s.get(b, i) : 0.0) - s.get(b, i) * s.get(b, j);
                    sum += ds[i] * jacobian;
                }
                result.set(b, j, sum);
            }
        }
        return result;
    }
}
