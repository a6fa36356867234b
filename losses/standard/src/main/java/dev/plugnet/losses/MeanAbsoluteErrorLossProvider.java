package dev.plugnet.losses;

import dev.plugnet.api.Formulas;
import dev.plugnet.api.Loss;
import dev.plugnet.api.LossContext;
import dev.plugnet.api.LossProvider;

/** Provides {@code mae}, the mean absolute error over every output element (see {@link MeanAbsoluteErrorLoss}). */
public final class MeanAbsoluteErrorLossProvider implements LossProvider {
    /** Creates the provider; it holds no state. */
    public MeanAbsoluteErrorLossProvider() {
    }

    @Override
    public String name() {
        return "mae";
    }

    @Override
    public String description() {
        return "Mean absolute error (1/(B*K)) sum |y - t| over every output element.";
    }

    @Override
    public Loss create(LossContext context) {
        return new MeanAbsoluteErrorLoss();
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("(1/(B·K)) Σ |{in} − t|", "(1/(B·K)) sign({in} − t)");
    }
}
