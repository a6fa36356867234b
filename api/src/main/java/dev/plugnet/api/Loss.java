package dev.plugnet.api;

/**
 * A loss over a batch of B rows, with its derivative beside it.
 *
 * <p>For {@code cross_entropy} of SPEC.md, {@link #value} is {@code L = −(1/B) Σ_b Σ_k t_bk ln s_bk} and
 * {@link #gradient} is step 1, {@code dL/ds = −(1/B) · t / s}. A term with {@code t_bk = 0} contributes exactly
 * 0, even where {@code s_bk = 0}; where {@code t_bk > 0} meets {@code s_bk = 0} the result is not finite and the
 * network reports it (see {@link NonFiniteException}) rather than train on it.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Loss {
    /**
     * @param output the network's output, (B, K)
     * @param target the targets t, (B, K)
     * @return L, the mean over the batch
     */
    double value(Matrix output, Matrix target);

    /**
     * @param output the network's output, (B, K)
     * @param target the targets t, (B, K)
     * @param outputGradient receives dL/d(output), (B, K)
     */
    void gradient(Matrix output, Matrix target, Matrix outputGradient);
}
