package dev.plugnet.api;

/**
 * A fused backward for a network's tail, an (output activation, loss) pair: it replaces SPEC.md's steps 1
 * and 2 together. For softmax with cross-entropy it computes {@code dL/da2 = (1/B)(s ⊙ rowsum(t) − t)},
 * which needs neither the Jacobian nor the division by {@code s} and stays finite where {@code s} underflows.
 *
 * <p>A shortcut must give the same gradient as the generic steps wherever those are finite, and must compute
 * the loss from the logits in a stable way (for softmax: {@code −(1/B) Σ t · log_softmax(a2)} by
 * log-sum-exp).
 */
public interface Shortcut {
    /**
     * @param logits the output layer's pre-activation a, (B, K)
     * @param target the targets t, (B, K)
     * @return L, computed stably from the logits
     */
    double value(Matrix logits, Matrix target);

    /**
     * L, given the activation's output of the same forward pass as well, which a shortcut may use to save
     * work (softmax + cross-entropy: {@code ln s} where {@code s} is a normal number, instead of a second
     * log-sum-exp); the result must agree with {@link #value(Matrix, Matrix)} to rounding. The default ignores
     * {@code output}.
     *
     * @param logits the pre-activation a, (B, K)
     * @param output the activation's output for those logits, (B, K)
     * @param target the targets t, (B, K)
     * @return L
     */
    default double value(Matrix logits, Matrix output, Matrix target) {
        return value(logits, target);
    }

    /**
     * @param logits the pre-activation a, (B, K)
     * @param output the activation's output for those logits (for softmax, s), (B, K)
     * @param target the targets t, (B, K)
     * @param logitsGradient receives dL/da, (B, K)
     */
    void gradient(Matrix logits, Matrix output, Matrix target, Matrix logitsGradient);
}
