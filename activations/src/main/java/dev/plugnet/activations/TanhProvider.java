package dev.plugnet.activations;

import dev.plugnet.api.Activation;
import dev.plugnet.api.ActivationContext;
import dev.plugnet.api.ActivationProvider;
import dev.plugnet.api.Formulas;

/** Provides {@code tanh}, the hyperbolic tangent (see {@link Tanh}). */
public final class TanhProvider implements ActivationProvider {
    /** Creates the provider; it holds no state. */
    public TanhProvider() {
    }

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "Hyperbolic tangent, element-wise, with outputs in (-1, 1).";
    }

    @Override
    public Activation create(ActivationContext context) {
        return new Tanh();
    }

    @Override
    public Formulas formulas() {
        return Formulas.of("tanh({in})", "dL/d{out} ⊙ (1 − {out}²)");
    }
}
