package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Formulas;

/** Provides {@code sigmoid}, the logistic function {@code 1 / (1 + e^−a)} (see {@link Sigmoid}). */
public final class SigmoidProvider implements ActivationProvider {
    /** Creates the provider; it holds no state. */
    public SigmoidProvider() {
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String description() {
        return "Logistic function 1 / (1 + e^-a), element-wise, with outputs in (0, 1).";
    }

    @Override
    public Activation create(ActivationContext context) {
        return new Sigmoid();
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("1 / (1 + e^−{in})", "dL/d{out} ⊙ {out} ⊙ (1 − {out})");
    }
}
