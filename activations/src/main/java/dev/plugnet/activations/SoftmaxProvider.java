package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Formulas;

/**
 * Provides {@code softmax}, which turns each row of logits into a probability distribution (see
 * {@link Softmax}); a loss such as {@code cross_entropy} requires it.
 */
public final class SoftmaxProvider implements ActivationProvider {
    /** Creates the provider; it holds no state. */
    public SoftmaxProvider() {
    }

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public String description() {
        return "Softmax of each row, exp(a_k) / sum_i exp(a_i), computed stably; outputs a distribution.";
    }

    @Override
    public Activation create(ActivationContext context) {
        return new Softmax();
    }

    /** @return {@code true}: every output row is non-negative and sums to 1 */
    @Override
    public boolean outputsDistribution() {
        return true;
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("exp({in}_bk) / Σ_i exp({in}_bi), row by row", "dL/d{out} · J_b   (row by row, J_b = diag({out}_b) − {out}_b {out}_bᵀ)");
    }
}
