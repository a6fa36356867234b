package dev.plugnet.losses;

import dev.plugnet.api.Loss;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.LossProvider;
import dev.plugnet.api.Formulas;

/** Provides {@code mse}, the mean squared error over every output element (see {@link MeanSquaredErrorLoss}). */
public final class MeanSquaredErrorLossProvider implements LossProvider {
    /** Creates the provider; it holds no state. */
    public MeanSquaredErrorLossProvider() {
    }

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public String description() {
        return "Mean squared error (1/(B*K)) sum (y - t)^2 over every output element.";
    }

    @Override
    public Loss create(LossContext context) {
        return new MeanSquaredErrorLoss();
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("(1/(B·K)) Σ ({in} − t)²", "(2/(B·K)) ({in} − t)");
    }
}
