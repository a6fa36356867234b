package dev.plugnet.losses;

import dev.plugnet.api.Loss;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.Formulas;

/**
 * Provides {@code cross_entropy}, the mean cross-entropy of a distribution output against targets (see
 * {@link CrossEntropyLoss}); it needs an output activation whose rows are distributions, such as softmax.
 */
public final class CrossEntropyLossProvider implements LossProvider {
    /** Creates the provider; it holds no state. */
    public CrossEntropyLossProvider() {
    }

    @Override
    public String name() {
        return "cross_entropy";
    }

    @Override
    public String description() {
        return "Mean cross-entropy -(1/B) sum t ln s of a distribution output against target rows.";
    }

    @Override
    public Loss create(LossContext context) {
        return new CrossEntropyLoss();
    }

    /** @return {@code true}: {@code ln s} needs each output row to be a distribution */
    @Override
    public boolean needsDistribution() {
        return true;
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("−(1/B) Σ_b Σ_k t_bk ln {in}_bk", "−(1/B) · t / {in}");
    }
}
