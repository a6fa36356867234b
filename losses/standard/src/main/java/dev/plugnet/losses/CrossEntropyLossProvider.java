package dev.plugnet.losses;

import dev.plugnet.api.Loss;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.Options;

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
    public Loss create(Options options) {
        return new CrossEntropyLoss();
    }

    /** @return {@code true}: {@code ln s} needs each output row to be a distribution */
    @Override
    public boolean needsDistribution() {
        return true;
    }
}
