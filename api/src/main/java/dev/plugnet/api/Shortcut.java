package dev.plugnet.api;

/**
 * A fused backward for a network's tail, an (output activation, loss) pair: it replaces SPEC.md's steps 1
 * and 2 together. For softmax with cross-entropy it computes {@code dL/da2 = (1/B)(s ⊙ rowsum(t) − t)},
 * which needs neither the Jacobian nor the division by {@code s} and stays finite where {@code s} underflows.
 *
 * <p>A shortcut must give the same loss and gradient as the generic steps wherever those are finite, and must
 * compute the loss from the logits in a stable way (for softmax: {@code −(1/B) Σ t · log_softmax(a2)} by
 * log-sum-exp), so that both stay finite at logits of ±1000.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Shortcut {
    /**
     * L, from the logits and, to save work, the activation's output of the same forward pass (softmax +
     * cross-entropy may use {@code ln s} where {@code s} is a normal number and fall back to log-sum-exp on the
     * logits elsewhere).
     *
     * @param logits the output layer's pre-activation a, (B, K)
     * @param output the activation's output for those logits, (B, K)
     * @param target the targets t, (B, K)
     * @return L, the mean over the batch, computed stably from the logits
     * @throws ShapeMismatchException if the shapes differ
     */
    double value(Matrix logits, Matrix output, Matrix target);

    /**
     * @param logits the pre-activation a, (B, K)
     * @param output the activation's output for those logits (for softmax, s), (B, K)
     * @param target the targets t, (B, K)
     * @param logitsGradient receives dL/da, (B, K); overwritten, not accumulated
     * @throws ShapeMismatchException if the shapes differ
     */
    void gradient(Matrix logits, Matrix output, Matrix target, Matrix logitsGradient);
}
