package dev.plugnet.losses.shortcut;

import dev.plugnet.api.Matrix;
import dev.plugnet.api.Shortcut;

/**
 * The fused backward of softmax followed by mean cross-entropy (SPEC.md, "the shortcut"), optionally with class
 * weights {@code w} (K). Everything below is written for the unweighted loss; with weights, read {@code t} as
 * {@code w ⊙ t} throughout: {@code L = −(1/B) Σ_b Σ_k w_k t_bk ln s_bk} and
 * {@code dL/da = (1/B)(s ⊙ Σ_k w_k t_bk − w ⊙ t)} (for one-hot rows {@code Σ_k w_k t_bk} is the row's weight).
 *
 * <p>The loss is computed from the logits {@code a} (B, K) by log-sum-exp, never as {@code ln} of an
 * underflowed {@code s}: with {@code m_b = max_k a_bk},
 * {@code L = −(1/B) Σ_b Σ_k t_bk (a_bk − m_b − ln Σ_j exp(a_bj − m_b))}, terms with {@code t_bk = 0} skipped.
 *
 * <p>The gradient replaces steps 1 and 2 together: {@code dL/da = (1/B)(s ⊙ rowsum(t) − t)}. Keeping
 * {@code rowsum(t)} makes it exact for target rows that do not sum to 1; for one-hot or probability rows it is
 * the familiar {@code (s − t)/B}. It needs neither the Jacobian nor a division by {@code s}, so it stays finite
 * where {@code s} underflows to 0.
 */
public final class SoftmaxCrossEntropyShortcut implements Shortcut {
    private final double[] weights;

    /** Creates the unweighted shortcut; it holds no state. */
    public SoftmaxCrossEntropyShortcut() {
        this(null);
    }

    /** @param weights w, one non-negative weight per class (copied), or {@code null} for the unweighted loss */
    public SoftmaxCrossEntropyShortcut(double[] weights) {
        this.weights = weights == null ? null : weights.clone();
    }

    /** @return {@code w_k t_bk} of element {@code i} of a row-major (B, K) target */
    private double weighted(double[] t, int i, int k) {
        return weights == null ? t[i] : weights[k] * t[i];
    }

    private void requireWidth(Matrix m) {
        if (weights != null && m.cols() != weights.length) {
            throw new dev.plugnet.api.ShapeMismatchException("softmax_cross_entropy class_weights", "the output has "
                    + m.cols() + " columns but there are " + weights.length + " class weights");
        }
    }

    /**
     * @param logits a, (B, K)
     * @param target t, (B, K)
     * @return L by log-sum-exp on the logits alone; {@link #value(Matrix, Matrix, Matrix)} agrees with it to
     *         rounding
     */
    public double valueFromLogits(Matrix logits, Matrix target) {
        Matrix.requireSameShape("softmax_cross_entropy target", logits, target);
        requireWidth(logits);
        int rows = logits.rows();
        int cols = logits.cols();
        double[] a = logits.data();
        double[] t = target.data();
        double sum = 0.0;
        for (int r = 0, base = 0; r < rows; r++, base += cols) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < cols; k++) {
                max = Math.max(max, a[base + k]);
            }
            double exps = 0.0;
            for (int k = 0; k < cols; k++) {
                exps += Math.exp(a[base + k] - max);
            }
            double logSum = Math.log(exps);
            for (int k = 0; k < cols; k++) {
                double tk = weighted(t, base + k, k);
                if (tk != 0.0) {
                    sum += tk * (a[base + k] - max - logSum);
                }
            }
        }
        return -sum / rows;
    }

    /**
     * {@inheritDoc} Each term {@code t_bk · ln s_bk} takes {@code ln s_bk} from the softmax output where
     * {@code s_bk} is at least {@link #RELIABLE_OUTPUT} (there it equals {@code a_bk − m_b − ln Σ exp} to a few
     * ulps); a row with a smaller {@code s_bk} under a non-zero target falls back to the log-sum-exp of
     * {@link #valueFromLogits(Matrix, Matrix)}. For one-hot targets that is one {@code ln} per row instead of K
     * {@code exp}s and one {@code ln}.
     */
    @Override
    public double value(Matrix logits, Matrix output, Matrix target) {
        Matrix.requireSameShape("softmax_cross_entropy output", logits, output);
        Matrix.requireSameShape("softmax_cross_entropy target", logits, target);
        requireWidth(logits);
        int rows = logits.rows();
        int cols = logits.cols();
        double[] a = logits.data();
        double[] s = output.data();
        double[] t = target.data();
        double sum = 0.0;
        for (int r = 0, base = 0; r < rows; r++, base += cols) {
            double row = 0.0;
            boolean reliable = true;
            for (int k = 0; k < cols; k++) {
                double tk = weighted(t, base + k, k);
                if (tk != 0.0) {
                    double sk = s[base + k];
                    if (!(sk >= RELIABLE_OUTPUT)) {
                        reliable = false;
                        break;
                    }
                    row += tk * Math.log(sk);
                }
            }
            sum += reliable ? row : logSoftmaxDot(a, t, base, cols, weights);
        }
        return -sum / rows;
    }

    /** Below this a softmax output may have lost relative precision to underflow (it is far above subnormal). */
    static final double RELIABLE_OUTPUT = 0x1p-900;

    /**
     * {@code Σ_k w_k t_bk (a_bk − m_b − ln Σ_j exp(a_bj − m_b))} for one row ({@code w_k = 1} without weights),
     * terms with {@code w_k t_bk = 0} skipped.
     */
    private static double logSoftmaxDot(double[] a, double[] t, int base, int cols, double[] weights) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < cols; k++) {
            max = Math.max(max, a[base + k]);
        }
        double exps = 0.0;
        for (int k = 0; k < cols; k++) {
            exps += Math.exp(a[base + k] - max);
        }
        double logSum = Math.log(exps);
        double sum = 0.0;
        for (int k = 0; k < cols; k++) {
            double tk = weights == null ? t[base + k] : weights[k] * t[base + k];
            if (tk != 0.0) {
                sum += tk * (a[base + k] - max - logSum);
            }
        }
        return sum;
    }

    /**
     * {@inheritDoc} Steps 1 and 2 fused: {@code dL/da = (1/B)(s ⊙ rowsum(t) − t)}; with class weights
     * {@code dL/da = (1/B)(s ⊙ Σ_k w_k t_bk − w ⊙ t)}.
     */
    @Override
    public void gradient(Matrix logits, Matrix output, Matrix target, Matrix logitsGradient) {
        Matrix.requireSameShape("softmax_cross_entropy output", logits, output);
        Matrix.requireSameShape("softmax_cross_entropy target", logits, target);
        Matrix.requireSameShape("softmax_cross_entropy gradient", logits, logitsGradient);
        requireWidth(logits);
        int rows = output.rows();
        int cols = output.cols();
        double[] s = output.data();
        double[] t = target.data();
        double[] d = logitsGradient.data();
        double inverseBatch = 1.0 / rows;
        for (int r = 0, base = 0; r < rows; r++, base += cols) {
            double targetSum = 0.0;
            for (int k = 0; k < cols; k++) {
                targetSum += weighted(t, base + k, k);
            }
            for (int k = 0; k < cols; k++) {
                d[base + k] = inverseBatch * (s[base + k] * targetSum - weighted(t, base + k, k));
            }
        }
    }
}
